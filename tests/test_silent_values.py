"""Wrong values that came out unflagged on scans of other draws and rough scans, and the
generic checks that flag them (intake/checks.py, intake/debris.py, intake/extract.py,
intake/classify.py): a landlord read from the end of a tick box's label, a birth whose
« 1er » lost its figure, a child read off a count, a fax whose cue words OCR spoiled left
« inconnu », a ticked box read as a letter on a line OCR was sure of. Texts are written as
other départements' services would, as Tesseract hands them over (tests/form_documents)."""

from __future__ import annotations

from intake.extract import extract_document
from tests.form_documents import ocr_page

# a referral form whose « Bailleur » caption is left blank: the line above it ends the
# occupancy tick boxes
HOSTED = """FICHE DE LIAISON - DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT
Val-d'Oise - prévention des expulsions
Service demandeur : CCAS d'Argenteuil
Travailleur social : Mme Sophie LEROY
Date de la demande : 14/11/2025
Mesure demandée : [ ] ASLL accès [X] ASLL maintien [ ] diagnostic
COMPOSITION DU MÉNAGE
Composition familiale : femme seule
Qualité Civilité NOM Prénom Né(e) le
Demandeur Mme BENALI Yasmina 12/02/1979
LOGEMENT
Adresse : 8 allée des Peupliers
95100 ARGENTEUIL
Statut d'occupation : [ ] Locataire [ ] Sous-locataire [X] Hébergée chez un tiers [ ] Occupante
sans droit ni titre
Bailleur
RESSOURCES DU MÉNAGE
Nature Montant mensuel
RSA 607,75 €
"""


def test_a_landlord_in_lower_case_is_flagged():
    ex = extract_document(ocr_page(HOSTED, name="scan.pdf"), "scan.pdf")
    if ex.bailleur is not None:  # read from the tick box's label, never as sure
        assert "bailleur" in ex.champs_incertains
    assert ex.organisme_prescripteur == "CCAS d'Argenteuil"
    assert "organisme_prescripteur" not in ex.champs_incertains


def test_a_landlord_named_with_capitals_is_not_flagged_for_it():
    text = HOSTED.replace("Bailleur\n", "Bailleur : Val d'Oise Habitat\n")
    ex = extract_document(ocr_page(text, name="scan.pdf"), "scan.pdf")
    assert ex.bailleur == "Val d'Oise Habitat"
    assert "bailleur" not in ex.champs_incertains


GIRONDE = """FONDS DE SOLIDARITÉ LOGEMENT DE LA GIRONDE
Demande d'aide au maintien - partie à remplir par le travailleur social
Demande reçue le 3 novembre 2025
Le demandeur : Madame
Nom : FERREIRA
Prénom(s) : Ana
Née le {naissance} à Porto (Portugal)
Adresse : 41, rue Camille Pelletan — 33150 CENON
Nom du bailleur : Domofrance
Loyer charges comprises : 598,20 €
Montant de la dette : 1 204,60 € au 31 octobre 2025
Nature : [x] maintien [ ] accès
Le travailleur social : Julie MARCHAND, CESF
Organisme : MDS de Lormont
"""


def test_a_birth_that_reads_as_no_date_flags_the_persons():
    # « 1er mars 1984 »: the scan lost the « 1 », no date is made out of « er mars 1984 »
    ex = extract_document(ocr_page(GIRONDE.format(naissance="er mars 1984")), "scan.png")
    assert [p.nom for p in ex.personnes] == ["FERREIRA"]
    assert ex.personnes[0].date_naissance is None
    assert "personnes" in ex.champs_incertains
    ex = extract_document(ocr_page(GIRONDE.format(naissance="1er mars 1984")), "scan.png")
    assert str(ex.personnes[0].date_naissance) == "1984-03-01"
    assert "personnes" not in ex.champs_incertains


MANCHE = """Département de la Manche - Direction de la solidarité
Demande d'aide financière et d'accompagnement
Dossier transmis par : CMS de Coutances
Date de la demande : 06/11/2025
DEMANDEUR
Madame [X] Monsieur [ ]
NOM : LEBRETON
Prénom : Gaëlle
Date et lieu de naissance : 21/09/1991 à Caen
Adresse : 5 rue des Halles — 50200 COUTANCES
Nombre de personnes vivant au foyer : 1
Nombre d'enfants à charge : {enfants}
[X] ASLL maintien [ ] ASLL accès
L'instructeur : Claire HAMON, assistante sociale
"""


