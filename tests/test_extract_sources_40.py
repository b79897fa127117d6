"""Acts and letters laid out as the third round of public sources shows (corpus/sources/40
to 45): parties in « DEMANDEUR : / DÉFENDEURS : » blocks in either order with their
addresses on lines of their own, two demandeurs (the managing association and the landlord
« pour elle-même »), one défendeur a line, a DDETS letter that summarises the act it
received, a préfecture letter that tells the act in one sentence. Each document is a real
text PDF (or Word file) built here; the wording follows the published acts and letters,
the households are invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from intake.extract import extract
from tests.form_documents import paragraphs_pdf as _pdf


def _docx(path: Path, text: str) -> Path:
    d = docx.Document()
    for line in text.strip().split("\n"):
        d.add_paragraph(line)
    d.save(path)
    return path


def _people(ex) -> list[tuple]:
    return [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes]


# Source 40 (Bobigny): défendeurs first, each followed by the address lines, no
# « demeurant »; the landlord, an individual, « demeurant » after them.
DEFENDEURS_DABORD = """TRIBUNAL DE PROXIMITÉ DE SAINT-DENIS
N° RG 25/04417

ASSIGNATION EN CONSTAT DE RÉSILIATION DE BAIL ET EXPULSION

DÉFENDEURS :
Monsieur Moussa KEITA, né le 03/02/1979 à Bamako, cariste
Bâtiment D, escalier 1, appartement 52
14 rue Gabriel Péri
93 200 SAINT-DENIS
Madame Awa DIALLO épouse KEITA, née le 21/11/1984 à Dakar, auxiliaire de vie
Bâtiment D, escalier 1, appartement 52
14 rue Gabriel Péri
93 200 SAINT-DENIS

DEMANDEUR :
Monsieur Gérard LOISEAU
demeurant 8 avenue Jean Jaurès
93 200 SAINT-DENIS
Représentant : Maître Hélène MARCHETTI, avocat au barreau de SEINE-SAINT-DENIS

L'an deux mille vingt-cinq, le six octobre, à la requête du demandeur ci-dessus désigné,
nous, Maître Karim BENSAÏD, commissaire de justice à Saint-Denis, soussigné, avons donné
assignation aux défendeurs d'avoir à comparaître devant le juge des contentieux de la
protection du Tribunal de proximité de Saint-Denis, à l'audience du mardi neuf décembre
deux mille vingt-cinq à neuf heures trente.

Le demandeur a donné à bail aux défendeurs le logement désigné ci-dessus moyennant un loyer
mensuel de 640 € et 55 € de provision sur charges. Les défendeurs restent devoir un arriéré
locatif de 4170,55 €, décompte arrêté au 30/09/2025."""


def test_parties_defendeurs_first_addresses_on_their_own_lines(tmp_path):
    ex = extract(_pdf(tmp_path / "assignation saint-denis.pdf", DEFENDEURS_DABORD))
    assert ex.type_document == "assignation"
    # the landlord named after the défendeurs is not one of them; « épouse KEITA » is not
    # part of her name (spec: the usage surname as printed, without « épouse … »)
    assert _people(ex) == [
        ("M.", "KEITA", "Moussa", date(1979, 2, 3)),
        ("Mme", "DIALLO", "Awa", date(1984, 11, 21)),
    ]
    # the dwelling is the défendeurs' address, not the landlord's « demeurant » after them
    assert (ex.adresse, ex.code_postal, ex.commune) == (
        "14 rue Gabriel Péri",
        "93200",
        "Saint-Denis",
    )
    assert ex.complement_adresse == "Bâtiment D, escalier 1, appartement 52"
    assert ex.bailleur == "Gérard LOISEAU"
    assert ex.statut_occupation == "locataire_prive"
    # « à la requête du demandeur ci-dessus désigné » points to him: no rival name, no doubt
    assert "bailleur" not in ex.champs_incertains
    assert ex.montant_dette == 4170.55
    assert ex.loyer_mensuel == 695.0


def test_court_named_like_another_departments_court(tmp_path):
    # there is a tribunal de proximité de Montreuil in the Pas-de-Calais and one in
    # Seine-Saint-Denis: a dwelling in 93100 heard at Montreuil is no contradiction
    text = (
        DEFENDEURS_DABORD.replace("SAINT-DENIS\nN° RG", "MONTREUIL\nN° RG")
        .replace("93 200 SAINT-DENIS", "93 100 MONTREUIL")
        .replace("Tribunal de proximité de Saint-Denis", "Tribunal de proximité de Montreuil")
    )
    ex = extract(_pdf(tmp_path / "assignation montreuil.pdf", text))
    assert (ex.code_postal, ex.commune) == ("93100", "Montreuil")
    assert ex.juridiction == "Tribunal de proximité de Montreuil"
    assert not {"juridiction", "code_postal"} & set(ex.champs_incertains)
    # the same court with a dwelling in another département is still a contradiction
    ex = extract(
        _pdf(tmp_path / "assignation lyon.pdf", text.replace("93 100 MONTREUIL", "69 003 LYON"))
    )
    assert {"juridiction", "code_postal"} <= set(ex.champs_incertains)


def test_landlord_in_capitals_with_its_short_name_after_ci_apres(tmp_path):
    text = DEFENDEURS_DABORD.replace(
        "Monsieur Gérard LOISEAU\ndemeurant 8 avenue Jean Jaurès\n93 200 SAINT-DENIS",
        "OFFICE PUBLIC DE L'HABITAT DE SAINT-DENIS - PLAINE COMMUNE (ci-après « Plaine "
        "Commune Habitat »)\ndont le siège est 3 rue Catulienne\n93 200 SAINT-DENIS CEDEX",
    )
    ex = extract(_docx(tmp_path / "assignation saint-denis.docx", text))
    assert ex.bailleur == "Plaine Commune Habitat"
    assert ex.statut_occupation == "locataire_public"
    assert ex.adresse == "14 rue Gabriel Péri"


# Source 41 (Lille): two demandeurs, the managing association first; one défendeur a line,
# a mother and her daughter with the same first name; « L'AN … ET LE 22/09/2025 ».
DEUX_DEMANDEURS = """SELAS HOUZÉ & VERSTRAETE
Commissaires de justice associés

