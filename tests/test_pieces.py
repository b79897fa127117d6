"""A préfecture sends the assignation with its pièces in one PDF: the commandement de payer
served months earlier comes before or after the act. Its debt, its « arrêtés au » date and
its officer are not the assignation's (the debt was read from the commandement, flagged at
best); they go to the judge's report as the commandement's date and sum."""

from __future__ import annotations

import pytest

from corpus.make_corpus import build_pdf
from intake.extract import extract

LETTRE = """PRÉFET D'ILLE-ET-VILAINE
Direction départementale de l'emploi, du travail et des solidarités
Pôle Logement - Prévention des expulsions locatives
Rennes, le 6 novembre 2026
Dossier suivi par : Gwenaëlle TANGUY
Référence : DDETS35/PEL/2026-1378
Monsieur le Directeur de l'association AIVS 35,
Je vous transmets l'assignation délivrée le 28 octobre 2026 à Madame Solenn LE BIHAN,
locataire d'un logement situé 8 allée de Brocéliande, 35200 RENNES, à la demande de
ARCHIPEL HABITAT. Je vous demande de réaliser le diagnostic social et financier prévu
par l'article 24 de la loi du 6 juillet 1989 et de le transmettre avant le 8 janvier 2027.
Pour le Préfet et par délégation,
La cheffe du pôle"""

ASSIGNATION = """ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION
L'AN DEUX MILLE VINGT-SIX ET LE VINGT-HUIT OCTOBRE
À LA REQUÊTE DE :
ARCHIPEL HABITAT, Office Public de l'Habitat, dont le siège est 20 rue de la Mabilais,
35000 RENNES, agissant poursuites et diligences de son Directeur général,
Nous, Erwan MORVAN, Commissaire de justice, 4 quai Lamennais, 35000 RENNES, soussigné,
AVONS DONNÉ ASSIGNATION À :
Madame LE BIHAN Solenn, née le 3 mars 1988 à Vannes (56), aide-soignante,
demeurant 8 allée de Brocéliande, 35200 RENNES,
D'AVOIR À COMPARAÎTRE le mardi 12 janvier 2027 à 9 heures 30 devant le juge des
contentieux de la protection du Tribunal judiciaire de Rennes, 7 rue Pierre Abélard.
Par acte sous seing privé du 1er février 2021, ARCHIPEL HABITAT a donné à bail à
Madame LE BIHAN un logement de type T2 moyennant un loyer mensuel de 412,60 euros,
charges comprises.
Selon décompte arrêté au 30 septembre 2026, Madame LE BIHAN reste devoir la somme
de 2 967,41 euros au titre des loyers et charges impayés.
PAR CES MOTIFS, plaise au juge de constater la résiliation du bail."""

COMMANDEMENT = """COMMANDEMENT DE PAYER VISANT LA CLAUSE RÉSOLUTOIRE
(article 24 de la loi n° 89-462 du 6 juillet 1989)
L'AN DEUX MILLE VINGT-SIX ET LE DIX-NEUF MAI
À LA REQUÊTE DE :
ARCHIPEL HABITAT, Office Public de l'Habitat, 20 rue de la Mabilais, 35000 RENNES,
Nous, Yannick GOURVENNEC, Commissaire de justice, 12 rue d'Antrain, 35000 RENNES,
AVONS FAIT COMMANDEMENT À :
Madame LE BIHAN Solenn, demeurant 8 allée de Brocéliande, 35200 RENNES,
De payer dans un délai de six semaines la somme de 1 284,90 euros au titre des loyers
et charges impayés arrêtés au 30 avril 2026, outre le coût du présent acte, 98,37 euros.
Le loyer mensuel s'élève à 398,15 euros charges comprises.
DÉCOMPTE
Loyers et charges impayés au 30/04/2026 : 1 284,90 €
TOTAL : 1 383,27 €"""


def _pdf(path, *pieces: str):
    build_pdf(
        path, [(None, [("l", x) for x in p.splitlines()], "Helvetica", 10, 18) for p in pieces]
    )
    return path


@pytest.mark.parametrize(
    "order",
    [
        (LETTRE, ASSIGNATION, COMMANDEMENT),
        (LETTRE, COMMANDEMENT, ASSIGNATION),
        (COMMANDEMENT, ASSIGNATION),
    ],
    ids=["commandement-after", "commandement-before", "act-and-commandement"],
)
def test_the_debt_is_the_assignations_not_the_annexed_commandements(tmp_path, order):
    ex = extract(_pdf(tmp_path / "dossier.pdf", *order))
    assert (ex.montant_dette, str(ex.date_dette)) == (2967.41, "2026-09-30")
    assert ex.loyer_mensuel == 412.60
    assert ex.commissaire_justice == "Erwan MORVAN"
    assert (str(ex.date_audience), ex.heure_audience) == ("2027-01-12", "09:30")
    assert (str(ex.date_commandement), ex.montant_commandement) == ("2026-05-19", 1284.90)
    assert not {"montant_dette", "date_dette", "loyer_mensuel"} & set(ex.champs_incertains)


def test_a_letter_and_its_act_read_alike_with_the_commandement_or_without(tmp_path):
    alone = extract(_pdf(tmp_path / "a.pdf", LETTRE, ASSIGNATION))
    both = extract(_pdf(tmp_path / "b.pdf", LETTRE, ASSIGNATION, COMMANDEMENT))
    fields = ("personnes", "adresse", "commune", "bailleur", "reference", "date_document")
    assert [getattr(both, f) for f in fields] == [getattr(alone, f) for f in fields]
    assert both.reference == "DDETS35/PEL/2026-1378"


def test_a_section_of_the_act_headed_commandement_is_read_with_the_act(tmp_path):
    """The act's own account of the commandement, under its heading at a page's top, stays
    the act's: only a piece that opens as an act is set apart."""
    head, tail = ASSIGNATION.split("Selon décompte")
    section = (
        "COMMANDEMENT DE PAYER\nUn commandement de payer a été délivré le 19 mai 2026 pour"
        " la somme de 1 284,90 euros.\nSelon décompte" + tail
    )
    ex = extract(_pdf(tmp_path / "acte.pdf", head, section))
    assert (ex.montant_dette, str(ex.date_dette)) == (2967.41, "2026-09-30")
    assert (str(ex.date_commandement), ex.montant_commandement) == ("2026-05-19", 1284.90)