def test_a_child_named_with_figures_flags_the_count():
    # « 0 — Mineur : 0 - Majeur : 0 » read « O0 — Mineur : O … »: « O0 » is taken for a child
    text = MANCHE.format(enfants="O0 — Mineur : O - Majeur : O")
    ex = extract_document(ocr_page(text, weak_words={"O0": 62}), "scan.png")
    assert ex.nb_enfants != 1 or "nb_enfants" in ex.champs_incertains
    ex = extract_document(ocr_page(MANCHE.format(enfants="0")), "scan.png")
    assert ex.nb_enfants == 0
    assert "nb_enfants" not in ex.champs_incertains


# a fax of a form: its captions are spoiled, so that its words fall short of a form's
FAX = """14 NOV. 2025 09:12 DE : 03 88 41 27 65 P.001/001.
Service INnstrlicteur
Centre médico-social de Sélestat
Travailleur suciat (prénom, nom)
Martine KLEIN
Die de la dernande
12/11/2025
FONDS DE SOLIDARITÉ POUR LE LOGEMENT DU BAS-RHIN
Imprimé à compléter par lé travailleur social
LOGEMENT OCCUPÉ
N° et rue ". Cade pastal Commune
3 rue des Vosges 167600 |Sélestat
Slulut d'occupation
x] locataire parc public LI locataire parc privé L° hébergé(e) chez un tiers
Non du büulluur Loyer hors charges (€) Charges (€)
IHabitat de I'lll "| [512.40 [61,20
"""


def test_a_badly_read_fax_near_a_form_is_flagged_as_such():
    doc = ocr_page(FAX, weak_words={"INnstrlicteur": 20, "suciat": 49}, page_confidence=72.0)
    ex = extract_document(doc, "fax.tif")
    assert ex.type_document == "inconnu"
    assert {"type_document", "personnes", "adresse", "date_document"} <= set(ex.champs_incertains)


def test_a_well_read_page_left_unknown_is_not_flagged():
    bill = """ÉLECTRICITÉ DE STRASBOURG - FACTURE
Facture n° 2025-118842 du 12/11/2025
Consommation relevée : 1 248 kWh
Montant TTC : 214,80 €
Point de livraison PDL 14 4521 8874 001
"""
    ex = extract_document(ocr_page(bill, page_confidence=72.0), "facture.png")
    assert ex.type_document == "inconnu"
    assert ex.champs_incertains == []
    ex = extract_document(ocr_page(FAX, page_confidence=91.0), "fax.tif")
    assert ex.champs_incertains == []


# a sure line whose ticked box OCR read as a letter (« Ü »)
ILLE = """DEMANDE D'ACCOMPAGNEMENT VERS ET DANS LE LOGEMENT
Date de la demande : 07-11-2025
Structure prescriptrice Maison départementale des solidarités de Rennes
Nom du référent GUILLOU
Prénom du référent Erwan
TYPE DE DEMANDE : [X] Accompagnement dans le logement [ ] Diagnostic
Demandeur : LE GALL Morgane 14-02-1990 F
Adresse : 12 boulevard de la Liberté
Code postal : 35000 Commune : Rennes
Statut d'occupation : [ Locataire du parc social Locataire du parc privé {coche} Hébergé chez
un tiers
Nom du bailleur : SCI KERMOR
Dette locative : Montant : 1 480,00 € au 31-10-2025
"""


def test_a_box_mark_read_weakly_on_a_sure_line_flags_the_choice():
    doc = ocr_page(ILLE.format(coche="Ü"), weak_words={"Ü": 13})
    ex = extract_document(doc, "scan.png")
    assert "statut_occupation" in ex.champs_incertains
    # the brackets of empty boxes, read weakly on every scan, are no mark
    doc = ocr_page(ILLE.format(coche="[X]"), weak_words={"[": 42})
    ex = extract_document(doc, "scan.png")
    assert ex.statut_occupation == "heberge"
    assert "statut_occupation" not in ex.champs_incertains