ASSIGNATION EN RÉFÉRÉ AUX FINS D'EXPULSION

L'AN DEUX MILLE VINGT-CINQ ET LE 22/09/2025

À LA REQUÊTE DE :
DEMANDEUR(S)
Association HABITAT SOLIDAIRE FLANDRES, agissant en qualité de mandataire de gestion, dont
le siège social est sis 3 rue Nationale, 59000 LILLE
S.A. d'HLM NOTRE LOGIS pour elle-même, dont le siège social est sis BP 80 123, 59 100
ROUBAIX CEDEX
représentée(s) par Me Claire DUBRULLE, avocat au barreau de LILLE

ET :
DÉFENDEUR(S)
Consorts VANDEPUTTE :
Mme VANDEPUTTE Sabrina, aide-soignante, née le 6 octobre 1969 à Roubaix (59), demeurant 27 rue de l'Alma, Appt 4, 59 100 ROUBAIX
M. VANDEPUTTE Kévin, maçon, né le 27 novembre 1996 à Roubaix (59), demeurant 27 rue de l'Alma, Appt 4, 59 100 ROUBAIX
Mme VANDEPUTTE Sabrina, employée de commerce, née le 5 août 1999 à Lille (59), demeurant 27 rue de l'Alma, Appt 4, 59 100 ROUBAIX

Nous, SELAS HOUZÉ & VERSTRAETE, Maître Julien VERSTRAETE, l'un d'eux, commissaire de justice
soussigné, avons donné assignation d'avoir à comparaître devant le juge des contentieux de la
protection du Tribunal de proximité de Roubaix statuant en référé, à l'audience publique du
lundi 24 novembre 2025 à 10H30.

Un commandement de payer a été délivré le 12 mai 2025 visant une somme de 1 380 euros. Le
requérant sollicite le paiement de la somme de 2 415 euros au titre des loyers impayés
arrêtés au 1er septembre 2025."""


def test_two_demandeurs_one_defendeur_a_line(tmp_path):
    ex = extract(_pdf(tmp_path / "assignation roubaix.pdf", DEUX_DEMANDEURS))
    assert ex.type_document == "assignation"
    # the association acts « en qualité de mandataire »: the landlord is the S.A.
    assert ex.bailleur == "NOTRE LOGIS"
    assert ex.statut_occupation == "locataire_public"
    # every entry of the list, the two Sabrina told apart by their birth dates
    assert _people(ex) == [
        ("Mme", "VANDEPUTTE", "Sabrina", date(1969, 10, 6)),
        ("M.", "VANDEPUTTE", "Kévin", date(1996, 11, 27)),
        ("Mme", "VANDEPUTTE", "Sabrina", date(1999, 8, 5)),
    ]
    assert ex.date_document == date(2025, 9, 22)
    assert ex.commissaire_justice == "Julien VERSTRAETE"
    assert ex.montant_dette == 2415.0


# Source 43 (Indre): a DDETS-PP letter that summarises the act it received.
RESUME_ACTE = """PRÉFET DU CHER
Direction départementale de l'emploi, du travail, des solidarités et de la protection des
populations
Pôle prévention des expulsions
Nos références : EXPLOC-18-2025-00412

