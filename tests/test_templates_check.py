"""Checking templates staff have edited in Word, and the field list generated from the code."""

from __future__ import annotations

import shutil
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from test_generators import AUJOURDHUI, dossier_complet, texte

from generators import check_template, check_templates, draft_document
from generators.fields_doc import field_list

ROOT = Path(__file__).resolve().parent.parent
MODELES = ROOT / "templates"


def _copie(tmp_path: Path, nom="rapport-esu.docx") -> Path:
    dossier = tmp_path / "modeles"
    dossier.mkdir(exist_ok=True)
    for f in MODELES.glob("*.docx"):
        shutil.copy(f, dossier / f.name)
    return dossier / nom


def _run_de(doc, balise: str):
    for p in doc.paragraphs + [
        p for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs
    ]:
        for r in p.runs:
            if r.text == balise:
                return p, r
    raise AssertionError(balise)


def _couper(run, position: int) -> None:
    """Split a run in two, with Word's spell-check marks between, as Word does."""
    texte = run.text
    run.text = texte[:position]
    suite = OxmlElement("w:r")
    if run._r.rPr is not None:
        suite.append(__import__("copy").deepcopy(run._r.rPr))
    t = OxmlElement("w:t")
    t.text = texte[position:]
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    suite.append(t)
    erreur = OxmlElement("w:proofErr")
    erreur.set(qn("w:type"), "spellStart")
    run._r.addnext(erreur)
    erreur.addnext(suite)


def test_modele_modifie_dans_word(tmp_path, config):
    chemin = _copie(tmp_path)
    doc = Document(str(chemin))
    _, r = _run_de(doc, "{{ motif_impaye }}")
    r.text = "{{ motif_impaié }}"  # misspelled
    _, r = _run_de(doc, "{{ date_envoi_rapport }}")
    _couper(r, 9)  # « {{ date_e » + « nvoi_rapport }} »
    doc.save(str(chemin))

    messages = check_template(chemin)
    assert any(
        "« motif_impaié »" in m and "vouliez-vous dire « motif_impaye »" in m for m in messages
    ), messages
    assert any(
        "{{ date_envoi_rapport }}" in m and "coupée en plusieurs morceaux" in m for m in messages
    ), messages
    assert all("rapport-esu.docx" in m for m in messages)
    assert len(messages) == 2

    # the split tag still renders (docxtpl joins the pieces); the misspelled one does not
    config.templates = chemin.parent
    doc = Document(str(chemin))
    _, r = _run_de(doc, "{{ motif_impaié }}")
    r.text = "{{ motif_impaye }}"
    doc.save(str(chemin))
    d = dossier_complet()
    d.date_envoi_rapport = AUJOURDHUI
    assert "25 septembre 2025" in texte(draft_document("esu", d, config, AUJOURDHUI))


def test_guillemets_et_blocs_desequilibres(tmp_path):
    chemin = _copie(tmp_path, "bilan-asll.docx")
    doc = Document(str(chemin))
    p, r = _run_de(doc, "{{ precisions_plan }}")
    r.text = "{% if plan_apurement == “Respecté” %}{{ precisions_plan }}{% endif %}"
    p2, r2 = _run_de(doc, "{{ precisions_surendettement }}")
    r2.text = "{% if surendettement %}{{ precisions_surendettement }}"  # no endif
    p3, r3 = _run_de(doc, "{{ precisions_relogement }}")
    r3.text = "{{ precisions_relogement }"  # not closed
    doc.save(str(chemin))
    messages = check_template(chemin)
    texte_messages = "\n".join(messages)
    assert "guillemets typographiques" in texte_messages and "“Respecté”" in texte_messages
    assert "{% if … %} » sans « {% endif %}" in texte_messages
    assert (
        "« {{ » n'est pas fermé" in texte_messages and "precisions_relogement }" in texte_messages
    )


def test_check_templates_dossier(tmp_path):
    chemin = _copie(tmp_path, "convention-asll.docx")
    (chemin.parent / "bilan-asll.docx").unlink()
    doc = Document(str(chemin))
    _, r = _run_de(doc, "{{ prescripteur }}")
    r.text = "{{ prescriteur }}"
    doc.save(str(chemin))
    resultat = check_templates(chemin.parent)
    assert set(resultat) == {
        chemin.parent / n
        for n in (
            "rapport-esu.docx",
            "rapport-esu-non-rencontre.docx",
            "convention-asll.docx",
            "bilan-asll.docx",
        )
    }
    assert resultat[chemin.parent / "rapport-esu.docx"] == []
    assert "Modèle introuvable" in resultat[chemin.parent / "bilan-asll.docx"][0]
    assert "« prescripteur »" in resultat[chemin][0]
    assert check_templates(MODELES) == {
        MODELES / n: []
        for n in (
            "bilan-asll.docx",
            "convention-asll.docx",
            "rapport-esu-non-rencontre.docx",
            "rapport-esu.docx",
        )
    }


def test_champs_md_a_jour():
    """templates/CHAMPS.md is what the code writes: run templates/build_templates.py."""
    assert (MODELES / "CHAMPS.md").read_text(encoding="utf-8") == field_list(MODELES)


def test_champs_md_contenu():
    md = field_list(MODELES)
    assert (
        "| `{{ tentatives_contact }}` | Tentatives de contact (courriers, visites) | "
        "`rapport-esu.docx`, `rapport-esu-non-rencontre.docx` |" in md
    )
    assert (
        "| `{{ case_plan_apurement_respecte }}` | Case « Respecté » (Plan d'apurement) | "
        "`bilan-asll.docx` |" in md
    )
    assert "| `case_atteint` | Case « Atteint » | `bilan-asll.docx` |" in md
