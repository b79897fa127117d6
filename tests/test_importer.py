"""Importing a service's existing spreadsheet: no duplicate, bad rows reported."""

import subprocess
import sys
from datetime import date

from openpyxl import Workbook, load_workbook

from asll.app.importer import import_file
from asll.storage.store import RegisterStore

CSV_FROM_AN_OLD_TOOL = (
    "Suivi des enquêtes 2024\n"
    "N° dossier;Nom;Prénom;Adresse;CP;Ville;Bailleur;Dette;Date d'audience;Observations\n"
    "2024/017;MARTIN;Kévin;14 rue des Anémones;52100;SAINT-DIZIER;OPH de Saint-Dizier;"
    "3 412,87 €;14/10/2025;RDV pris\n"
    "2024/018;N'DIAYE;Aminata;6 ruelle du Grand Pont;52300;Joinville;SCI Les Tilleuls;"
    "2.187,40;28 octobre 2025;\n"
    "2024/019;;;;;;;;;ligne sans nom\n"
    "2024/020;=DUPONT;Jean;3 rue Jean Jaurès;52100;Saint-Dizier;Hamaris;abc;01/12/2025;\n"
)


def test_csv_in_cp1252_with_french_numbers_is_imported_once(tmp_path, register_url):
    source = tmp_path / "ancien suivi.csv"
    source.write_bytes(CSV_FROM_AN_OLD_TOOL.encode("cp1252"))
    store = RegisterStore(tmp_path / "registre.xlsx", register_url)

    report = import_file(source, store, today=date(2025, 9, 1))
    store.flush()
    assert [n for _, n in report.importes] == ["ESU-2025-0001", "ESU-2025-0002"]
    assert [row for row, _ in report.illisibles] == [5, 6]  # line numbers as in the file
    assert "montant illisible" in report.illisibles[1][1]

    martin = store.view().get("ESU-2025-0001")
    assert martin.montant_dette == 3412.87 and martin.date_audience.isoformat() == "2025-10-14"
    assert martin.personnes[0].prenom == "Kévin"
    assert "N° d'origine : 2024/017" in martin.observations
    assert store.view().get("ESU-2025-0002").montant_dette == 2187.4

    again = import_file(
        source, RegisterStore(tmp_path / "registre.xlsx", register_url), today=date(2026, 1, 5)
    )
    assert again.importes == []
    assert [n for _, n in again.deja_presents] == ["ESU-2025-0001", "ESU-2025-0002"]


def test_xlsx_with_own_headers_and_a_mapping_file(tmp_path, register_url):
    wb = Workbook()
    ws = wb.active
    ws.append(["Ménage", "Commune du logement", "Arriéré", "Mesure", "Début"])
    ws.append(["BOUZID Ahmed", "Angoulême", 2954, "Maintien", "01/03/2025"])
    source = tmp_path / "asll.xlsx"
    wb.save(source)
    mapping = tmp_path / "correspondance.toml"
    mapping.write_text(
        'nature_par_defaut = "ASLL"\n[colonnes]\n"Ménage" = "nom"\n'
        '"Commune du logement" = "commune"\n"Arriéré" = "montant_dette"\n'
        '"Mesure" = "type_mesure"\n"Début" = "date_debut_mesure"\n',
        encoding="utf-8",
    )
    store = RegisterStore(tmp_path / "registre.xlsx", register_url)
    report = import_file(source, store, mapping)
    store.flush()
    ((row, numero),) = report.importes
    assert numero.startswith("ASLL-")
    dossier = store.view().get(numero)
    assert dossier.type_mesure == "maintien" and dossier.date_debut_mesure.month == 3
    rows = list(
        load_workbook(tmp_path / "registre.xlsx")["Documents reçus"].iter_rows(
            min_row=2, values_only=True
        )
    )
    assert rows[0][5] == "importé"


def test_command_reports_in_french(tmp_path):
    source = tmp_path / "suivi.csv"
    source.write_bytes(CSV_FROM_AN_OLD_TOOL.encode("cp1252"))
    result = subprocess.run(
        [sys.executable, "-m", "asll", "importer", str(source), "--espace", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "2 dossier(s) importé(s), 0 déjà présent(s), 2 ligne(s) illisible(s)" in result.stdout
    assert "ligne 5 : illisible — pas de nom de ménage" in result.stdout


# An ASLL follow-up list as services kept them in the 2000s: « Prestation » names the
# household's benefit (ASSEDIC, RMI, AAH…), « Montant » its monthly amount.
ASLL_LIST_WITH_BENEFITS = (
    "N° dossier;Nom;Prénom;Ville;Bailleur;Type de mesure;Début de la mesure;"
    "Revenus;Prestation;Montant\n"
    "A-12;HUMBERT;Josiane;Saint-Dizier;OPHLM;Maintien;02/02/2024;;ASSEDIC;612,40\n"
    "A-13;KOUASSI;Ama;Saint-Dizier;OPAC;Maintien;15/03/2024;;RMI + APL;\n"
    "A-14;LAURENT;Marc;Wassy;SCI Les Tilleuls;Accès;04/04/2024;;AAH 628,00 €;\n"
    "A-15;PETIT;Nadia;Joinville;OPHLM;Maintien;10/05/2024;;Prime de Noël;150\n"
    "A-16;ROBERT;Luc;Joinville;OPHLM;Maintien;12/05/2024;1 salaire;;\n"
)


def test_benefits_are_imported_and_counted_in_the_annual_report(tmp_path):
    from asll.config import Config, Service
    from reports import annual_report

    source = tmp_path / "suivi asll 2024.csv"
    source.write_bytes(ASLL_LIST_WITH_BENEFITS.encode("cp1252"))
    store = RegisterStore(tmp_path / "registre.xlsx")
    report = import_file(source, store, today=date(2024, 6, 1))
    store.flush()
    assert len(report.importes) == 5 and not report.illisibles

    by_name = {d.personnes[0].nom: d for d in store.view().dossiers()}
    assert [(r.type, r.montant) for r in by_name["HUMBERT"].ressources] == [("chomage", 612.4)]
    assert [r.type for r in by_name["KOUASSI"].ressources] == ["rsa", "apl"]
    assert [(r.type, r.montant) for r in by_name["LAURENT"].ressources] == [("aah", 628.0)]
    # an unknown benefit is kept as « Autre » and its name is not lost
    assert [r.type for r in by_name["PETIT"].ressources] == ["autre"]
    assert "Prime de Noël" in by_name["PETIT"].observations
    # the register shows them as the workers read them
    ws = load_workbook(tmp_path / "registre.xlsx")["Dossiers"]
    entetes = [c.value for c in ws[1]]
    cellules = [r[entetes.index("Ressources")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert "Chômage : 612,40 €" in cellules

    files = annual_report(
        store.view().dossiers(),
        2024,
        Config(service=Service(nom="Service logement")),
        tmp_path / "rapport",
        pdf=False,
    )
    ws = load_workbook(files.xlsx)["ASLL ressources"]
    lignes = {r[0]: r[1] for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}
    assert lignes["Chômage"] == 1 and lignes["RSA"] == 1 and lignes["AAH"] == 1
    assert lignes["Autre"] == 1
    assert "Non renseigné" not in lignes  # every household's resources are known
    revenus = {
        r[0]: r[1]
        for r in load_workbook(files.xlsx)["ASLL revenus"].iter_rows(min_row=4, values_only=True)
        if r[0]
    }
    assert revenus["Sans salaire"] == 4 and revenus["1 salaire"] == 1