DROME = """FSL - DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT
Mesure demandée : Maintien
Organisme instructeur : Service social MSA de la Drôme
Nom du travailleur social : BONNET
Prénom du travailleur social : Élodie
Date d'instruction : 02/10/2025
Demandeur - civilité : Mme
Demandeur - nom d'usage : ARNAUD
Demandeur - prénom : Sylvie
Demandeur - né(e) le : 11/01/1979
Nombre d'enfants à charge : 0
Adresse : 9 rue Émile Augier
Code postal : 26000
Commune : Valence
Statut d'occupation : Locataire HLM
Bailleur : Valence Romans Habitat
Loyer hors charges (€) : 481,18
Charges (€) : {charges}
Montant de la dette locative (€) : 1 312,44
Dette arrêtée au : 31/08/2025
"""


def test_a_rent_added_up_from_a_part_read_unsurely_is_flagged():
    # « 36,65 » read « 136,65 » at 55: the rent is the sum, printed nowhere
    doc = ocr_page(DROME.format(charges="136,65"), weak_words={"136,65": 55})
    ex = extract_document(doc, "scan.png")
    assert ex.loyer_mensuel == 617.83
    assert "loyer_mensuel" in ex.champs_incertains
    ex = extract_document(ocr_page(DROME.format(charges="36,65")), "scan.png")
    assert ex.loyer_mensuel == 517.83
    assert "loyer_mensuel" not in ex.champs_incertains


# an act whose rent sentence a stamp spoiled (« moyennant un loyer de 610 € » read « e 61O€ »)
TOURS = """ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION
Le 2 octobre 2025
À la demande de :
Madame Hélène ROUSSEAU, propriétaire, demeurant 8 rue Nationale 37000 Tours
Signifié à :
M. CARON, Julien, né le 14/03/1985 à Blois
domicile : 17 rue des Tanneurs — 37000 Tours
Par Maître Claire BOUVIER, commissaire de justice à Tours
Le requérant a consenti un bail d'habitation portant sur le logement ci-dessus désigné, {loyer} et
45 € de provision pour charges. Un commandement de payer une dette de loyer de 1 830 € a été délivré le
03/06/2025 ; la dette locative s'élève à 2 745 € (décompte au 25/09/2025).
Le juge des contentieux de la protection du Tribunal judiciaire de Tours statuera à l'audience du
27/11/2025 à 9 h 30.
"""


def test_a_debt_taken_for_the_rent_is_flagged():
    doc = ocr_page(TOURS.format(loyer="e 61O€"), weak_words={"61O€": 30})
    ex = extract_document(doc, "scan.png")
    assert ex.loyer_mensuel != 655
    assert ex.loyer_mensuel is None or "loyer_mensuel" in ex.champs_incertains
    text = TOURS.format(loyer="moyennant un loyer mensuel de 610 €")
    ex = extract_document(ocr_page(text), "scan.png")
    assert ex.loyer_mensuel == 655  # charges included
    assert "loyer_mensuel" not in ex.champs_incertains


# a household table whose dates are written with dashes (« 06-11-2017 »)
VAL_DE_MARNE = """DEMANDE DE MESURE AVDL HORS DALO
Date de la demande : 21-10-2025
Structure prescriptrice Service social départemental de Créteil
Nom du référent PERRIN
Prénom du référent Lucie
TYPE DE DEMANDE : [X] Accompagnement dans le logement
Lien Nom Prénom Né(e) le Sexe
Demandeur : KONATÉ Aminata 12-04-1990 F
Fille KONATÉ Fatou 03-02-2016 F
Situation familiale : [ ] Personne seule [ ] Couple [X] Famille monoparentale
Adresse : 4 rue Gustave Eiffel
Code postal : 94000 Commune : Créteil
Nom du bailleur : Créteil Habitat
"""


def test_a_child_row_dated_with_dashes_counts_as_a_child():
    ex = extract_document(ocr_page(VAL_DE_MARNE), "scan.png")
    assert ex.nb_enfants == 1 or "nb_enfants" in ex.champs_incertains


def test_no_child_where_no_one_of_the_household_was_read_is_flagged():
    from asll.domain.model import Extraction, Personne
    from intake.checks import dependents

    ex = Extraction(type_document="fiche_prescription", nb_enfants=0)
    assert "nb_enfants" in dependents(ex, {"personnes"})
    ex.personnes = [Personne(nom="ARNAUD", prenom="Sylvie")]
    assert "nb_enfants" not in dependents(ex, set())