Bourges, le 14 octobre 2025

Objet : assignation aux fins de résiliation de bail - demande d'informations sociales et
financières

Madame, Monsieur,

Dans le cadre de la gestion des actes d'expulsion communiqués au représentant de l'État par
les études de commissaires de justice, j'ai reçu l'assignation résumée ci-dessous.

Ménage concerné : MONSIEUR PERRAUD Alain, né le 11/03/1961 et MADAME PERRAUD Nadine, née le 02/12/1963
Logement : Résidence Les Marronniers, Bât. C - Appt 31, 6 rue Jean Bouin - 18 000 BOURGES
Propriétaire-bailleur : M. Bernard ROCHETEAU, par l'intermédiaire de l'agence ORPI Bourges Centre
Acte : assignation délivrée le 06/10/2025 par Maître Anne GUILLOT, commissaire de justice
Audience : jeudi quatre décembre deux mille vingt-cinq, à neuf heures et demie, Tribunal judiciaire de Bourges
Impayé : 2.184,60 € au 30/09/2025 (loyer mensuel de 512,30 €)

Je vous remercie de recueillir toute information relative à la situation sociale et
financière de ce ménage et de me la communiquer au plus tard le 20 novembre 2025."""


def test_letter_summary_of_the_act_received(tmp_path):
    ex = extract(_pdf(tmp_path / "courrier ddetspp.pdf", RESUME_ACTE))
    assert ex.type_document == "saisine_prefecture"
    # the landlord on the next line of the summary is not one of the household
    assert _people(ex) == [
        ("M.", "PERRAUD", "Alain", date(1961, 3, 11)),
        ("Mme", "PERRAUD", "Nadine", date(1963, 12, 2)),
    ]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("6 rue Jean Bouin", "18000", "Bourges")
    assert ex.bailleur == "Bernard ROCHETEAU"
    assert ex.statut_occupation == "locataire_prive"
    assert ex.date_audience == date(2025, 12, 4)
    assert ex.heure_audience == "09:30"
    # the summary's « Audience : » label states the hearing: read as stated, not guessed
    assert "date_audience" not in ex.champs_incertains
    assert ex.montant_dette == 2184.60
    assert ex.date_limite == date(2025, 11, 20)


# Source 44 (Nord): the act told in one sentence; the legal form cut at a line end, an
# individual landlord in apposition, a short name whose kind is in the long one.
PHRASE_ACTE = """PRÉFET DU NORD
Mission accès au logement
Réf. : MAL/0412/2025

Lille, le 2 octobre 2025

Objet : prévention des expulsions - assignation en résiliation de bail

Madame, Monsieur,

Par acte de Maître Aurore DEGRAVE, commissaire de justice, en date du 23 septembre 2025, {BAILLEUR} a
fait assigner Monsieur LEBLEU Franck devant le juge des contentieux de la protection du
Tribunal de proximité de Roubaix en vue de la résiliation du bail du logement qu'il occupe au
12 rue de Lannoy, escalier 2, 59 100 Roubaix.

Le commandement à payer délivré le 10/06/2025 est resté infructueux. La dette locative est de
2 310 euros, arrêtée au 31/08/2025.

L'audience est fixée au jeudi 27 novembre 2025 à 14 h.

Je vous saurais gré de me faire parvenir votre diagnostic avant le 12/11/2025."""


def test_letter_telling_the_act_in_one_sentence(tmp_path):
    cases = {
        "la SA\nd'HLM VILOGIA": ("VILOGIA", "locataire_public"),
        "Madame Odile CARLIER, propriétaire,": ("Odile CARLIER", "locataire_prive"),
        "l'Office Public de l'Habitat Lille Métropole Habitat (« LMH »)": (
            "LMH",
            "locataire_public",
        ),
    }
    for i, (bailleur, (attendu, statut)) in enumerate(cases.items()):
        ex = extract(
            _pdf(tmp_path / f"courrier nord {i}.pdf", PHRASE_ACTE.replace("{BAILLEUR}", bailleur))
        )
        assert ex.type_document == "saisine_prefecture"
        assert (ex.bailleur, ex.statut_occupation) == (attendu, statut), bailleur
        assert _people(ex) == [("M.", "LEBLEU", "Franck", None)]
        assert (ex.adresse, ex.code_postal, ex.commune) == ("12 rue de Lannoy", "59100", "Roubaix")
        assert ex.date_audience == date(2025, 11, 27)


# Source 45 (Rambouillet): a couple of landlords; a société named by its legal form « SA HLM »
# alone in its paragraph, the commissaire's formula in the next one.
REQUETE = """ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION

