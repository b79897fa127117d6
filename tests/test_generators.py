"""Drafts rendered from real templates, read back with python-docx (and once as a PDF)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from docx import Document  # noqa: E402
from docx.enum.text import WD_COLOR_INDEX  # noqa: E402

from asll.config import Config  # noqa: E402
from asll.domain.model import Dossier, Personne, Ressource  # noqa: E402
from generators import TemplateError, check_template, draft_document  # noqa: E402
from generators.context import A_COMPLETER, LIBELLES, build_context  # noqa: E402
from generators.formatting import date_fr, heure_fr, montant_fr, nom_complet  # noqa: E402

NBSP, FINE = "\u00a0", "\u202f"
DETTE = f"3{FINE}412,87{NBSP}€"
AUJOURDHUI = date(2025, 9, 25)


def dossier_complet(numero="ESU-2025-0001") -> Dossier:
    return Dossier(
        numero=numero,
        nature=numero.split("-")[0],
        date_ouverture=date(2025, 9, 1),
        personnes=[
            Personne("Le Guévénec", "Hélène", "Mme", date(1984, 2, 29)),
            Personne("N'Diaye", "Jean-François", "M.", date(1980, 11, 1)),
        ],
        adresse="12 rue de l'Église",
        complement_adresse="Bât. B",
        code_postal="16000",
        commune="Angoulême",
        bailleur="Logélia & Habitat <OPH>",
        loyer_mensuel=612.4,
        montant_dette=3412.87,
        date_dette=date(2025, 8, 31),
        juridiction="Tribunal judiciaire d'Angoulême",
        date_audience=date(2025, 10, 14),
        heure_audience="09:30",
        commissaire_justice="SELARL Dupré & Associés",
        reference="RG 25/01234",
        date_document=date(2025, 8, 20),
        type_mesure="maintien",
        prescripteur="Mme Claire Vidal",
        organisme_prescripteur="CCAS d'Angoulême",
        composition="couple",
        nb_enfants=1,
        enfants=[Personne("N'Diaye", "Inès", None, date(2015, 6, 1))],
        statut_occupation="locataire_public",
        ressources=[Ressource("salaire", 1450.0), Ressource("apl", 231.0)],
        objectifs=["budget", "dette_apurement"],
    )


def dossier_vide(numero="ASLL-2025-0009") -> Dossier:
    return Dossier(numero=numero, personnes=[Personne("Martin")])


def texte(path: Path) -> str:
    """All the text of a .docx: body, tables (nested), headers and footers."""
    doc = Document(str(path))
    parties = (
        [doc.element.body]
        + [s.header._element for s in doc.sections]
        + [s.footer._element for s in doc.sections]
    )
    lignes = []
    for partie in parties:
        for p in partie.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
            lignes.append(
                "".join(
                    t.text or ""
                    for t in p.iter(
                        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
                    )
                )
            )
    return "\n".join(lignes)


def surlignes(path: Path) -> list[str]:
    doc = Document(str(path))
    out = []
    for partie in [doc.element.body] + [s.header._element for s in doc.sections]:
        for r in partie.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"):
            from docx.text.run import Run

            run = Run(r, doc.part)
            if run.font.highlight_color == WD_COLOR_INDEX.YELLOW:
                out.append(run.text)
    return out


def propre(t: str) -> None:
    for mauvais in ("{{", "}}", "{%", "%}", "None", "\u2063"):
        assert mauvais not in t, mauvais


# ------------------------------------------------------------------ formatting
def test_formatting():
    assert date_fr(date(2025, 3, 14)) == "14 mars 2025"
    assert date_fr(date(2025, 4, 1)) == "1er avril 2025"
    assert montant_fr(3412.87) == DETTE
    assert montant_fr(1234567) == f"1{FINE}234{FINE}567,00{NBSP}€"
    assert heure_fr("09:30") == f"9{NBSP}h{NBSP}30"
    assert heure_fr("14:00") == f"14{NBSP}h"
    assert nom_complet("martin", "sophie", "Mme") == "Madame Sophie MARTIN"
    assert nom_complet("d'Almeida", "Jean-Pierre", "M.") == "Monsieur Jean-Pierre D'ALMEIDA"


# ------------------------------------------------------------------ context
def test_context_sans_vide(config):
    ctx = build_context(dossier_vide(), config, AUJOURDHUI)
    for cle, valeur in ctx.items():
        assert valeur is not None and valeur != "", cle
    assert ctx["montant_dette"] == A_COMPLETER
    assert "Montant de la dette locative (à la demande)" in ctx["champs_a_completer"]
    # every tag of the templates has its label (one table)
    assert set(LIBELLES) <= set(ctx)


# ------------------------------------------------------------------ drafts
@pytest.mark.parametrize(
    "kind,numero,suffixe",
    [
        ("esu", "ESU-2025-0001", "rapport-esu"),
        ("convention", "ASLL-2025-0003", "convention"),
        ("bilan", "ASLL-2025-0003", "bilan"),
    ],
)
def test_brouillon_complet(kind, numero, suffixe, config):
    path = draft_document(kind, dossier_complet(numero), config, AUJOURDHUI)
    assert path.name == f"{numero}_LE-GUÉVÉNEC_{suffixe}.docx"
    t = texte(path)
    propre(t)
    assert "Madame Hélène LE GUÉVÉNEC et Monsieur Jean-François N'DIAYE" in t
    assert "Logélia & Habitat <OPH>" in t  # escaped on the way in, intact on the way out
    assert "Service logement – Solidarités Charente" in t  # letterhead
    assert f"Tél.{NBSP}: 05 45 00 00 00" in t
    if kind == "esu":
        assert f"14 octobre 2025 à 9{NBSP}h{NBSP}30" in t
        assert DETTE in t
        assert f"1{FINE}450,00{NBSP}€" in t  # total des ressources, aide au logement à part
        assert f"381,40{NBSP}€" in t  # loyer résiduel: 612,40 − 231,00
        for n in range(1, 16):
            assert f"\n{n}. " in t
        assert "Inès N'DIAYE" in t
    if kind == "convention":
        assert "☒\nGérer le budget" in t and "☐\nÉlaborer" in t
        # the dossier's opening date is not the measure's start: nobody entered one
        assert "du [à compléter] au [à compléter]" in t
        assert "1er septembre 2025" not in t
    if kind == "bilan":
        assert DETTE in t and "31 août 2025" in t
        assert "Résorber la dette locative" in t
    assert A_COMPLETER in surlignes(path)
    # page numbers are fields
    pied = Document(str(path)).sections[0].footer._element.xml
    assert "NUMPAGES" in pied and " PAGE " in pied


@pytest.mark.parametrize("kind", ["esu", "convention", "bilan"])
def test_brouillon_clairseme(kind, config):
    path = draft_document(kind, dossier_vide(), config, AUJOURDHUI)
    assert path.name.startswith("ASLL-2025-0009_MARTIN_")
    t = texte(path)
    propre(t)
    assert "MARTIN" in t
    assert t.count(A_COMPLETER) >= 5
    marques = surlignes(path)
    assert marques and set(marques) <= {A_COMPLETER, "☐"}  # unset choices: highlighted boxes
    assert t.count(A_COMPLETER) == marques.count(A_COMPLETER)


def test_service_non_configure(tmp_path):
    path = draft_document("esu", dossier_complet(), Config(outbox=tmp_path), AUJOURDHUI)
    entete = Document(str(path)).sections[0].header
    assert A_COMPLETER in "\n".join(p.text for p in entete.paragraphs)


def test_jamais_ecraser(config):
    d = dossier_complet()
    noms = [draft_document("esu", d, config, AUJOURDHUI).name for _ in range(3)]
    assert noms == [
        "ESU-2025-0001_LE-GUÉVÉNEC_rapport-esu.docx",
        "ESU-2025-0001_LE-GUÉVÉNEC_rapport-esu-v2.docx",
        "ESU-2025-0001_LE-GUÉVÉNEC_rapport-esu-v3.docx",
    ]


def test_nom_de_fichier_sur(config):
    d = dossier_complet()
    d.personnes = [Personne("d'Alembert / Ça", "Jean")]
    assert draft_document("bilan", d, config).name == "ESU-2025-0001_D-ALEMBERT-ÇA_bilan.docx"
    d.personnes = []
    assert draft_document("bilan", d, config).name == "ESU-2025-0001_MENAGE_bilan.docx"


def test_type_inconnu(config):
    with pytest.raises(ValueError):
        draft_document("courrier", dossier_complet(), config)


# ------------------------------------------------------------------ template errors
def _modele(tmp_path: Path, texte_balise: str) -> Path:
    doc = Document()
    p = doc.add_paragraph()
    p.add_run("Ménage : ")
    p.add_run(texte_balise)
    dossier = tmp_path / "modeles"
    dossier.mkdir(exist_ok=True)
    chemin = dossier / "rapport-esu.docx"
    doc.save(chemin)
    return chemin


def test_balise_inconnue(tmp_path, config):
    chemin = _modele(tmp_path, "{{ nom_menag }}")
    messages = check_template(chemin)
    assert len(messages) == 1
    assert "rapport-esu.docx" in messages[0] and "nom_menag" in messages[0]
    assert "nom_menage" in messages[0]  # suggestion
    config.templates = chemin.parent
    with pytest.raises(TemplateError) as exc:
        draft_document("esu", dossier_complet(), config)
    assert "rapport-esu.docx" in str(exc.value) and "nom_menag" in str(exc.value)
    assert exc.value.balise == "nom_menag"


def test_balise_mal_ecrite(tmp_path, config):
    _modele(tmp_path, "{{ nom_menage }")
    chemin2 = _modele(tmp_path, "{% if nom_menage %}x{% endif %} {{ menage | }}")
    config.templates = chemin2.parent
    with pytest.raises(TemplateError) as exc:
        draft_document("esu", dossier_complet(), config)
    assert "rapport-esu.docx" in str(exc.value) and "{{ menage | }}" in str(exc.value)
    assert check_template(chemin2) and "menage |" in check_template(chemin2)[0]


def test_guillemets_de_word(tmp_path, config):
    chemin = _modele(tmp_path, "{% if nom_menage == “MARTIN” %}oui{% endif %}")
    config.templates = chemin.parent
    path = draft_document("esu", dossier_vide(), config)
    assert "Ménage : oui" in texte(path)


def test_modeles_livres_sans_erreur():
    for nom in (
        "rapport-esu.docx",
        "rapport-esu-non-rencontre.docx",
        "convention-asll.docx",
        "bilan-asll.docx",
    ):
        assert check_template(ROOT / "templates" / nom) == []