# an arrival stamp over a form's identity block: its words are blanked, but the « RE » of
# « REÇU » stays glued to the first name on a line between two of its lines
STAMPED = """FONDS DE SOLIDARITÉ POUR LE LOGEMENT DU CANTAL
Dossier de demande d'aide - partie commune
Demande déposée le 6 octobre 2025
Le demandeur : Madame
Nom d'usage : DELMAS Nom de naissance : DELMAS COURRIER ARRIVÉ
Prénom(s) : Odile RE
Née le 14 juin 1983 à Aurillac CU LE 09 OCT. 2025
Les autres personnes vivant au foyer : SERVICE LOGEMENT
1) Léa DELMAS, née le 02.05.2019 — fille
Adresse : 3, rue du Buis — 15000 AURILLAC
Nom et adresse du bailleur : Logisens, agence d'Aurillac
Loyer sans les charges locatives : 402,10 €
Nature : [x] maintien [ ] accès
Le travailleur social : Agnès COMBES, assistante sociale
Organisme : CCAS d'Aurillac
"""


def test_a_value_between_a_stamps_lines_is_flagged():
    doc = ocr_page(STAMPED, weak_words={"CU": 50})
    ex = extract_document(doc, "scan.png")
    assert any(p.nom == "DELMAS" for p in ex.personnes)
    assert "personnes" in ex.champs_incertains


# an act whose défendeurs' address a stamp spoiled: the court's is the only one left
CLERMONT = """SELARL ROCHE - VIGIER, Commissaires de justice associés
ASSIGNATION EN CONSTAT DE RÉSILIATION DE BAIL ET EXPULSION
À LA REQUÊTE DE : Auvergne Habitat, société anonyme d'HLM, dont le siège est à Clermont-Ferrand.
J'ai, Maître Pierre ROCHE, commissaire de justice, DONNÉ ASSIGNATION À :
Monsieur Karim BELKACEM, né le 02/02/1981 à Lyon, demeurant {adresse}
D'AVOIR À COMPARAÎTRE devant le juge des contentieux de la protection du Tribunal judiciaire
de Riom, 2 boulevard Chancelier de l'Hospital, 63200 Riom, à l'audience du jeudi
11 décembre 2025 à 9 h 30.
Le logement est loué moyennant un loyer mensuel de 488,00 € charges comprises.
Les défendeurs restent devoir la somme de 2 104,36 € arrêtée au 30/09/2025.
Fait le 3 octobre 2025.
"""


def test_the_courts_address_taken_for_the_dwellings_is_flagged():
    ex = extract_document(ocr_page(CLERMONT.format(adresse="BSER e, VHC) came. [EX")), "s.png")
    if ex.adresse == "2 boulevard Chancelier de l'Hospital":
        assert {"adresse", "code_postal", "commune"} <= set(ex.champs_incertains)
    text = CLERMONT.format(adresse="14 rue de la Treille, 63200 Riom")
    ex = extract_document(ocr_page(text), "scan.png")
    assert ex.adresse == "14 rue de la Treille"
    assert "adresse" not in ex.champs_incertains


# a form's « Conjoint(e) » whose colon a fax lost: the spouse is not read
GARD = """ESPACE SOLIDARITÉ DU GARD
Dossier de demande d'accompagnement social lié au logement
Travailleur social : Céline ROUX, assistante de service social
Service : CMS de Bagnols-sur-Cèze
Date de la demande : 22/09/2025
Demandeur : Monsieur MARTIN Luc, né le 11/04/1977 à Nîmes
Conjoint(e) Madame MARTIN Inès, née le 30/08/1985 à Alès
Enfants 1 : Noah (02/03/2014)
Adresse : 7 rue de la République
30200 Bagnols-sur-Cèze
Statut d'occupation : Locataire du parc social (Habitat du Gard)
Mesure : ASLL maintien dans le logement
"""


def test_a_form_stating_more_adults_births_than_persons_read_is_flagged():
    ex = extract_document(ocr_page(GARD), "scan.png")
    if len(ex.personnes) < 2:
        assert "personnes" in ex.champs_incertains


