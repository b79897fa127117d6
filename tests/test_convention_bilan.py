"""The director's convention and the commission's bilan, read from the produced DOCX
(issue 15, points 8 to 11): parties, accès against maintien, defaults, what the bilan
reports, real check boxes, nothing invented, and the final bilan written back."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from test_generators import AUJOURDHUI, NBSP, dossier_complet, propre, surlignes, texte
from test_generators_suivi import _completer

from asll.app.cli import main as asll_main
from asll.config import PROJECT_ROOT, load_config
from asll.domain.deadlines import deadlines_for
from asll.domain.mesures import RENEWAL_MONTHS, renewals
from asll.domain.model import Dossier, Personne
from asll.storage.store import RegisterStore
from generators import draft_document
from generators.cases import cases_du_document
from generators.drafts import champs_restants
from generators.formatting import date_fr

EXEMPLE = PROJECT_ROOT / "asll.exemple.toml"


def exemple(tmp_path) -> object:
    """The example configuration (a service over Haute-Marne and Charente), in a workspace."""
    config = load_config(EXEMPLE).rebased(tmp_path / "espace")
    config.ensure_folders()
    return config


def mesure(type_mesure="maintien", secteur="Angoulême", referent="Camille ROUX", **kw) -> Dossier:
    d = dossier_complet("ASLL-2025-0003")
    d.type_mesure, d.secteur, d.referent = type_mesure, secteur, referent
    for k, v in kw.items():
        setattr(d, k, v)
    return d


def boites(path: Path) -> list:
    """(glyph, ticked) of each Word check-box content control of the body."""
    body = Document(str(path)).element.body
    out = []
    for sdt in body.iter(qn("w:sdt")):
        box = sdt.find(qn("w:sdtPr")).find(qn("w14:checkbox"))
        if box is not None:
            glyph = "".join(t.text or "" for t in sdt.iter(qn("w:t")))
            out.append((glyph, box.find(qn("w14:checked")).get(qn("w14:val")) == "1"))
    return out


# ------------------------------------------------------------------ 8. parties
def test_convention_parties_from_the_director_the_referent_and_the_sector(tmp_path):
    config = exemple(tmp_path)
    t = texte(draft_document("convention", mesure(), config, AUJOURDHUI))
    propre(t)
    # the service is represented by its director, the référent is the worker
    assert "représenté par Nadia LEROY, Directrice, son représentant légal" in t
    assert "Camille ROUX, Éducatrice spécialisée, référent du ménage" in t  # her own title
    # département and FSL of the sector (Charente), not the service's own (Haute-Marne)
    assert "Charente, au titre du Fonds de solidarité pour le logement de la Charente" in t
    assert "Haute-Marne" not in t
    # "Fait à" the sector's town, not the service's seat (Saint-Dizier)
    assert "Fait à Angoulême, le [à compléter], en autant d'exemplaires" in t
    assert "Fait à Saint-Dizier" not in t
    assert "Pour le service\nNadia LEROY, Directrice" in t


def test_one_service_over_two_departements(tmp_path):
    config = exemple(tmp_path)
    d = mesure(secteur="Saint-Dizier", referent="Claire BERNARD")
    d.numero = "ASLL-2025-0007"
    t = texte(draft_document("convention", d, config, AUJOURDHUI))
    assert "Haute-Marne, au titre du Fonds de solidarité pour le logement de la Haute-Marne" in t
    assert "Fait à Saint-Dizier" in t and "Charente" not in t.split("Article 1")[0]


def test_one_signature_block_per_adult(tmp_path):
    config = exemple(tmp_path)
    deux = texte(draft_document("convention", mesure(), config, AUJOURDHUI))
    assert deux.count("Mention manuscrite") == deux.count("lu et approuvé") == 2
    bloc = deux.split("Le ménage\n")[-1]
    assert "Madame Hélène LE GUÉVÉNEC" in bloc and "Monsieur Jean-François N'DIAYE" in bloc
    seul = mesure()
    seul.personnes = seul.personnes[:1]
    seul.numero = "ASLL-2025-0008"
    un = texte(draft_document("bilan", seul, config, AUJOURDHUI))
    assert un.count("A pris connaissance du bilan") == 1


def test_a_sector_without_its_own_settings_falls_back_on_the_service(tmp_path):
    config = exemple(tmp_path)
    config = replace(config, secteurs=())
    t = texte(draft_document("convention", mesure(secteur=None), config, AUJOURDHUI))
    assert "Fait à Saint-Dizier" in t
    assert "Haute-Marne, au titre du Fonds de solidarité pour le logement – Haute-Marne" in t


# ------------------------------------------------------------------ 9. accès vs maintien
def test_acces_convention_has_no_debt_plan_or_proceedings_clause(tmp_path):
    config = exemple(tmp_path)
    acces = texte(
        draft_document("convention", mesure("acces", objectifs=["budget"]), config, AUJOURDHUI)
    )
    maintien = texte(draft_document("convention", mesure(), config, AUJOURDHUI))
    propre(acces)
    for clause in ("dette", "apurement", "poursuites"):
        assert clause in maintien, clause
        assert clause not in acces, clause
    assert "vise l'accès du ménage à un logement adapté" in acces
    assert "la dette locative s'élevait à 3" in maintien


def test_acces_bilan_says_acces_where_the_2004_seed_does(tmp_path):
    config = exemple(tmp_path)
    path = draft_document("bilan", mesure("acces"), config, AUJOURDHUI)
    t = texte(path)
    propre(t)
    assert "Dette locative\nAccès\nAccès\nAccès" in t  # like "Famille 3 Accès Accès Accès"
    assert "3\u202f412,87" not in t
    assert "Plan d'apurement mis en place" not in t
    assert "Paiement du loyer courant" in t and "Reprise du paiement" not in t
    restants = champs_restants(path)
    assert "Plan d'apurement" not in restants
    assert "Dette à la fin de la mesure" not in restants
    maintien = texte(draft_document("bilan", mesure(), config, AUJOURDHUI))
    assert "Reprise du paiement du loyer courant" in maintien
    assert "Plan d'apurement mis en place et respecté" in maintien


# ------------------------------------------------------------------ 10. defaults
def test_renewals_default_to_none_on_a_first_measure_and_a_renewal_lasts_six_months(tmp_path):
    assert renewals(Dossier(type_mesure="maintien")) == 0
    assert renewals(Dossier(type_mesure="acces")) == 0
    assert renewals(Dossier(type_mesure="renouvellement")) is None  # how many: not known
    assert renewals(Dossier(type_mesure="renouvellement", renouvellements=2)) == 2
    assert RENEWAL_MONTHS == 6
    config = exemple(tmp_path)
    d = mesure(date_debut_mesure=date(2025, 3, 1), date_fin_mesure=date(2025, 8, 31))
    t = texte(draft_document("bilan", d, config, AUJOURDHUI))
    assert f"renouvellements{NBSP}: 0" in t
    assert f"Renouvellement de la mesure pour 6{NBSP}mois" in t
    d = mesure("renouvellement")
    t = texte(draft_document("bilan", d, config, AUJOURDHUI))
    assert f"renouvellements{NBSP}: [à compléter]" in t


# ------------------------------------------------------------------ 10. the bilan's gains
def test_bilan_reports_rent_aids_meetings_landlord_and_the_commissions_box(tmp_path):
    config = exemple(tmp_path)
    d = mesure(aide_fsl="Oui", proposition="Arrêt")
    path = draft_document("bilan", d, config, AUJOURDHUI)
    t = texte(path)
    propre(t)
    assert f"Reprise du paiement du loyer courant (612,40{NBSP}€ par mois)" in t
    assert f"Aide du FSL (accès, maintien, énergie){NBSP}: ☒ oui  ☐ non" in t
    assert f"Aide au logement (APL / AL){NBSP}: ☒ oui  ☐ non – montant mensuel{NBSP}: 231,00" in t
    assert f"entretiens{NBSP}: [à compléter] – visites à domicile{NBSP}: [à compléter]" in t
    assert f"7. Avis du bailleur\nLogélia & Habitat <OPH>{NBSP}: [à compléter]" in t
    assert "Décision de la commission du FSL (cadre réservé à la commission)" in t
    restants = champs_restants(path)
    for libelle in (
        "Paiement du loyer courant",
        "Loyer courant payé depuis le",
        "Nombre d'entretiens",
        "Nombre de visites à domicile",
        "Avis du bailleur",
        "Date de signature",
    ):
        assert libelle in restants, libelle
    assert "Aide du FSL obtenue" not in restants  # the register said « Oui »
    # the commission's boxes are real, open, and never demanded of the worker
    cadre = t.split("cadre réservé à la commission")[1]
    assert cadre.count("☐") == 4
    assert not any("commission" in r.lower() for r in restants)


# ------------------------------------------------------------------ real check boxes
def test_every_box_is_a_word_checkbox_ticked_as_the_register_says(tmp_path):
    config = exemple(tmp_path)
    for kind in ("convention", "bilan"):
        d = mesure(aide_fsl="Oui", plan_apurement="Respecté")
        d.numero = f"ASLL-2025-00{10 + len(kind)}"
        path = draft_document(kind, d, config, AUJOURDHUI)
        controls = boites(path)
        glyphs = texte(path).count("☐") + texte(path).count("☒")
        assert len(controls) == glyphs > 0, kind  # no typed box left
        assert all(ticked == ("☒" in glyph) for glyph, ticked in controls)
        assert sum(ticked for _, ticked in controls) >= 2
    # read back as the final version reads them
    body = Document(str(path)).element.body
    assert [c.cochee for c in cases_du_document(body)] == [t for _, t in boites(path)]


# ------------------------------------------------------------------ nothing invented
def test_no_date_nobody_entered(tmp_path):
    config = exemple(tmp_path)
    d = mesure(date_ouverture=date(2025, 9, 1))
    for kind in ("convention", "bilan"):
        path = draft_document(kind, d, config, AUJOURDHUI)
        t = texte(path)
        assert date_fr(AUJOURDHUI) not in t, kind  # today is no signature date
        assert "1er septembre 2025" not in t, kind  # the opening date is no start
        assert "Date de signature" in champs_restants(path)
        assert "Date de début de la mesure" in champs_restants(path)
        assert "[à compléter]" in surlignes(path)


# ------------------------------------------------------------------ 11. final bilan
def test_final_bilan_writes_back_and_settles_the_deadline(tmp_path):
    espace = tmp_path / "espace"
    espace.mkdir()
    shutil.copy(EXEMPLE, espace / "asll.toml")
    config = load_config(espace / "asll.toml")
    config.ensure_folders()
    d = mesure(
        date_debut_mesure=date(2025, 3, 1),
        date_fin_mesure=None,
        statut="Mesure en cours",
        nature="ASLL",
        personnes=[Personne("BOUZID", "Karim", "M.")],
    )
    store = RegisterStore(config.registre)
    store.record({"type": "import", "dossier": d.to_json(), "source": "test", "ligne": 1})
    store.flush()
    assert [x.quoi for x in deadlines_for(store.dossiers()[0])] == [
        "Bilan de fin de mesure (arrêt ou renouvellement)"
    ]
    args = ["--config", str(espace / "asll.toml")]
    assert asll_main(["rediger", "bilan", d.numero, *args]) == 0
    brouillon = next((config.outbox / "Angoulême").glob("*_bilan.docx"))
    # a final version is refused while the draft is incomplete: nothing written back
    assert asll_main(["rediger", "bilan", d.numero, "--final", *args]) != 0
    assert RegisterStore(config.registre).dossiers()[0].statut == "Mesure en cours"
    _completer(brouillon)
    assert asll_main(["rediger", "bilan", d.numero, "--final", *args]) == 0

    final = next((config.outbox / "Angoulême").glob("*_bilan-final.docx"))
    controls = boites(final)
    assert controls and all(ticked == ("☒" in glyph) for glyph, ticked in controls)
    assert sum(ticked for _, ticked in controls) >= 5  # one per choice the worker made

    dossier = RegisterStore(config.registre).dossiers()[0]
    assert dossier.statut == "Mesure en cours"  # the measure goes on until the GTS decides
    assert dossier.date_envoi_rapport == date.today()
    assert deadlines_for(dossier) == []
    wb = load_workbook(config.registre)
    echeances = [r for r in wb["Échéances"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert not any(d.numero in r for r in echeances)
    # a bilan sent for the first period does not settle the renewal's
    dossier.renouvellements, dossier.date_envoi_rapport = 1, date(2025, 8, 25)
    assert [x.echeance for x in deadlines_for(dossier)] == [date(2026, 2, 28)]
