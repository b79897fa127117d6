"""The annual report on a register shaped like the 2024 Charente seed (issue 15, 12–15).

`tests/fixtures/seed2024.py` holds 2023 and 2024: ASLL measures with sector, worker,
tenure and reasons for stopping; requests the GTS decided on; diagnostics; ESU enquiries
with their dates. Each test reads the produced workbook or Word document as a user would.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

import seed2024  # noqa: E402

from asll.config import Config, Service  # noqa: E402
from asll.domain.labels import STATUTS_OCCUPATION  # noqa: E402
from asll.storage.register import Register  # noqa: E402
from reports import annual_report, rendu  # noqa: E402
from reports.stats import Tableau  # noqa: E402

SERVICE = Service(
    nom="GIP Charente Solidarités",
    adresse="4 rue Fontaine du Lizier",
    code_postal="16000",
    commune="Angoulême",
    departement="Charente",
)


@pytest.fixture(scope="module")
def rapport(tmp_path_factory):
    path = tmp_path_factory.mktemp("registre") / "registre.xlsx"
    register = Register.open(path)
    for dossier in seed2024.all_dossiers():
        register.put(dossier)
    register.save()
    dossiers = Register.open(path).dossiers()  # as read back from the workbook
    return annual_report(
        dossiers,
        2024,
        Config(service=SERVICE),
        tmp_path_factory.mktemp("rapport"),
        pdf=False,
        aujourd_hui=date(2025, 2, 3),
    )


def _feuille(path: Path, nom: str) -> tuple[list, dict]:
    """Headers and {label: [values…]} of sheet `nom`."""
    ws = load_workbook(path)[nom]
    entetes = [c.value for c in ws[3]]
    lignes = {
        r[0]: list(r[1:])
        for r in ws.iter_rows(min_row=4, values_only=True)
        if r[0] is not None and any(v is not None for v in r[1:])
    }
    return entetes, lignes


def _texte(doc: Document) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


# ---------------------------------------------------------------- 12 timeliness
def test_timeliness_indicators(rapport):
    entetes, lignes = _feuille(rapport.xlsx, "ESU délais")
    assert entetes == ["Indicateur", "Dans le délai", "Dossiers renseignés", "%", "% 2023"]
    # 5 reports; one sent on the hearing day
    assert lignes["Rapport envoyé avant l'audience"][:2] == [4, 5]
    # the report of the 14 May 2024 hearing, sent on 6 May, is late once 8 and 9 May
    # (public holidays) are skipped
    assert lignes["Rapport envoyé au moins 5 jours ouvrés avant l'audience"][:3] == [
        3,
        5,
        "60\u00a0%",
    ]
    # 4 interviews dated; the one of 30 September came 20 working days after the saisine
    assert lignes["Entretien proposé dans les 15 jours ouvrés de la saisine"][:2] == [3, 4]
    assert lignes["Préfet saisi au moins 42 jours avant l'audience"][:2] == [4, 5]
    # 2023: one report of two 5 working days ahead
    assert lignes["Rapport envoyé au moins 5 jours ouvrés avant l'audience"][3] == "50\u00a0%"
    doc = Document(rapport.docx)
    assert "Respect des délais" in [p.text for p in doc.paragraphs]
    assert "1 enquête dont la saisine est arrivée moins de 42 jours avant l'audience" in _texte(doc)


# ---------------------------------------------------------------- 13 previous year
def test_previous_year_everywhere_and_diagnostics_apart(rapport):
    doc = Document(rapport.docx)
    cles = doc.tables[0]
    assert [c.text for c in cles.rows[0].cells] == ["Indicateur", "2024", "2023"]
    chiffres = {r.cells[0].text: (r.cells[1].text, r.cells[2].text) for r in cles.rows[1:]}
    # diagnostics and refused requests are not ASLL measures
    assert chiffres["Mesures ASLL de l'année (accordées)"] == ("15", "6")
    assert chiffres["Diagnostics demandés"] == ("5", "3")
    assert chiffres["Enquêtes sociales (ESU / DSF) ouvertes"] == ("5", "2")

    entetes, lignes = _feuille(rapport.xlsx, "ESU bailleur")
    assert entetes[-1] == "Total 2023" and lignes["TOTAL"][-1] == 2
    entetes, lignes = _feuille(rapport.xlsx, "ESU commune")
    assert entetes[-1] == "Total 2023" and lignes["Cognac"][-1] == 1
    entetes, _ = _feuille(rapport.xlsx, "ESU mesures")
    assert entetes[3:] == ["2023", "% 2023"]
    entetes, lignes = _feuille(rapport.xlsx, "ESU revenus")
    assert entetes == ["Revenus", "2024", "% 2024", "2023", "% 2023"]

    for feuille, colonne in (
        ("ASLL composition", "Total 2023"),
        ("ESU composition", "Total 2023"),
        ("ASLL ressources", "Ménages 2023"),
        ("ESU ressources", "Ménages 2023"),
        ("ASLL fins de mesure", "Total 2023"),
        ("ASLL plans", "2023"),
        ("ASLL objectifs", "Fixé 2023"),
    ):
        assert _feuille(rapport.xlsx, feuille)[0][-1] == colonne, feuille
    _, fins = _feuille(rapport.xlsx, "ASLL fins de mesure")
    assert fins["Travail possible"][-1] == 2 and fins["TOTAL"][-1] == 4  # 2023
    _, ressources = _feuille(rapport.xlsx, "ESU ressources")
    assert ressources["RSA"] == [4, 2]
    _, objectifs = _feuille(rapport.xlsx, "ASLL objectifs")
    assert objectifs["Budget"][0] == 12 and objectifs["Budget"][-1] == 5  # 2024, 2023

    _, nature = _feuille(rapport.xlsx, "ASLL nature")
    assert "Diagnostic" not in nature
    _, diag = _feuille(rapport.xlsx, "Diagnostics origine")
    assert {k: v[0] for k, v in diag.items() if k != "TOTAL"} == {
        "Commission FSL maintien": 2,
        "Commission FSL énergie": 2,
        "GTS": 1,
    }
    assert diag["Commission FSL maintien"][2] == 2  # 2023
    assert "4 diagnostics rendus (80\u00a0%)." in _texte(doc)


# ---------------------------------------------------------------- 14 tables of the 2024 seed
def test_tables_of_the_2024_seed(rapport):
    x = rapport.xlsx
    _, occupation = _feuille(x, "ASLL statut occupation")
    assert {k: v[0] for k, v in occupation.items() if k != "TOTAL"} == {
        STATUTS_OCCUPATION["locataire_public"]: 3,
        STATUTS_OCCUPATION["locataire_prive"]: 6,
        STATUTS_OCCUPATION["sous_locataire"]: 1,
        STATUTS_OCCUPATION["heberge"]: 1,
        STATUTS_OCCUPATION["sans_logement"]: 1,
    }
    texte = _texte(Document(rapport.docx))
    assert "Locataires\u00a0: 75\u00a0% des ménages accompagnés (contre 80\u00a0% en 2023)" in texte

    _, secteurs = _feuille(x, "ASLL secteur")
    assert secteurs["Ruffécois"][0] == 3 and secteurs["Ruffécois"][2] == 2
    _, travailleurs = _feuille(x, "ASLL referent")
    assert travailleurs["Camille ROUX"][0] == 3

    entetes, decisions = _feuille(x, "GTS décisions")
    assert {k: v[0] for k, v in decisions.items() if k != "TOTAL"} == {
        "Accord": 3,
        "Refus": 4,
        "Diagnostic demandé": 1,
        "Complément d'information": 1,
    }
    _, refus = _feuille(x, "GTS motifs de refus")
    assert list(refus)[:3] == ["Orientation DALO", "AVDL", "Usager autonome"]
    assert refus["Orientation DALO"][0] == 2 and refus["AVDL"][2] == 1
    assert "4 refus en 2024\u00a0: Orientation DALO (2), AVDL (1), Usager autonome (1)." in texte

    _, durees = _feuille(x, "ASLL durées")
    assert [durees[k][0] for k in ("Moins de 6 mois", "De 6 à 12 mois", "Plus de 12 mois")] == [
        5,
        1,
        1,
    ]
    entetes, fins = _feuille(x, "ASLL fins par origine")
    assert entetes[1:3] == ["Travail possible", "Travail non possible"]
    assert fins["Travailleur social"] == [2, 2, 0, 4]
    assert fins["Commission FSL maintien"] == [1, 1, 0, 2]
    assert "Commission FSL maintien\u00a0: travail possible dans 50\u00a0% des cas" in texte


def test_headed_places_for_the_directors_text(rapport):
    doc = Document(rapport.docx)
    titres = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    for titre in (
        "Missions du service",
        "Moyens et personnel",
        "Observations",
        "Perspectives 2025",
    ):
        assert titre in titres
    # figures between the service's presentation and the director's conclusions
    assert titres.index("Moyens et personnel") < titres.index("Chiffres clés")
    assert titres.index("Observations") > titres.index("4. Les enquêtes sociales (ESU / DSF)")
    paragraphes = doc.paragraphs
    for i, p in enumerate(paragraphes):
        if p.text == "Perspectives 2025":
            suite = paragraphes[i + 1]
            assert suite.text.startswith("[à compléter")
            assert suite.runs[0].font.highlight_color is not None


# ---------------------------------------------------------------- 15 layout
def test_singular_and_plural(rapport):
    texte = _texte(Document(rapport.docx))
    assert "1 ménage a mis en place un plan d'apurement" in texte
    assert "aucun ne l'a respecté" in texte
    assert "5 enquêtes en 2024" in texte
    assert not re.search(r"\b1 (ménages|enquêtes|diagnostics)\b", texte)


def test_every_table_prints_readably(rapport):
    doc = Document(rapport.docx)
    page = doc.sections[0].page_width - doc.sections[0].left_margin - doc.sections[0].right_margin
    for t in doc.tables:
        premiere = t.rows[0]._tr
        assert premiere.trPr.find(qn("w:tblHeader")) is not None  # header on each page
        largeur = sum(int(g.get(qn("w:w"))) for g in t._tbl.tblGrid.findall(qn("w:gridCol")))
        assert largeur * 635 <= page + 635 * 10  # twips → EMU: fits the page width
    wb = load_workbook(rapport.xlsx)
    for ws in wb.worksheets[:-1]:  # every table sheet; the last one is the method
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$3:$3"


def test_chart_labels_never_overlap():
    libelles = list(STATUTS_OCCUPATION.values()) + ["Commission FSL maintien", "Intercommunalité"]
    t = Tableau("x", "x", ["Statut", "Nombre"], [[l, i + 1] for i, l in enumerate(libelles)])
    t.graphique = "barres"
    fig = rendu.figure(t)
    try:
        ax = fig.axes[0]
        assert not rendu.etiquettes_se_chevauchent(fig, ax)
        # the check itself sees labels that collide: the same labels, level and unwrapped
        ax.set_xticks(range(len(libelles)), libelles)
        ax.tick_params(axis="x", labelrotation=0)
        assert rendu.etiquettes_se_chevauchent(fig, ax)
    finally:
        import matplotlib.pyplot as plt

        plt.close(fig)


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")), reason="LibreOffice absent"
)
def test_no_word_split_in_the_printed_tables(rapport, tmp_path):
    """Every word of every table header is printed whole in LibreOffice's PDF."""
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), rapport.docx],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / (rapport.docx.stem + ".pdf")
    texte = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    mots_imprimes = set(re.findall(r"[\w’'%-]+", texte))
    doc = Document(rapport.docx)
    for t in doc.tables:
        for cellule in t.rows[0].cells:
            for mot in re.findall(r"[\w’'%-]+", cellule.text):
                assert mot in mots_imprimes, f"« {mot} » coupé dans l'en-tête « {cellule.text} »"