# a form whose « organisme HLM ? oui / non » boxes a fax spoiled, its landlord an SCI
PAS_DE_CALAIS = """DEMANDE D'AIDE AU FONDS DE SOLIDARITÉ LOGEMENT
Date de la demande : 29/09/2025
Votre logement
Adresse : 5 rue Émile Zola
62300 Lens
Êtes-vous locataire ? [X] oui [ ] non
Le logement appartient-il à un organisme HLM ? {hlm}
Nom et adresse du propriétaire : SCI LES GLYCINES, service contentieux
Loyer charges comprises : 543,26 €
"""


def test_a_tenancy_the_landlords_name_contradicts_is_flagged():
    ex = extract_document(ocr_page(PAS_DE_CALAIS.format(hlm="[X] oui [ ] non")), "scan.png")
    assert ex.statut_occupation == "locataire_public"
    assert "statut_occupation" in ex.champs_incertains
    ex = extract_document(ocr_page(PAS_DE_CALAIS.format(hlm="[ ] oui [X] non")), "scan.png")
    assert ex.statut_occupation == "locataire_prive"
    assert "statut_occupation" not in ex.champs_incertains


# an act in two columns whose rent sentence the other column cut (« provisi / ion sur
# charges »): the rent before « outre » is read, the charges lost
NANTES = """ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION
À LA REQUÊTE DE : Nantes Métropole Habitat, office public de l'habitat, dont le siège est à Nantes.
Nous, Maître Yann LE BIHAN, commissaire de justice à Nantes, avons donné assignation à
Mme Léa MOREAU, née le 04/07/1990 à Vannes, demeurant 12 rue de Coulmiers 44000 Nantes,
à comparaître à l'audience du 15/01/2026 à 14 h 00 devant le Tribunal judiciaire de Nantes.
EXPOSÉ DU LITIGE
Par acte sous seing privé, la demanderesse a donné à bail le logement moyennant un
loyer mensuel de 498,20 euros hors charges, outre {charges}
Un commandement de payer a été signifié le 12/06/2025 pour 1 651,47 euros.
Au 20/10/2025, la dette locative s'élève à 2 356,39 euros.
Fait le 21 octobre 2025.
"""


def test_a_rent_whose_added_charges_were_lost_is_flagged():
    ex = extract_document(ocr_page(NANTES.format(charges="44,10 euros de provisi")), "s.png")
    assert ex.loyer_mensuel == 498.20
    assert "loyer_mensuel" in ex.champs_incertains
    text = NANTES.format(charges="44,10 euros de provision sur charges.")
    ex = extract_document(ocr_page(text), "scan.png")
    assert ex.loyer_mensuel == 542.30
    assert "loyer_mensuel" not in ex.champs_incertains


# a form's occupancy boxes one a line, the first line read weakly, its mark lost
CHER = """DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT (ASLL)
Service instructeur : CCAS de Vierzon
Travailleur social : Hélène PASQUIER, assistante sociale
Date de la demande : 02/10/2025
Demandeur : Mme NAVARRO Inès, née le 03/03/1988
Composition du ménage : femme seule
Situation au regard du logement
Vous êtes : [] Locataire HLM N L

{prive}
Sous-locataire
[X] Hébergé(e) chez des parents ou des tiers
Adresse : 6 rue Gourdon
18100 Vierzon
"""


def test_boxes_one_a_line_next_to_a_weak_line_flag_the_choice():
    text = CHER.format(prive="OCataire parc privé")
    ex = extract_document(ocr_page(text, weak_lines={"Locataire HLM": 68.6}), "scan.png")
    assert "statut_occupation" in ex.champs_incertains
    text = CHER.format(prive="[ ] Locataire parc privé")
    ex = extract_document(ocr_page(text), "scan.png")
    assert ex.statut_occupation == "heberge"
    assert "statut_occupation" not in ex.champs_incertains