L'an deux mille vingt-cinq et le six octobre,

À LA REQUÊTE DE :
{BAILLEUR}

J'ai, Maître Claire MOREL, commissaire de justice à Rambouillet, soussignée,

DONNÉ ASSIGNATION À :
Madame veuve DUPONT née MARTIN Jeanne, retraitée, demeurant 3 rue Chasles, 78 120 RAMBOUILLET

D'AVOIR À COMPARAÎTRE devant le juge des contentieux de la protection du Tribunal de proximité
de Rambouillet, à l'audience du 9 décembre 2025 à 9 h 30.

Le loyer mensuel est de 750 € et 39 € de provision sur charges. L'arriéré locatif s'élève à
4000,55 € arrêté au 30/09/2025, outre 600 € en application de l'article 700."""


def test_requete_paragraph_couple_of_landlords_and_sa_hlm(tmp_path):
    ex = extract(_docx(tmp_path / "a.docx", REQUETE.replace("{BAILLEUR}", "SA HLM ERIGERE")))
    assert _people(ex) == [("Mme", "DUPONT", "Jeanne", None)]
    # the designation stops where its paragraph does (« SA HLM X » is kept as printed, as
    # corpus/attendu does; « SA d'HLM X » is read « X »)
    assert ex.bailleur == "SA HLM ERIGERE"
    assert ex.statut_occupation == "locataire_public"
    assert (ex.loyer_mensuel, ex.montant_dette) == (789.0, 4000.55)

    couple = (
        "Monsieur et Madame ROUX Gérard et Line, propriétaires, demeurant 8 rue Lepic 75018 Paris"
    )
    ex = extract(_docx(tmp_path / "b.docx", REQUETE.replace("{BAILLEUR}", couple)))
    # two landlords: the first named is kept, and flagged for a person to check
    assert ex.bailleur == "Gérard ROUX"
    assert ex.statut_occupation == "locataire_prive"
    assert "bailleur" in ex.champs_incertains
    assert (ex.adresse, ex.code_postal, ex.commune) == ("3 rue Chasles", "78120", "Rambouillet")


# A sous-préfecture letter: the tenant is the subject of « a été assigné par son bailleur »,
# after a clause (« Je vous informe que par acte d'huissier en date du …, »).
SOUS_PREFECTURE = """PRÉFET DE LA SEINE-MARITIME
Sous-préfecture du Havre
Bureau de la prévention des expulsions
Boulevard de Strasbourg - CS 80 056
76 084 LE HAVRE CEDEX

Le Havre, le 14/10/2025

Affaire suivie par : Mme Sandrine HAUGUEL
N/Réf. : SPLH/EXP/2025-1187

Objet : enquête sociale – procédure d'expulsion locative

Madame, Monsieur,

Je vous informe que par acte d'huissier en date du 06.10.2025, Monsieur Jean-Baptiste LECOQ, demeurant 27 rue Jules Siegfried, Appt 12, 76 600 LE HAVRE, a été assigné par son bailleur, la SCI LES DOCKS, représentée par le cabinet FONCIA Le Havre, devant le juge des contentieux de la protection du tribunal judiciaire du Havre.

L'audience aura lieu le 9/12/25 à 14h00.

Le montant de la dette locative s'élèverait à 3 412,18 € au 30 septembre 2025 pour un loyer mensuel de 548,90 €.

Je vous serais obligé de bien vouloir diligenter une enquête sociale et de me faire parvenir vos conclusions pour le 25 novembre 2025 au plus tard.

Pour le Sous-Préfet,
La cheffe de bureau"""


def test_letter_tenant_subject_of_a_ete_assigne(tmp_path):
    ex = extract(_docx(tmp_path / "sous-prefecture.docx", SOUS_PREFECTURE))
    assert ex.type_document == "saisine_prefecture"
    assert _people(ex) == [("M.", "LECOQ", "Jean-Baptiste", None)]
    assert (ex.adresse, ex.code_postal, ex.commune) == (
        "27 rue Jules Siegfried",
        "76600",
        "Le Havre",
    )
    # the landlord, not its managing agency
    assert ex.bailleur == "SCI LES DOCKS"
    assert (ex.date_audience, ex.heure_audience) == (date(2025, 12, 9), "14:00")
    assert ex.date_limite == date(2025, 11, 25)


