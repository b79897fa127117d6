"""Referral forms sent as spreadsheets (« fiche de saisine » of a CCAPEX, « fiche navette »
of a département): labels in column A and values in B, a household table, a resources
table, « X » typed in tick cells, dates and amounts as the sheet shows them. Built here
with openpyxl as a service would fill them, and read through the whole extractor; the
.ods and .xls versions through LibreOffice, as services save them. A spreadsheet that is
no form (a budget, a list of dossiers) is set aside, never taken for a household."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from generators.pdf import soffice
from intake.errors import UnreadableDocument
from intake.extract import extract
from intake.readers import read_document
from intake.readers.sheet import french_number
from tests.form_documents import people

EURO = '#,##0.00 "€"'


def _sheet(ws, rows, formats: dict[str, str] | None = None) -> None:
    for row in rows:
        ws.append(row)
    for ref, fmt in (formats or {}).items():
        for line in ws[ref] if ":" in ref else [[ws[ref]]]:
            for cell in line:
                cell.number_format = fmt


def _saisine_haute_vienne(path: Path) -> Path:
    """A CCAPEX's « fiche de saisine »: one sheet, sections one under the other."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Fiche de saisine"
    _sheet(
        ws,
        [
            ["CCAPEX DE LA HAUTE-VIENNE"],
            ["FICHE DE SAISINE - ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT"],
            [],
            ["Date de la saisine", datetime(2026, 10, 14)],
            ["Mesure demandée"],
            [None, "Accès", None],
            [None, "Maintien dans le logement", "X"],
            [None, "Renouvellement", None],
            [],
            ["LE MÉNAGE"],
            ["Civilité", "Nom", "Prénom", "Date de naissance", "Lien"],
            ["Mme", "BOURDIER", "Nathalie", datetime(1979, 3, 22), "Demandeur"],
            ["M.", "BOURDIER", "Kévin", datetime(2008, 7, 2), "Enfant"],
            [],
            ["LE LOGEMENT"],
            ["Adresse", "14 rue François Chénieux"],
            ["Code postal", 87000],
            ["Commune", "LIMOGES"],
            ["Bailleur", "Limoges Habitat"],
            ["Loyer mensuel (charges comprises)", 512.4],
            ["Montant de la dette locative", 2380],
            [],
            ["RESSOURCES DU MÉNAGE", "Montant mensuel"],
            ["Salaire", 1180],
            ["Allocation logement (CAF)", 236.5],
            [],
            ["PRESCRIPTEUR"],
            ["Nom du travailleur social", "Mme FAUCHER Claire"],
            ["Service", "Maison départementale des solidarités de Limoges Nord"],
            ["Téléphone", 555123456],
        ],
        {
            "B4": "dd/mm/yyyy",
            "D12:D13": "dd/mm/yyyy",
            "B20:B21": EURO,
            "B24:B25": EURO,
            "B30": '00" "00" "00" "00" "00',
        },
    )
    ws.merge_cells("A1:E1")
    ws.merge_cells("A2:E2")
    wb.save(path)
    return path


def test_a_ccapex_referral_sheet_reads_like_the_word_form(tmp_path):
    path = _saisine_haute_vienne(tmp_path / "saisine CCAPEX BOURDIER.xlsx")
    doc = read_document(path)
    assert doc.kind == "xlsx" and len(doc.pages) == 1 and not doc.warnings
    lines = doc.text.splitlines()
    # a merged title once; a row's filled cells joined as a Word table's row
    assert lines[:3] == [
        "CCAPEX DE LA HAUTE-VIENNE",
        "FICHE DE SAISINE - ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT",
        "Date de la saisine | 14/10/2026",
    ]
    # the « X » typed in the tick column, and the cells left empty beside the other options
    assert lines[4:7] == ["Accès | ☐", "Maintien dans le logement | ☒", "Renouvellement | ☐"]
    assert "Mme | BOURDIER | Nathalie | 22/03/1979 | Demandeur" in lines
    assert "Loyer mensuel (charges comprises) | 512,40 €" in lines
    assert "Montant de la dette locative | 2 380,00 €" in lines
    assert "Code postal | 87000" in lines and "Téléphone | 05 55 12 34 56" in lines
    # the household's table stops at the blank row: the housing's fields are not people
    household = next(t for t in doc.tables if t[0][0] == "Civilité")
    assert household[-1] == ["M.", "BOURDIER", "Kévin", "02/07/2008", "Enfant"]

    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert people(ex) == [("Mme", "BOURDIER", "Nathalie", date(1979, 3, 22))]
    assert [(c.nom, c.prenom) for c in ex.enfants] == [("BOURDIER", "Kévin")]
    assert (ex.adresse, ex.code_postal, ex.commune) == (
        "14 rue François Chénieux",
        "87000",
        "Limoges",
    )
    assert ex.bailleur == "Limoges Habitat"
    assert (ex.loyer_mensuel, ex.montant_dette) == (512.4, 2380.0)
    assert [(r.type, r.montant) for r in ex.ressources] == [("salaire", 1180.0), ("apl", 236.5)]
    assert ex.type_mesure == "maintien"
    assert ex.date_document == date(2026, 10, 14)
    assert ex.prescripteur == "Claire FAUCHER"
    assert ex.organisme_prescripteur == "Maison départementale des solidarités de Limoges Nord"
    assert ex.composition == "femme_seule" and ex.nb_enfants == 1
    assert ex.provenance["loyer_mensuel"]["extrait"] == "512,40 €"