def test_the_report_reads_only_its_years_dossiers_and_counts_the_same(tmp_path):
    """`asll rapport-annuel` reads the register on a few dates, then whole only for the
    dossiers of the year and the year before: the figures are those of the whole register."""
    import dataclasses

    from asll.domain.model import Personne
    from asll.storage.store import RegisterStore
    from reports import dossiers_du_rapport
    from reports.stats import statistiques

    older = []  # a register kept for years: measures and enquiries long closed
    for i in range(1, 13):
        d = dataclasses.replace(seed2024.all_dossiers()[i % 5], brouillons=[])
        d.numero = f"ASLL-2019-{i:04d}" if d.nature == "ASLL" else f"ESU-2019-{i:04d}"
        d.statut, d.date_ouverture = "Clos", date(2019, 3, i)
        d.date_document = d.date_gts = d.date_fin_mesure = None
        if d.date_debut_mesure:
            d.date_debut_mesure = date(2019, 4, i)
        d.personnes = [Personne(f"ANCIEN{i}", "Jean", "M.")]
        older.append(d)
    everything = seed2024.all_dossiers() + older
    store = RegisterStore(tmp_path / "registre.xlsx")
    store.db.import_register(everything, [], "essai")
    chosen = dossiers_du_rapport(store, 2024)
    assert {d.numero for d in chosen} == {d.numero for d in seed2024.all_dossiers()}
    assert statistiques(chosen, 2024) == statistiques(store.dossiers(), 2024)
    assert statistiques(chosen, 2024).chiffres_precedents is not None  # 2023 beside 2024