# A DDETS letter whose letterhead spells the direction out, without the word « préfet »,
# and lists the act's facts as labels and values.
DDETS_EN_TOUTES_LETTRES = """DIRECTION DÉPARTEMENTALE DE L'EMPLOI, DU TRAVAIL ET DES SOLIDARITÉS DU RHÔNE
Pôle hébergement logement
33 rue Moncey - 69 421 LYON CEDEX 03

Lyon, le 3 novembre 2025

Objet : Demande de diagnostic social et financier (article 24 de la loi du 6 juillet 1989)

Locataire : M. SAÏDI Karim et Mme SAÏDI Leïla
Adresse du logement : 5 montée de la Grande Côte, 2e étage droite, 69001 LYON
Bailleur : GRAND LYON HABITAT
Date de l'assignation : 27/10/2025
Commissaire de justice : SCP GIRAUD & PAYET
Date d'audience : 15/01/2026 à 9h
Juridiction : Tribunal judiciaire de Lyon – pôle de proximité
Dette locative : 2 804,00 € au 01/10/2025

Merci de nous retourner le diagnostic avant le 02/01/2026."""


def test_ddets_letterhead_spelt_out_is_a_letter_not_an_act(tmp_path):
    ex = extract(_docx(tmp_path / "ddets rhone.docx", DDETS_EN_TOUTES_LETTRES))
    assert ex.type_document == "saisine_prefecture"
    assert _people(ex) == [("M.", "SAÏDI", "Karim", None), ("Mme", "SAÏDI", "Leïla", None)]
    assert ex.bailleur == "GRAND LYON HABITAT"
    assert ex.date_document == date(2025, 11, 3)
    assert ex.date_limite == date(2026, 1, 2)
    assert (ex.date_audience, ex.heure_audience) == (date(2026, 1, 15), "09:00")


# An étude's act with « PARTIE REQUÉRANTE » / « PARTIES ASSIGNÉES », a dotted « S.C.I. »,
# « demeurant et domiciliés ensemble », the commissaire on a line of his own.
PARTIES_NOMMEES = """SAS ACTA JUSTICE
Commissaires de justice associés
12 rue Buirette 51100 REIMS

ACTE D'ASSIGNATION
EN RÉSILIATION DE BAIL ET EXPULSION

L'AN DEUX MILLE VINGT-CINQ LE TROIS NOVEMBRE

PARTIE REQUÉRANTE :
La S.C.I. DU PARC, société civile immobilière au capital de 1 000 €, immatriculée au RCS de Reims sous le n° 812 345 678, dont le siège est 4 place Drouet d'Erlon 51100 REIMS, prise en la personne de son gérant en exercice

PARTIES ASSIGNÉES :
- Monsieur Karim HADDAD, chauffeur, né le 12/04/1983 à Oran (Algérie)
- Madame Sarah COHEN épouse HADDAD, née le 30/06/1986 à Reims (51)
demeurant et domiciliés ensemble 18, rue de Vesle, bâtiment A, appartement 7, 51100 REIMS

Maître Jean DUPONT, Commissaire de Justice associé au sein de la SAS ACTA JUSTICE, à la résidence de Reims, soussigné,

DONNE ASSIGNATION aux parties susnommées d'avoir à comparaître le mardi 13 janvier 2026 à 9 heures 30 à l'audience du juge des contentieux de la protection du Tribunal judiciaire de Reims.

EXPOSÉ : le loyer mensuel est de 612,00 euros provision sur charges comprise. Les locataires restent devoir la somme de MILLE DEUX CENT SOIXANTE-NEUF EUROS (1 269,00 €), terme d'octobre 2025 inclus, selon décompte arrêté au 31 octobre 2025.
"""


def test_act_partie_requerante_parties_assignees(tmp_path):
    ex = extract(_docx(tmp_path / "acte reims.docx", PARTIES_NOMMEES))
    assert ex.type_document == "assignation"
    assert _people(ex) == [
        ("M.", "HADDAD", "Karim", date(1983, 4, 12)),
        ("Mme", "COHEN", "Sarah", date(1986, 6, 30)),
    ]
    assert ex.adresse == "18 rue de Vesle"
    assert ex.complement_adresse == "bâtiment A, appartement 7"
    assert ex.bailleur == "SCI DU PARC"
    assert ex.statut_occupation == "locataire_prive"
    assert ex.commissaire_justice == "Jean DUPONT"
    assert ex.montant_dette == 1269.0
    assert not {"personnes", "bailleur", "commissaire_justice"} & set(ex.champs_incertains)