def _navette_saone_et_loire(path: Path) -> Path:
    """A département's « fiche navette » over two sheets, a drop-down's list on a hidden
    third one; ticks as TRUE / FALSE (a checkbox linked to its cell) and as « x »."""
    wb = Workbook()
    ws = wb.active
    ws.title = "1. Ménage et logement"
    _sheet(
        ws,
        [
            ["DÉPARTEMENT DE SAÔNE-ET-LOIRE - FSL"],
            ["Fiche navette - demande d'accompagnement social lié au logement"],
            [],
            ["Demandeur"],
            ["Nom", "GUILLEMIN"],
            ["Prénom", "Rachid"],
            ["Né le", datetime(1984, 11, 5)],
            ["Conjoint(e)"],
            ["Nom", "GUILLEMIN"],
            ["Prénom", "Sophie"],
            ["Née le", datetime(1987, 1, 30)],
            ["Nombre d'enfants à charge", 2],
            [],
            ["Logement"],
            ["Adresse du logement", "6 allée des Acacias"],
            ["Code postal - Commune", "71100 CHALON-SUR-SAÔNE"],
            ["Statut d'occupation"],
            ["x", "Locataire"],
            [None, "Sous-locataire"],
            [None, "Hébergé"],
            ["Bailleur", "OPAC Saône-et-Loire"],
        ],
        {"B7": "dd/mm/yyyy", "B11": "dd/mm/yyyy"},
    )
    finances = wb.create_sheet("2. Budget et demande")
    _sheet(
        finances,
        [
            ["Ressources mensuelles du ménage", "Monsieur", "Madame"],
            ["Salaire", 1420, None],
            ["Prestations familiales (CAF)", None, 148.52],
            [],
            ["Loyer mensuel", 391],
            ["Dette de loyer", 1612.35],
            ["Date du décompte", datetime(2026, 10, 31)],
            [],
            ["Objet de la demande"],
            ["Accès au logement", False],
            ["Maintien dans les lieux", True],
            [],
            ["Travailleur social", "Julien MOREAU"],
            ["Organisme", "CCAS de Chalon-sur-Saône"],
            ["Fait le", datetime(2026, 11, 3)],
        ],
        {"B2:C3": EURO, "B5:B6": EURO, "B7": "dd/mm/yyyy", "B15": "dd/mm/yyyy"},
    )
    lists = wb.create_sheet("Listes")
    _sheet(lists, [["Mme DUPONT Liste"], ["Accès"], ["Maintien"]])
    lists.sheet_state = "hidden"
    wb.create_sheet("Feuil4")  # left empty
    wb.save(path)
    return path