# a préfecture's letter sent with the act behind it, « Pour le Préfet » read « Prétet » and
# its letterhead lost: no word tells a préfecture, the act's words win
LETTER_AND_ACT = """Mâcon, le 18 novembre 2025
Association Habitat et insertion
Service ASLL
10 rue des Écoles
51100 REIMS
Objet : saisine pour diagnostic social et financier
P.J. : copie de l'assignation
Madame, Monsieur,
Vous trouverez ci-joint la copie de l'assignation aux fins de résiliation de bail délivrée à
M. Paul GIRAUD, qui m'a été notifiée en application de l'article 24 de la loi du 6 juillet 1989.
Le diagnostic devra être adressé au juge et à la CCAPEX au plus tard le 27 décembre 2025.
Pour le {prefet},
Le chef de la cellule CCAPEX
""" + (
    "\n" * 3
    + """ASSIGNATION EN RÉSILIATION DE BAIL
À LA REQUÊTE DE Habitat du Centre-Est, société anonyme d'HLM, dont le siège est à Mâcon.
Nous, Maître Denis DUMONT, commissaire de justice associé de la SCP DUMONT LAGRANGE,
titulaire d'un office à la résidence de Mâcon, AVONS DONNÉ ASSIGNATION À :
M. Paul GIRAUD, né le 12/09/1985 à Dijon, demeurant 54 impasse des Lilas, 71000 MÂCON
D'AVOIR À COMPARAÎTRE à l'audience du 12/01/2026 à 9 h 00 devant le juge des contentieux de
la protection du Tribunal judiciaire de Mâcon.
Le loyer mensuel est de 512,40 euros charges comprises. Le défendeur reste devoir la somme
de 2 130,22 euros arrêtée au 31/10/2025 au titre des loyers et charges impayés.
PAR CES MOTIFS, constater la résiliation du bail et ordonner l'expulsion.
"""
)


def test_a_letter_whose_required_word_ocr_spoiled_flags_its_type():
    ex = extract_document(ocr_page(LETTER_AND_ACT.format(prefet="Prétet")), "scan.png")
    assert ex.type_document == "assignation"
    assert "type_document" in ex.champs_incertains
    ex = extract_document(ocr_page(LETTER_AND_ACT.format(prefet="Préfet")), "scan.png")
    assert ex.type_document == "saisine_prefecture"
    assert "type_document" not in ex.champs_incertains


# a préfecture's letter whose reference line a fax spoiled (« N/Réf. » read « N/Rét. »)
DEUX_SEVRES = """PRÉFET DES DEUX-SÈVRES
Direction départementale de l'emploi, du travail, des solidarités et de la protection des populations
Niort, le 14 novembre 2025
Affaire suivie par : M. Olivier BRETON
{ref}
Objet : diagnostic social et financier avant audience
Madame, Monsieur,
Une assignation a été délivrée le 3 novembre 2025 à la requête de Deux-Sèvres Habitat à
l'encontre de Mme Nadia BENSAÏD, locataire du logement situé 9 rue Ricard, 79000 Niort.
L'affaire sera appelée à l'audience du lundi 12 janvier 2026 à 10 h 30 devant le juge des
contentieux de la protection du Tribunal judiciaire de Niort.
Je vous remercie de me transmettre votre diagnostic avant le 22 décembre 2025.
Pour le préfet et par délégation,
"""


def test_a_reference_cue_misread_flags_the_empty_reference():
    ex = extract_document(ocr_page(DEUX_SEVRES.format(ref="N/Rét. : DDETSPP79/PEX/")), "s.png")
    assert ex.type_document == "saisine_prefecture"
    assert ex.reference is None or "reference" in ex.champs_incertains
    assert "reference" in ex.champs_incertains
    ex = extract_document(ocr_page(DEUX_SEVRES.format(ref="")), "scan.png")
    assert "reference" not in ex.champs_incertains


def test_a_birth_cut_short_flags_the_persons():
    # « 15/05/1974 » read « 15/05/197 »: figures after « née le », no date
    ex = extract_document(ocr_page(GIRONDE.format(naissance="15/05/197")), "scan.png")
    assert ex.personnes and ex.personnes[0].date_naissance is None
    assert "personnes" in ex.champs_incertains


# a form whose « Bailleur » caption has no value: the caption above is taken with its value
ISERE = """FSL - DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT
Mesure demandée Maintien
Organisme instructeur Service social CAF de la Savoie
Nom du travailleur social DUPUIS
Prénom du travailleur social Margaux
Date d'instruction 12/09/2025
Demandeur — civilité Mme
Demandeur — nom d'usage PERRET
Demandeur — prénom Agathe
Adresse 4 rue Sommeiller
Code postal 73000
Commune Chambéry
{statut}
Bailleur
Ressource : RSA (€) 230,73
"""


