"""Register follow-up values in the drafts, the not-met ESU form, final versions, PDFs."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from test_generators import AUJOURDHUI, DETTE, FINE, NBSP, dossier_complet, propre, surlignes, texte

import generators.context as context
import generators.pdf as pdf
from asll.domain import labels
from generators import (
    IncompleteDocument,
    convert_to_pdf,
    draft_document,
    final_document,
    pdf_available,
)
from generators.cases import cases_du_document, cocher
from generators.drafts import champs_restants

ROOT = Path(__file__).resolve().parent.parent


def rubriques_dsf() -> tuple[str, ...]:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "templates" / "build_templates.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.RUBRIQUES_DSF


def esu_rencontre():
    d = dossier_complet()
    d.menage_rencontre = "Oui"
    d.date_entretien = date(2025, 9, 18)
    d.date_envoi_rapport = date(2025, 10, 3)
    d.tentatives_contact = "courrier du 2/09 ; rendez-vous le 18/09"
    d.motif_impaye = "Difficultés financières"
    d.observations = 'Madame demande "un délai": elle reprend un emploi!'
    return d


def esu_non_rencontre():
    d = dossier_complet()
    d.menage_rencontre = "Non"
    d.tentatives_contact = "courriers des 2, 9 et 16 septembre ; visite sans rendez-vous le 19/09"
    d.nb_tentatives_contact = 4
    return d


def bilan_renseigne():
    d = dossier_complet("ASLL-2025-0003")
    d.date_debut_mesure, d.date_fin_mesure = date(2025, 3, 1), date(2025, 8, 31)
    d.renouvellements = 1
    d.resultats_objectifs = {"budget": "Atteint", "dette_apurement": "Partiellement atteint"}
    d.dette_debut_mesure, d.dette_fin_mesure = 3100.0, 1250.5
    d.plan_apurement, d.surendettement, d.relogement = "Respecté", "Dossier déposé", "En cours"
    d.motif_fin, d.proposition = "Limites de l'intervention atteintes", "Renouvellement"
    d.aide_fsl = "Oui"
    return d


# ------------------------------------------------------------------ labels: one table
def test_libelles_de_asll_labels(config):
    for ancien in (
        "LIBELLES_OBJECTIFS",
        "LIBELLES_MESURE",
        "LIBELLES_COMPOSITION",
        "LIBELLES_STATUT",
        "LIBELLES_RESSOURCE",
    ):
        assert not hasattr(context, ancien)
    ctx = context.build_context(dossier_complet(), config, AUJOURDHUI)
    assert ctx["type_mesure"] == labels.TYPES_MESURE_LONGS["maintien"]
    assert ctx["ressources"][0]["libelle"] == labels.RESSOURCES_LONGUES["salaire"]
    assert ctx["statut_occupation"] == labels.STATUTS_OCCUPATION["locataire_public"]
    assert ctx["objectifs"][2]["libelle"] == labels.OBJECTIFS_LONGS["budget"]


# ------------------------------------------------------------------ ESU, met and not met
def test_esu_rencontre(config):
    path = draft_document("esu", esu_rencontre(), config, AUJOURDHUI)
    assert path.name.endswith("_rapport-esu.docx")
    t = texte(path)
    propre(t)
    assert "☒ Le locataire a été rencontré en entretien, le 18 septembre 2025." in t
    assert "☐ Le locataire n'a pas pu être rencontré" in t
    assert f"Date d'envoi{NBSP}: 3 octobre 2025" in t
    assert "Difficultés financières" in t
    # French typography applied to the register's free text too
    assert f"Madame demande «{NBSP}un délai{NBSP}»{NBSP}: elle reprend un emploi{FINE}!" in t
    assert f"courrier du 2/09{FINE}; rendez-vous" in t


def test_esu_non_rencontre(config):
    path = draft_document("esu", esu_non_rencontre(), config, AUJOURDHUI)
    assert path.name == "ESU-2025-0001_LE-GUÉVÉNEC_rapport-esu-non-rencontre.docx"
    t = texte(path)
    propre(t)
    assert "☒ Le locataire n'a pas pu être rencontré malgré quatre tentatives de contact." in t
    assert "visite sans rendez-vous le 19/09" in t
    for partenaire in ("CAF / MSA", "Bailleur", "Fournisseur d'énergie", "Voisinage, gardien"):
        assert partenaire in t
    assert "Reste à vivre" not in t  # no budget without the household
    positions = [t.index(r) for r in rubriques_dsf()]
    assert positions == sorted(positions)
    # a new draft of the same household never overwrites
    assert draft_document("esu", esu_non_rencontre(), config).name.endswith(
        "-non-rencontre-v2.docx"
    )


# ------------------------------------------------------------------ ASLL
def test_convention_date_de_debut_du_registre(config):
    d = dossier_complet("ASLL-2025-0003")
    d.date_debut_mesure = date(2025, 10, 15)
    t = texte(draft_document("convention", d, config, AUJOURDHUI))
    assert "du 15 octobre 2025 au 14 avril 2026" in t
    assert "15 janvier 2026" in t  # évaluation à trois mois


def test_bilan_renseigne(config):
    path = draft_document("bilan", bilan_renseigne(), config, AUJOURDHUI)
    t = texte(path)
    propre(t)
    assert "☒ atteint☐ partiellement" in t  # (line breaks inside the cell)
    assert "Résorber la dette locative (plan d'apurement, aides du FSL)" in t
    assert "1er mars 2025" in t and "31 août 2025" in t
    assert f"6{NBSP}mois – renouvellements{NBSP}: 1" in t
    assert DETTE in t and f"3{FINE}100,00{NBSP}€" in t and f"1{FINE}250,50{NBSP}€" in t
    assert f"−2{FINE}162,37{NBSP}€" in t  # évolution depuis la demande
    coches = [l for l in t.split(f"Plan d'apurement{NBSP}:")[1].split("\n") if l.startswith("☒")]
    assert coches == [
        "☒ Plan d'apurement mis en place et respecté",
        "☒ Dossier de surendettement déposé à la Banque de France",
        "☒ Demande de relogement en cours",
        f"☒ Les limites de l'intervention sont atteintes{NBSP}: une mesure de protection est à "
        "envisager.",
        f"☒ Renouvellement de la mesure pour 6{NBSP}mois",  # a renewal lasts six months
    ]
    # every choice of the register is known; the current rent is ticked in Word
    assert surlignes(path).count("☐") == 3


def test_bilan_choix_non_faits_surlignes(config):
    path = draft_document("bilan", dossier_complet("ASLL-2025-0003"), config, AUJOURDHUI)
    assert surlignes(path).count("☐") >= 16  # 4 + 3 + 3 + 3 + 2 boxes, plus results
    restants = champs_restants(path)
    for libelle in (
        "Plan d'apurement",
        "Dossier de surendettement",
        "Relogement",
        "Motif de fin de l'accompagnement",
        "Proposition à la commission",
        "Résultat de l'objectif « Budget »",
        "Dette à la fin de la mesure",
    ):
        assert libelle in restants, libelle


# ------------------------------------------------------------------ final version
def _completer(path: Path) -> Path:
    """What the worker does in Word: write over every placeholder, tick a box of each choice
    and of each item of the DSF that has boxes."""
    doc = Document(str(path))
    vus = set()
    parties = [doc.element.body] + [s.header._element for s in doc.sections]
    for partie in parties:
        for t in partie.iter(qn("w:t")):
            if t.text == context.A_COMPLETER:
                t.text = "Rédigé par le travailleur social"
        ouverts = {}
        for e in partie.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:t")):
            if e.tag == qn("w:bookmarkStart"):
                ouverts[e.get(qn("w:id"))] = e.get(qn("w:name")).split("_", 2)[-1]
            elif e.tag == qn("w:bookmarkEnd"):
                ouverts.pop(e.get(qn("w:id")), None)
            elif e.text == "☐" and ouverts:
                cle = next(iter(ouverts.values()))
                if cle not in vus:
                    vus.add(cle)
                    cocher(next(e.iterancestors(qn("w:sdt"))))
    boites = cases_du_document(doc.element.body)
    for rubrique in {b.rubrique for b in boites}:
        dans = [b for b in boites if b.rubrique == rubrique]
        if not any(b.cochee for b in dans):
            cocher(dans[0].sdt)
    doc.save(str(path))
    return path


def test_version_finale_refusee_puis_acceptee(config):
    d = esu_rencontre()
    with pytest.raises(IncompleteDocument) as exc:
        final_document("esu", d, config, AUJOURDHUI)
    message = str(exc.value)
    assert "Préconisations du rédacteur" in message and "Recommandations de la CCAPEX" in message
    assert "Date de l'entretien" not in exc.value.champs  # known from the register
    assert not list(Path(config.outbox).glob("*-final*"))

    brouillon = _completer(draft_document("esu", d, config, AUJOURDHUI))
    assert champs_restants(brouillon) == []
    final = final_document("esu", d, config, AUJOURDHUI)
    assert final.name == "ESU-2025-0001_LE-GUÉVÉNEC_rapport-esu-final.docx"
    assert "Rédigé par le travailleur social" in texte(final)
    assert surlignes(final) == []
    assert "_ac" not in Document(str(final)).element.body.xml
    if pdf_available():
        assert final.with_suffix(".pdf").is_file()
    # never overwrite a final version either
    assert final_document("esu", d, config, AUJOURDHUI).name.endswith("-final-v2.docx")


def test_version_finale_non_rencontre_libelles(config):
    with pytest.raises(IncompleteDocument) as exc:
        final_document("esu", esu_non_rencontre(), config, AUJOURDHUI)
    assert exc.value.document.endswith("rapport-esu-non-rencontre.docx")
    assert "Date d'envoi du diagnostic au locataire et au bailleur" in exc.value.champs
    assert all(not c.startswith("Champ non identifié") for c in exc.value.champs)


def test_champ_non_identifie(tmp_path):
    doc = Document()
    doc.add_paragraph("Loyer : [à compléter]")
    tampon = io.BytesIO()
    doc.save(tampon)
    assert champs_restants(tampon.getvalue()) == ["Champ non identifié : « Loyer : [à compléter] »"]


# ------------------------------------------------------------------ PDF
def test_pdf_absent(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    assert not pdf.pdf_available()
    assert convert_to_pdf([tmp_path / "a.docx"]) == []


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice absent")
def test_pdf_des_quatre_documents(config, tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    docs = [
        draft_document("esu", esu_rencontre(), config, AUJOURDHUI),
        draft_document("esu", esu_non_rencontre(), config, AUJOURDHUI),
        draft_document("convention", dossier_complet("ASLL-2025-0003"), config, AUJOURDHUI),
        draft_document("bilan", bilan_renseigne(), config, AUJOURDHUI),
    ]
    sortie = tmp_path / "pdf"
    pdfs = convert_to_pdf(docs, sortie)  # one LibreOffice process for the batch
    assert [p.name for p in pdfs] == [d.with_suffix(".pdf").name for d in docs]

    def lire(p):
        with pdfplumber.open(p) as f:
            pages = [page.extract_text() or "" for page in f.pages]
        return pages, "\n".join(pages).replace(NBSP, " ").replace(FINE, " ")

    rubriques = rubriques_dsf()
    for p in pdfs[:2]:
        pages, tout = lire(p)
        positions = [tout.find(r) for r in rubriques]
        assert -1 not in positions, [r for r, i in zip(rubriques, positions) if i < 0]
        assert positions == sorted(positions)
        assert f"Page 1 sur {len(pages)}" in pages[0].replace(NBSP, " ")
        assert "14 octobre 2025 à 9 h 30" in tout and "3 412,87 €" in tout
    _, tout = lire(pdfs[1])
    assert "n'a pas pu être rencontré malgré quatre tentatives" in tout
    assert "Vérifications effectuées sans le ménage" in tout
    _, tout = lire(pdfs[2])
    assert "Convention d'accompagnement social lié au logement" in tout
    assert "Article 7 – Protection des données personnelles" in tout
    _, tout = lire(pdfs[3])
    assert "Bilan de la mesure d'ASLL" in tout and "−2 162,37 €" in tout
    assert "☒ Renouvellement de la mesure" in tout


def test_the_sector_referent_signs_the_dossier_documents(tmp_path):
    from docx import Document

    from asll.config import Config, Service
    from asll.domain.model import Dossier, Personne
    from generators import draft_document

    config = Config.for_workspace(tmp_path, service=Service(signataire="Claire BERNARD"))
    dossier = Dossier(
        numero="ASLL-2025-0001",
        nature="ASLL",
        personnes=[Personne("BOUZID")],
        secteur="Angoulême",
        referent="Camille ROUX",
        type_mesure="maintien",
    )
    path = draft_document("convention", dossier, config)
    assert path.parent == config.outbox / "Angoulême"
    text = "\n".join(p.text for p in Document(path).paragraphs) + "\n".join(
        c.text for t in Document(path).tables for r in t.rows for c in r.cells
    )
    assert "Camille ROUX" in text and "Claire BERNARD" not in text