def _docx_table_letter(path: Path) -> Path:
    """A DDETS letter whose facts sit in a Word table (label | value)."""
    d = docx.Document()
    for line in (
        "PRÉFECTURE DE LA GIRONDE",
        "Direction départementale de l'emploi, du travail et des solidarités",
        "Bordeaux, le 5 novembre 2025",
        "Objet : prévention des expulsions – demande de diagnostic social et financier",
        "Madame, Monsieur,",
        "Je vous saisis, en application de l'article 24 de la loi du 6 juillet 1989, de la "
        "situation suivante :",
    ):
        d.add_paragraph(line)
    rows = [
        (
            "Nom(s) et prénom(s)",
            "Mme BERNARD Chantal, née le 04/05/1961\nM. BERNARD Luc, né le 19/08/1992",
        ),
        ("Adresse", "Résidence du Lac, bât. 3, appt 118\n2 rue Emile Combes\n33 300 BORDEAUX"),
        ("Bailleur", "AQUITANIS, office public de l'habitat de Bordeaux Métropole"),
        ("Assignation", "délivrée le 28/10/2025 par Me Olivier LAPORTE, commissaire de justice"),
        ("Audience", "mardi 6 janvier 2026 – 9 h 00 – tribunal judiciaire de Bordeaux"),
        ("Montant de la dette", "3 956,12 € (au 30/09/2025)"),
        ("Loyer résiduel", "212,40 €"),
    ]
    table = d.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    d.add_paragraph(
        "Je vous remercie de me faire parvenir votre diagnostic au plus tard le 16 décembre 2025."
    )
    d.save(path)
    return path


def test_letter_table_of_facts(tmp_path):
    ex = extract(_docx_table_letter(tmp_path / "ddets gironde.docx"))
    assert ex.type_document == "saisine_prefecture"
    # « Nom(s) et prénom(s) » labels the household
    assert _people(ex) == [
        ("Mme", "BERNARD", "Chantal", date(1961, 5, 4)),
        ("M.", "BERNARD", "Luc", date(1992, 8, 19)),
    ]
    # a short name whose kind is spelt out after it: a social landlord, not a person
    assert ex.bailleur == "AQUITANIS"
    assert ex.statut_occupation == "locataire_public"
    # the rent left after the housing benefit is not the rent
    assert ex.loyer_mensuel is None
    assert (ex.montant_dette, ex.date_dette) == (3956.12, date(2025, 9, 30))
    assert (ex.date_audience, ex.heure_audience) == (date(2026, 1, 6), "09:00")


# A DDETS-PP letter: the act « délivrée à Mme X et M. Y par la SELARL Z (Me W, commissaire de
# justice) », the dwelling on lines of its own, the hearing at the end of a long sentence.
DELIVREE_A = """PRÉFÈTE DE LA HAUTE-VIENNE
Direction départementale de l'emploi, du travail, des solidarités et de la protection des populations
Cité administrative - 1 rue de la Cité - CS 43 920
87 039 LIMOGES CEDEX 1

Limoges, le 12 novembre 2025

Dossier n° 87-2025-EXP-0931

Objet : assignation en résiliation de bail - saisine pour diagnostic social et financier

Madame la Directrice,

J'ai été destinataire d'une assignation délivrée à Mme ROCHE Valérie et M. ROCHE Thierry par la SELARL JURIS-LIM (Me Nathalie BOYER, commissaire de justice), à la demande de leur bailleur, Limoges Habitat, pour le logement qu'ils occupent :
4 allée des Pins
Résidence Beaublanc, appartement 23
87100 LIMOGES

La dette locative est de 1 837,45 euros au 31 octobre 2025, le loyer charges comprises s'élevant à 465,20 euros.

Cette affaire sera examinée par le juge des contentieux de la protection du tribunal judiciaire de Limoges le jeudi 22 janvier 2026 à 14 heures.

Je vous saurais gré de bien vouloir me transmettre le diagnostic social et financier avant le 8 janvier 2026.
"""


def test_letter_act_delivered_to_both_by_an_office(tmp_path):
    ex = extract(_pdf(tmp_path / "ddetspp 87.pdf", DELIVREE_A))
    assert ex.type_document == "saisine_prefecture"
    # the officer named after M. ROCHE is the SELARL's, not his: both tenants are kept
    assert _people(ex) == [("Mme", "ROCHE", "Valérie", None), ("M.", "ROCHE", "Thierry", None)]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("4 allée des Pins", "87100", "Limoges")
    assert ex.bailleur == "Limoges Habitat"
    assert ex.commissaire_justice == "Nathalie BOYER"
    assert (ex.date_audience, ex.heure_audience) == (date(2026, 1, 22), "14:00")
    assert ex.date_limite == date(2026, 1, 8)