def test_a_landlord_holding_a_caption_is_flagged():
    ex = extract_document(ocr_page(ISERE.format(statut="Statut d'occupation Hébergé")), "s.png")
    if ex.bailleur and "Statut" in ex.bailleur:
        assert "bailleur" in ex.champs_incertains
    text = ISERE.format(statut="Statut d'occupation Locataire HLM").replace(
        "Bailleur\n", "Bailleur Cristal Habitat\n"
    )
    ex = extract_document(ocr_page(text), "scan.png")
    assert ex.bailleur == "Cristal Habitat"
    assert "bailleur" not in ex.champs_incertains


# a letter naming the couple twice, one surname with « NI » read « M »
INDRE = """DIRECTION DÉPARTEMENTALE DE L'EMPLOI, DU TRAVAIL, DES SOLIDARITÉS ET DE LA PROTECTION DES POPULATIONS DE L'INDRE
Préfecture de l'Indre - Bureau du logement
Châteauroux, le 6 octobre 2025
Objet : enquête sociale avant audience
Ménage concerné : les époux BERNIER : Monsieur Alain {nom}, né le 02/06/1977, et Madame
Sylvie BERNIER née ROY, née le 16/03/1976
demeurant 11 rue Grande, 36000 Châteauroux, locataires de l'OPAC de l'Indre.
L'audience est fixée au 4 décembre 2025 à 9 h 00 au Tribunal judiciaire de Châteauroux.
"""


def test_a_surname_read_with_m_for_ni_is_flagged():
    ex = extract_document(ocr_page(INDRE.format(nom="BERMER")), "scan.png")
    assert "BERMER" in {p.nom for p in ex.personnes}
    assert "personnes" in ex.champs_incertains
    ex = extract_document(ocr_page(INDRE.format(nom="BERNIER")), "scan.png")
    assert {p.nom for p in ex.personnes} == {"BERNIER"}
    assert "personnes" not in ex.champs_incertains


# an act whose landlord is a person « demeurant … », the défendeurs' lines spoiled
MONTREUIL = """ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION
DEMANDEUR :
Monsieur Thierry LAMBERT
demeurant 12 avenue Jean Jaurès
93500 PANTIN
DÉFENDEURS
{defendeurs}
L'an deux mille vingt-cinq, le trois octobre, à la requête du demandeur ci-dessus désigné,
nous, Maître Samia HADDAD, commissaire de justice à Pantin, avons donné assignation aux
défendeurs à comparaître à l'audience du 8 janvier 2026 à 9 h 30 devant le juge des
contentieux de la protection du Tribunal de proximité de Pantin.
Le loyer mensuel est de 720,00 euros charges comprises ; les défendeurs restent devoir la
somme de 3 015,44 euros arrêtée au 30/09/2025.
"""


def test_the_landlords_address_taken_for_the_dwellings_is_flagged():
    spoiled = "Monsieur Râät BR Fer Karim 1 — Annt 22 SAIDI, né 19 22/10/1990\nT9 rue de la Paix"
    ex = extract_document(ocr_page(MONTREUIL.format(defendeurs=spoiled)), "scan.png")
    if ex.adresse == "12 avenue Jean Jaurès":
        assert "adresse" in ex.champs_incertains
    read = (
        "Monsieur Karim SAIDI, né le 22/10/1990 à Tours,\ndemeurant 19 rue de la Paix\n93500 PANTIN"
    )
    ex = extract_document(ocr_page(MONTREUIL.format(defendeurs=read)), "scan.png")
    assert ex.adresse == "19 rue de la Paix"
    assert "adresse" not in ex.champs_incertains


# a fax of a landlord's referral whose « ; » between resources came out as weak « : »
LIAISON = """FICHE DE LIAISON BAILLEUR - TRAVAILLEUR SOCIAL
Signalement d'un impayé de loyer - demande d'accompagnement social lié au logement
Bailleur : Oise Habitat, service précontentieux
Locataire : M. Bruno LEFEBVRE, né le 09/09/1971
Adresse : 3 rue de la Harpe 60000 Beauvais
Composition du ménage : homme seul
Ressources du ménage : RSA 384,58 € {sep} Pension de retraite 1 049,89 €
Mesure sollicitée : [ ] ASLL Accès [x] ASLL Maintien
Travailleur social : Manon RICHARD, CCAS de Beauvais
Date : 17/10/2025
"""