def test_a_form_over_two_sheets_is_two_pages_without_its_hidden_lists(tmp_path):
    path = _navette_saone_et_loire(tmp_path / "fiche navette GUILLEMIN.xlsx")
    doc = read_document(path)
    assert len(doc.pages) == 2
    assert "DUPONT" not in doc.text
    assert "☒ Locataire" in doc.pages[0] and "☐ Hébergé" in doc.pages[0]
    # the field under the options is no option: no box beside its value
    assert "Bailleur | OPAC Saône-et-Loire\n" in doc.pages[0] + "\n"
    assert "Maintien dans les lieux | ☒" in doc.pages[1]
    assert "Accès au logement | ☐" in doc.pages[1]
    assert "Dette de loyer | 1 612,35 €" in doc.pages[1]
    assert "Objet de la demande\n" in doc.pages[1]  # a heading, no box

    ex = extract(path)
    assert ex.type_document == "fiche_prescription"
    assert [(p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("GUILLEMIN", "Rachid", date(1984, 11, 5)),
        ("GUILLEMIN", "Sophie", date(1987, 1, 30)),
    ]
    assert (ex.adresse, ex.code_postal) == ("6 allée des Acacias", "71100")
    assert ex.commune == "Chalon-sur-Saône"
    assert ex.bailleur == "OPAC Saône-et-Loire"
    assert (ex.loyer_mensuel, ex.montant_dette) == (391.0, 1612.35)
    assert ex.date_dette == date(2026, 10, 31)  # « Date du décompte »
    assert ex.type_mesure == "maintien"
    assert ex.nb_enfants == 2
    assert ex.prescripteur == "Julien MOREAU"
    assert ex.organisme_prescripteur == "CCAS de Chalon-sur-Saône"
    assert sorted((r.type, r.montant) for r in ex.ressources) == [
        ("prestations_familiales", 148.52),
        ("salaire", 1420.0),
    ]


@pytest.mark.parametrize(
    "value,fmt,shown",
    [
        (480, "General", "480"),
        (480.0, "0.00", "480,00"),
        (1250.5, '#,##0.00 "€"', "1 250,50 €"),
        (1250.5, "General", "1250,5"),
        (1000, "00000", "01000"),  # Ain's postcodes keep their zero
        (612345678, '00" "00" "00" "00" "00', "06 12 34 56 78"),
        (0.125, "0.0%", "12,5 %"),
        (-35.2, "#,##0.00", "-35,20"),
    ],
)
def test_numbers_as_a_french_reader_sees_them(value, fmt, shown):
    assert french_number(value, fmt) == shown


def _budget(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    _sheet(
        ws,
        [
            ["BUDGET PRÉVISIONNEL 2027 - SERVICE ASLL"],
            [],
            ["Poste", "Réalisé 2025", "Prévu 2026", "Prévu 2027"],
            ["Salaires et charges", 182400, 188000, 193500],
            ["Loyers des locaux", 14400, 14400, 14800],
            ["Aides financières FSL (dette locative)", 25000, 27500, 30000],
            ["Total", 221800, 229900, 238300],
        ],
    )
    wb.save(path)
    return path


def _agenda(path: Path) -> Path:
    """A CCAPEX's list of the referrals its commission examines: words of a referral
    (« saisine », « dette locative », « fiche de prescription ») for several households."""
    wb = Workbook()
    ws = wb.active
    _sheet(
        ws,
        [
            ["CCAPEX D'INDRE-ET-LOIRE - SAISINES EXAMINÉES EN COMMISSION DU 12/11/2026"],
            [],
            ["N°", "Ménage", "Adresse du logement", "Bailleur", "Dette locative", "Préconisation"],
            [
                1,
                "Mme PERRIN Sandrine",
                "5 rue Nationale 37000 TOURS",
                "Tours Habitat",
                1830.4,
                "Fiche de prescription ASLL maintien",
            ],
            [
                2,
                "M. HAMDI Karim",
                "12 allée des Tilleuls 37100 TOURS",
                "Val Touraine Habitat",
                620,
                "Plan d'apurement",
            ],
            [
                3,
                "Mme LEROUX Agnès",
                "3 place de la Mairie 37300 JOUÉ-LÈS-TOURS",
                "M. Bernard (particulier)",
                4210,
                "Diagnostic social et financier",
            ],
        ],
        {"E4:E6": EURO},
    )
    wb.save(path)
    return path


def _dossiers(path: Path) -> Path:
    """A service's own list of dossiers, one column a field."""
    wb = Workbook()
    ws = wb.active
    _sheet(
        ws,
        [
            ["N° dossier", "Civilité", "Nom", "Prénom", "Adresse", "Code postal", "Commune"],
            ["ASLL-2026-0012", "Mme", "PERRIN", "Sandrine", "5 rue Nationale", 37000, "TOURS"],
            ["ASLL-2026-0013", "M.", "HAMDI", "Karim", "12 allée des Tilleuls", 37100, "TOURS"],
        ],
    )
    wb.save(path)
    return path


@pytest.mark.parametrize("build", [_budget, _agenda, _dossiers])
def test_a_spreadsheet_that_is_no_form_is_set_aside_not_a_household(tmp_path, build):
    ex = extract(build(tmp_path / "classeur.xlsx"))
    assert ex.type_document == "inconnu"
    assert not ex.personnes and ex.montant_dette is None


def test_guards_refuse_a_forged_workbook_in_french(tmp_path, monkeypatch):
    from intake.readers import sheet

    path = _budget(tmp_path / "budget.xlsx")
    monkeypatch.setattr(sheet, "MAX_CELLS", 10)
    with pytest.raises(UnreadableDocument, match="cellules remplies"):
        read_document(path)
    monkeypatch.undo()
    bomb = tmp_path / "piege.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                # a « billion laughs » in small: entities that expand into each other
                data = b'<!DOCTYPE s [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]>' + data
            out.writestr(info, data)
    with pytest.raises(UnreadableDocument, match="DTD"):
        read_document(bomb)


def test_a_workbook_named_pdf_is_read_by_its_content(tmp_path):
    path = _saisine_haute_vienne(tmp_path / "saisine.pdf")
    doc = read_document(path)
    assert doc.kind == "xlsx"
    assert doc.warnings == [
        "Extension trompeuse : fichier Excel nommé .pdf ; il a été lu d'après son contenu."
    ]


@pytest.mark.skipif(soffice() is None, reason="LibreOffice absent")
@pytest.mark.parametrize("target,note", [("ods", "ODS (.ods)"), ("xls", "Excel 97-2003 (.xls)")])
def test_ods_and_xls_forms_read_after_conversion(tmp_path, target, note):
    source = _saisine_haute_vienne(tmp_path / "saisine.xlsx")
    outdir = tmp_path / target
    subprocess.run(
        [soffice(), "--headless", "--convert-to", target, "--outdir", outdir, source],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = outdir / f"saisine.{target}"
    doc = read_document(converted)
    assert doc.warnings == [f"Classeur au format {note}, lu après conversion par LibreOffice."]
    assert doc.text == read_document(source).text
    ex = extract(converted)
    assert people(ex) == [("Mme", "BOURDIER", "Nathalie", date(1979, 3, 22))]
    assert (ex.montant_dette, ex.type_mesure) == (2380.0, "maintien")


def test_ods_and_xls_without_libreoffice_are_refused_with_a_reason(tmp_path, monkeypatch):
    import generators.pdf

    monkeypatch.setattr(generators.pdf, "soffice", lambda: None)
    ods = tmp_path / "fiche.ods"
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(UnreadableDocument, match="LibreOffice.*n'est pas installé.*xlsx"):
        read_document(ods)


def test_the_watcher_files_a_spreadsheet_form_as_a_dossier(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _saisine_haute_vienne(inbox / "saisine CCAPEX BOURDIER.xlsx")
    _dossiers(inbox / "dossiers en cours.xlsx")
    result = subprocess.run(
        [sys.executable, "-m", "asll", "traiter", "--espace", tmp_path],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert list(inbox.iterdir()) == []
    from openpyxl import load_workbook

    rows = list(load_workbook(tmp_path / "registre.xlsx")["Dossiers"].values)
    assert sum("BOURDIER" in " ".join(map(str, r)) for r in rows[1:]) == 1
    assert not any("PERRIN" in " ".join(map(str, r)) for r in rows)
    assert (tmp_path / "a-trier" / "dossiers en cours.xlsx").is_file()


def test_an_acts_table_of_parties_is_no_list_of_households(tmp_path):
    """An avocat's assignation typed in Word with its parties in a table, the landlord a
    person with his address and the tenant with hers: two civilities, two addresses, but
    one dossier (the parties' roles say so)."""
    from tests.form_documents import docx

    path = docx(
        tmp_path / "assignation.docx",
        [
            ("p", "ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION"),
            ("p", "DU TRIBUNAL JUDICIAIRE DE TOURS"),
            (
                "tab",
                [
                    [
                        "DEMANDEUR",
                        "M. Bernard GIRAUD, demeurant 8 rue de la Scellerie, 37000 TOURS",
                    ],
                    [
                        "DÉFENDERESSE",
                        "Mme Agnès LEROUX, demeurant 3 place de la Mairie, 37300 JOUÉ-LÈS-TOURS",
                    ],
                ],
            ),
            ("p", "Nous, Paul MARTIN, commissaire de justice à Tours, avons donné assignation à"),
            ("p", "Madame Agnès LEROUX d'avoir à comparaître le lundi 11 janvier 2027 à 9 heures."),
            ("p", "La dette locative s'élève à 4 210,00 € arrêtée au 31 octobre 2026."),
        ],
    )
    ex = extract(path)
    assert ex.type_document == "assignation"
    assert ex.montant_dette == 4210.0