# An SCP's act: « Nous, SCP X - Y, titulaire d'un office …, par Maître Claire Y, l'un d'eux »,
# the hearing in capitals and in words at the end of a long phrase, wrapped over two lines.
SCP_PAR_MAITRE = """SCP LEMAIRE - FONTAINE
Commissaires de Justice Associés
8 place de la République - 10000 TROYES

ASSIGNATION EN RÉFÉRÉ
(Article 24 de la loi du 6 juillet 1989)

L'an deux mille vingt-cinq et le dix-sept octobre

A LA DEMANDE DE :
Monsieur Philippe GARNIER, retraité, né le 02/03/1950 à Troyes (10), demeurant 15 avenue Pierre Brossolette 10000 TROYES,
Ayant pour mandataire l'agence CENTURY 21 Troyes Centre

Nous, Société Civile Professionnelle LEMAIRE - FONTAINE, titulaire d'un office de Commissaire de Justice à la résidence de TROYES, par Maître Claire FONTAINE, l'un d'eux,

AVONS DONNÉ ASSIGNATION A :
1/ Monsieur Mehdi BOUAZIZ, né le 11 mai 1990 à Troyes, agent de sécurité,
2/ Madame Julie PETIT, née le 27 septembre 1993 à Romilly-sur-Seine, vendeuse,
Demeurant ensemble 3 rue Paillot de Montabert, 2ème étage, 10000 TROYES
Où étant et parlant à : comme il est dit au procès-verbal de signification

D'AVOIR À COMPARAÎTRE PERSONNELLEMENT OU PAR REPRÉSENTANT à l'audience de référé du Juge des Contentieux de la Protection du TRIBUNAL JUDICIAIRE DE TROYES, siégeant au Palais de Justice, 82 rue Émile Zola à TROYES, le LUNDI QUINZE DÉCEMBRE DEUX MILLE VINGT-CINQ à NEUF HEURES.

Les requis restent devoir la somme de 2.946,80 € selon décompte arrêté au 30 septembre 2025, échéance de septembre incluse, le loyer mensuel étant de 520 € outre 45 € de provisions sur charges.
"""


def test_act_scp_par_maitre_hearing_in_capital_words(tmp_path):
    ex = extract(_pdf(tmp_path / "acte troyes.pdf", SCP_PAR_MAITRE))
    assert ex.type_document == "assignation"
    assert ex.commissaire_justice == "Claire FONTAINE"
    assert (ex.date_audience, ex.heure_audience) == (date(2025, 12, 15), "09:00")
    assert ex.bailleur == "Philippe GARNIER"
    assert _people(ex) == [
        ("M.", "BOUAZIZ", "Mehdi", date(1990, 5, 11)),
        ("Mme", "PETIT", "Julie", date(1993, 9, 27)),
    ]
    assert (ex.loyer_mensuel, ex.montant_dette) == (565.0, 2946.80)
    assert not {"date_audience", "commissaire_justice"} & set(ex.champs_incertains)


# A DDETS letter of label lines: « Concerne : », « Adresse des lieux loués : », « Huissier /
# commissaire de justice : SELARL …, Me … », « TJ de Nantes », a debt without its date.
LIGNES_LIBELLEES = """PRÉFET DE LA LOIRE-ATLANTIQUE
Direction départementale de l'emploi, du travail et des solidarités
Nantes, le 3 décembre 2025
Réf. : DDETS44/PEX/2025/1422

Objet : Diagnostic social et financier – article 24 de la loi n° 89-462

Concerne : {PERS}
Adresse des lieux loués : {ADR}
Propriétaire : {BAIL}
Huissier / commissaire de justice : {CJ}
Date de l'audience : {AUD}
Montant de la dette : {DETTE}

Je vous prie de bien vouloir me faire parvenir le diagnostic avant le 20/01/2026.
"""


def _libellees(path: Path, **values) -> Path:
    text = LIGNES_LIBELLEES
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return _pdf(path, text)