def test_a_resource_line_with_a_weak_word_naming_a_kind_not_read_is_flagged():
    doc = ocr_page(LIAISON.format(sep=":"), weak_words={"€ :": 45})
    ex = extract_document(doc, "scan.png")
    if {r.type for r in ex.ressources} != {"rsa", "pension"}:
        assert "ressources" in ex.champs_incertains
    ex = extract_document(ocr_page(LIAISON.format(sep=";")), "scan.png")
    assert {(r.type, r.montant) for r in ex.ressources} == {("rsa", 384.58), ("pension", 1049.89)}
    assert "ressources" not in ex.champs_incertains


# an act whose first défendeur's birth is printed plainly but was not tied to her (her line
# spoiled by a photocopy's smear)
BESANCON = """ASSIGNATION EN RÉSILIATION DE BAIL
À LA REQUÊTE DE : Grand Besançon Habitat, office public de l'habitat, dont le siège est à Besançon.
Nous, Maître Louis FAIVRE, commissaire de justice à Pontarlier, avons donné assignation à :
{premiere}
M. Hugo PETIT, né le 12/12/1989 à Dole, demeurant 7 rue Battant, 25000 BESANÇON.
à comparaître à l'audience du 20/01/2026 à 9 h 00 devant le juge des contentieux de la
protection du Tribunal judiciaire de Besançon.
Le loyer mensuel est de 455,00 euros charges comprises ; la dette s'élève à 1 820,00 euros.
Fait le 7 novembre 2025.
"""


def test_a_birth_stated_but_tied_to_no_one_flags_the_persons():
    spoiled = "PETIT Odile,\n~ née le 10/04/1962 à Dakar, demeurant 7 rue Battant, 25000 BESANÇON,"
    ex = extract_document(ocr_page(BESANCON.format(premiere=spoiled)), "scan.png")
    if any(p.prenom == "Odile" and p.date_naissance is None for p in ex.personnes):
        assert "personnes" in ex.champs_incertains
    read = "Mme Odile PETIT, née le 10/04/1962 à Dakar, demeurant 7 rue Battant, 25000 BESANÇON,"
    ex = extract_document(ocr_page(BESANCON.format(premiere=read)), "scan.png")
    assert {str(p.date_naissance) for p in ex.personnes} == {"1962-04-10", "1989-12-12"}
    assert "personnes" not in ex.champs_incertains


def test_an_apostrophe_after_no_letter_flags_the_address():
    text = DEUX_SEVRES.format(ref="N/Réf. : DDETSPP79/PEX/2025-0738").replace(
        "9 rue Ricard", "9 rue 'Ricard"
    )
    ex = extract_document(ocr_page(text), "scan.png")
    assert ex.adresse and "'" in ex.adresse
    assert "adresse" in ex.champs_incertains
    text = text.replace("9 rue 'Ricard", "9 rue d'Inkermann")
    ex = extract_document(ocr_page(text), "scan.png")
    assert ex.adresse == "9 rue d'Inkermann"
    assert "adresse" not in ex.champs_incertains


def test_a_count_of_children_the_form_states_otherwise_is_flagged():
    # « Enfants 3 : » over two lines, the third child's line not read
    text = GARD.replace(
        "Enfants 1 : Noah (02/03/2014)",
        "Enfants 3 : Noah (02/03/2014), Jade (11/07/2016),\nLou (04/01/2019)",
    )
    ex = extract_document(ocr_page(text), "scan.png")
    if ex.nb_enfants != 3:
        assert "nb_enfants" in ex.champs_incertains
    # « Enfant 1 : » numbers a row, « … avec 2 enfants » then a heading's number: no count
    text = MANCHE.format(enfants="0").replace(
        "Nombre de personnes vivant au foyer : 1",
        "Composition familiale : femme seule sans enfants\n2. LOGEMENT",
    )
    ex = extract_document(ocr_page(text), "scan.png")
    assert "nb_enfants" not in ex.champs_incertains