def test_letter_label_lines(tmp_path):
    ex = extract(
        _libellees(
            tmp_path / "ddets 44 a.pdf",
            PERS="Monsieur GUÉRIN Anthony et Madame LE ROUX Sophie",
            ADR="7, allée du Bois Hardy – Appt 32 – 44 100 NANTES",
            BAIL="NANTES MÉTROPOLE HABITAT",
            CJ="SELARL OUEST ACTES, Me Yann LE BIHAN",
            AUD="03/02/2026 – 9h30 – TJ de Nantes",
            DETTE="2 118,40 euros",
        )
    )
    assert _people(ex) == [("M.", "GUÉRIN", "Anthony", None), ("Mme", "LE ROUX", "Sophie", None)]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("7 allée du Bois Hardy", "44100", "Nantes")
    assert ex.commissaire_justice == "Yann LE BIHAN"
    assert ex.juridiction == "Tribunal judiciaire de Nantes"
    assert ex.montant_dette == 2118.40
    assert not {"adresse", "montant_dette", "juridiction", "commissaire_justice"} & set(
        ex.champs_incertains
    )
    # a lieu-dit keeps its article; « Date de l'audience : le 10 février 2026 »
    ex = extract(
        _libellees(
            tmp_path / "ddets 44 b.pdf",
            PERS="Mme veuve TESSIER Monique",
            ADR="La Métairie, 44 850 LE CELLIER",
            BAIL="M. Joël BRIAND",
            CJ="Maître Hervé PAGEOT",
            AUD="le 10 février 2026 à 14 heures, Tribunal judiciaire de Nantes",
            DETTE="3.402,00 €",
        )
    )
    assert (ex.adresse, ex.code_postal, ex.commune) == ("La Métairie", "44850", "Le Cellier")
    assert ex.date_audience == date(2026, 2, 10)
    assert "date_audience" not in ex.champs_incertains


# An act whose landlord is a kind then its name in quotes, and whose rent has its charges
# « en sus (61,20 €) » after a comma.
GUILLEMETS = """ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION
AUX FINS DE CONSTAT DE LA RÉSILIATION DU BAIL ET D'EXPULSION

L'AN DEUX MILLE VINGT-CINQ,
ET LE VINGT-HUIT OCTOBRE

À LA REQUÊTE DE :
{BAIL}

Élisant domicile en mon Étude,

J'AI, Damien VASSEUR, Commissaire de Justice à la résidence de ROUEN (76000), soussigné,

DONNÉ ASSIGNATION À :
{PERS}

Où étant et parlant à : ainsi qu'il est dit au procès-verbal de signification.

D'AVOIR À COMPARAÎTRE le MARDI SIX JANVIER DEUX MILLE VINGT-SIX à QUATORZE HEURES devant le Juge des contentieux de la protection du Tribunal judiciaire de Rouen, Palais de Justice, 36 rue aux Juifs, 76000 ROUEN.

Suivant contrat du 1er juillet 2019, le requérant a donné à bail un logement moyennant un loyer mensuel révisé de 498,13 €, provision sur charges en sus (61,20 €). Un commandement de payer visant la clause résolutoire a été délivré le 3 juin 2025 pour la somme de 1 650,00 €. À ce jour, les requis sont redevables de 2 871,36 € selon décompte arrêté au 1er octobre 2025.
"""


def test_landlord_name_in_quotes_after_its_kind_and_charges_en_sus(tmp_path):
    cases = {
        "l'Office Public de l'Habitat « Rouen Habitat », établissement public à caractère "
        "industriel et commercial, dont le siège est 65 avenue de Bretagne, 76100 ROUEN": "Rouen Habitat",
        "la Société Anonyme d'Habitations à Loyer Modéré « LOGÉAL IMMOBILIÈRE », dont le siège "
        "est 1 rue des Prés, 76190 YVETOT": "LOGÉAL IMMOBILIÈRE",
    }
    pers = (
        "Mademoiselle Clara DUVAL, étudiante, née le 8 août 2001 à Rouen (76), demeurant 5 place "
        "du Vieux-Marché, 76000 ROUEN"
    )
    for i, (bail, attendu) in enumerate(cases.items()):
        text = GUILLEMETS.replace("{BAIL}", bail).replace("{PERS}", pers)
        ex = extract(_pdf(tmp_path / f"acte rouen {i}.pdf", text))
        assert ex.bailleur == attendu
        assert ex.statut_occupation == "locataire_public"
        # 498,13 € of rent, « provision sur charges en sus (61,20 €) »: charges included
        assert ex.loyer_mensuel == 559.33
        assert (ex.date_audience, ex.heure_audience) == (date(2026, 1, 6), "14:00")
        assert ex.commissaire_justice == "Damien VASSEUR"
        assert _people(ex) == [("Mme", "DUVAL", "Clara", date(2001, 8, 8))]
