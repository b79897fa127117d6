"""Letters and acts laid out as the second round of public sources shows (corpus/sources/26
to 29), and the checks that turn a value contradicting the others into « à vérifier ».
Each document is a real text PDF built here; the wording follows the published letters and
acts, the households are invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from intake.extract import extract
from tests.form_documents import paragraphs_pdf as _pdf

RUBRIQUES = """PRÉFET DE LA HAUTE-VIENNE
Direction départementale de l'emploi, du travail et des solidarités
Service habitat - prévention des expulsions
Référence à rappeler : DDETS87-DSF-0412

Limoges, le 6 octobre 2025

Objet : saisine pour la réalisation d'un diagnostic social et financier

Madame, Monsieur,

En application du III de l'article 24 de la loi n° 89-462 du 6 juillet 1989, je vous saisis
de la situation du ménage désigné ci-dessous, assigné aux fins de résiliation de son bail.

1. Ménage assigné
a) MADAME Christine LEFEBVRE, née le 14/05/1976
b) MONSIEUR Hugo LEFEBVRE, né le 02/09/1998

2. Logement
18 rue Jules Noriac, 2e étage - 87000 Limoges

3. Bailleur
Mme Line LEMAIRE, propriétaire

4. Procédure
Assignation du 29/09/2025 - Me Paul ROUX, commissaire de justice - audience du 27/11/2025
à 9 h 30 - Tribunal judiciaire de Limoges

5. Situation locative
Loyer mensuel charges comprises : 612,40 € - dette locative : 3.118,75 € (décompte au 15/09/2025)

Je vous remercie de me transmettre ce diagnostic au plus tard le 13/11/2025."""


def test_numbered_rubrics_give_persons_address_and_landlord(tmp_path):
    ex = extract(_pdf(tmp_path / "rubriques.pdf", RUBRIQUES))
    assert ex.type_document == "saisine_prefecture"
    assert [(p.civilite, p.prenom, p.nom, p.date_naissance) for p in ex.personnes] == [
        ("Mme", "Christine", "LEFEBVRE", date(1976, 5, 14)),
        ("M.", "Hugo", "LEFEBVRE", date(1998, 9, 2)),
    ]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("18 rue Jules Noriac", "87000", "Limoges")
    # "Line LEMAIRE, propriétaire": the landlord, not a third tenant ("LinE LEmaire" is no
    # "née le")
    assert ex.bailleur == "Line LEMAIRE"
    assert ex.statut_occupation == "locataire_prive"
    assert (ex.montant_dette, ex.loyer_mensuel) == (3118.75, 612.40)
    assert ex.date_audience == date(2025, 11, 27) and ex.heure_audience == "09:30"
    assert not {"personnes", "adresse", "bailleur", "date_audience"} & set(ex.champs_incertains)


AFFAIRE = """PRÉFET DE LA LOIRE
Direction de la citoyenneté - Bureau des expulsions locatives
Nos réf. : BEL/42/00871

Saint-Étienne, le 2 octobre 2025

Objet : prévention des expulsions locatives - demande d'évaluation sociale
Affaire : SCI LES MARRONNIERS c/ PERRET

Madame, Monsieur,

Mes services ont été destinataires le 29 septembre 2025 de l'assignation délivrée le 26
septembre 2025 par Maître Agnès FOURNIER, commissaire de justice, à l'encontre de M. PERRET
Didier, occupant du logement sis 7 rue Michelet, 42000 SAINT-ÉTIENNE.

Le bailleur, la société civile immobilière LES MARRONNIERS, sollicite la résiliation du bail
pour une dette locative de 4 020,00 euros arrêtée au 31 août 2025, le loyer courant charges
comprises étant de
535,00 euros par mois.

L'affaire sera appelée le mardi 25 novembre 2025 à 14 heures devant le juge des contentieux
de la protection du Tribunal judiciaire de Saint-Étienne.

Je vous saurais gré de procéder à l'évaluation sociale de ce ménage et de me la retourner
avant le 12 novembre 2025."""


def test_letter_sentences_give_landlord_rent_and_address(tmp_path):
    ex = extract(_pdf(tmp_path / "affaire.pdf", AFFAIRE))
    assert ex.type_document == "saisine_prefecture"
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [("M.", "PERRET", "Didier")]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("7 rue Michelet", "42000", "Saint-Étienne")
    assert ex.bailleur == "SCI LES MARRONNIERS"  # « Affaire : X c/ Y »: X sues
    assert ex.loyer_mensuel == 535.00  # the amount on the next line of the sentence
    assert ex.commissaire_justice == "Agnès FOURNIER"
    assert ex.date_limite == date(2025, 11, 12) and ex.date_audience == date(2025, 11, 25)
    assert not {"bailleur", "loyer_mensuel", "date_audience", "date_limite"} & set(
        ex.champs_incertains
    )


PARTIES = """Pôle civil de proximité
N° RG 25/04417
N° Portalis 352J-W-B7H-C4417

ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION

L'an deux mille vingt-cinq et le 17 septembre 2025,

DEMANDEUR
Monsieur
GARNIER Alain, demeurant 75012 Paris,
représenté par Maître Claire VIDAL, avocat au barreau de PARIS, vestiaire : #C0198,

DÉFENDEURS
Monsieur
DIALLO Moussa, né le 11/03/1980 à Dakar (Sénégal), demeurant 4e étage, 31 rue de Charonne,
75011 PARIS,
Madame
DIALLO née KANTE Aïssatou, née le 23/06/1985 à Bamako (Mali), demeurant 4e étage, 31 rue de
Charonne, 75011 PARIS,

Par acte de Maître Samuel KLEIN, commissaire de justice à Paris, soussigné,

À COMPARAÎTRE à l'audience publique du jeudi 20 novembre 2025 à 9 h 30 devant le juge des
contentieux de la protection du Tribunal judiciaire de Paris, Parvis du Tribunal de Paris,
75017 Paris.

Par acte sous seing privé, le demandeur a donné à bail aux défendeurs le logement désigné
ci-dessus, moyennant un loyer mensuel de 890,00 euros.

Au 31/08/2025, la dette locative s'élève à 5 340,00 euros, échéance du mois inclus.

PAR CES MOTIFS
- FIXER l'indemnité d'occupation à 979,00 euros par mois jusqu'à la libération des lieux."""


def test_party_blocks_one_entry_per_person(tmp_path):
    ex = extract(_pdf(tmp_path / "parties.pdf", PARTIES))
    assert ex.type_document == "assignation"
    # the second défendeur comes after the first one's own « demeurant … » line, and « née
    # KANTE » between her surname and her first name is no part of either
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "DIALLO", "Moussa", date(1980, 3, 11)),
        ("Mme", "DIALLO", "Aïssatou", date(1985, 6, 23)),
    ]
    assert ex.bailleur == "Alain GARNIER"  # "Monsieur / GARNIER Alain": first name first
    assert ex.loyer_mensuel == 890.00  # not the indemnité d'occupation
    assert ex.commissaire_justice == "Samuel KLEIN"
    assert not {"personnes", "commissaire_justice", "bailleur"} & set(ex.champs_incertains)


def _letter(date_lettre: str, audience: str, limite: str, tribunal: str, dette: str) -> str:
    return f"""PRÉFET DE LA CORRÈZE
Direction départementale de l'emploi, du travail et des solidarités
N/Réf. : DDETS19-PEX-0031

Tulle, le {date_lettre}

Objet : assignation aux fins de résiliation de bail - diagnostic social et financier

Madame, Monsieur,

M'a été notifiée l'assignation délivrée le 8 septembre 2025 par Maître Léa BRUN,
commissaire de justice, à la requête de CORRÈZE HABITAT, à l'encontre de Madame Sophie
MARTY, locataire du logement situé 9 avenue Victor Hugo, 19000 Tulle.

L'affaire sera examinée par le juge des contentieux de la protection du {tribunal} à
l'audience du {audience} à 10 heures. Selon l'acte, la dette locative s'élève à {dette}
arrêtée au 31 août 2025, pour un loyer mensuel charges comprises de 410,00 €.

Je vous serais obligé de me transmettre le diagnostic social et financier au plus tard le
{limite}."""


def test_consistent_letter_is_not_flagged(tmp_path):
    text = _letter(
        "15 septembre 2025",
        "13 novembre 2025",
        "30 octobre 2025",
        "Tribunal judiciaire de Tulle",
        "2 870,00 €",
    )
    ex = extract(_pdf(tmp_path / "ok.pdf", text))
    assert ex.bailleur == "CORRÈZE HABITAT" and ex.montant_dette == 2870.00
    assert not {
        "date_audience",
        "date_limite",
        "date_document",
        "juridiction",
        "code_postal",
        "montant_dette",
        "loyer_mensuel",
    } & set(ex.champs_incertains)


def test_dates_out_of_order_in_a_letter_are_flagged(tmp_path):
    # a hearing before the letter, a deadline after the hearing: one of them is misread
    text = _letter(
        "15 septembre 2025",
        "13 septembre 2025",
        "30 octobre 2025",
        "Tribunal judiciaire de Tulle",
        "2 870,00 €",
    )
    ex = extract(_pdf(tmp_path / "ordre.pdf", text))
    assert ex.date_audience == date(2025, 9, 13)
    assert {"date_audience", "date_document", "date_limite"} <= set(ex.champs_incertains)


def test_court_of_another_departement_is_flagged(tmp_path):
    # a dwelling in Tulle (19) heard in Limoges (87): the court or the postcode is misread
    text = _letter(
        "15 septembre 2025",
        "13 novembre 2025",
        "30 octobre 2025",
        "Tribunal judiciaire de Limoges",
        "2 870,00 €",
    )
    ex = extract(_pdf(tmp_path / "tribunal.pdf", text))
    assert ex.juridiction == "Tribunal judiciaire de Limoges"
    assert {"juridiction", "code_postal"} <= set(ex.champs_incertains)


def test_debt_equal_to_rent_or_of_decades_is_flagged(tmp_path):
    same = _letter(
        "15 septembre 2025",
        "13 novembre 2025",
        "30 octobre 2025",
        "Tribunal judiciaire de Tulle",
        "410,00 €",
    )
    ex = extract(_pdf(tmp_path / "egal.pdf", same))
    assert ex.montant_dette == 410.00
    assert {"montant_dette", "loyer_mensuel"} <= set(ex.champs_incertains)
    huge = _letter(
        "15 septembre 2025",
        "13 novembre 2025",
        "30 octobre 2025",
        "Tribunal judiciaire de Tulle",
        "48 500,00 €",
    )
    ex = extract(_pdf(tmp_path / "enorme.pdf", huge))
    assert ex.montant_dette == 48500.00  # plausible alone, not for a rent of 410 €
    assert "montant_dette" in ex.champs_incertains


def test_names_that_read_as_phrases_are_flagged():
    from asll.domain.model import Extraction, Personne
    from intake.checks import cross_check

    ex = Extraction(
        fichier="x.pdf",
        type_document="assignation",
        personnes=[Personne(nom="MARTIN", prenom="Jean", civilite="M.")],
        bailleur="demandeur ci-dessus désigné",
        commissaire_justice="Jean MARTIN",
    )
    doubtful = cross_check(ex, "")
    assert {"bailleur", "commissaire_justice", "personnes"} <= doubtful
    ok = Extraction(
        fichier="y.pdf",
        type_document="assignation",
        personnes=[Personne(nom="de LA FONTAINE", prenom="Jean", civilite="M.")],
        bailleur="Office Public de l'Habitat de la Corrèze",
        commissaire_justice="Léa BRUN",
    )
    assert not {"bailleur", "commissaire_justice", "personnes"} & cross_check(ok, "")


def test_amounts_in_words_alone_and_an_adjourned_hearing(tmp_path):
    text = _letter(
        "15 septembre 2025",
        "13 novembre 2025",
        "30 octobre 2025",
        "Tribunal judiciaire de Tulle",
        "deux mille huit cent soixante-dix euros et quarante centimes",
    ).replace(
        "L'affaire sera examinée par le juge des contentieux de la protection",
        "L'audience initialement fixée au 9 octobre 2025 a été renvoyée au 13 novembre 2025"
        " devant le juge des contentieux de la protection",
    )
    ex = extract(_pdf(tmp_path / "lettres.pdf", text))
    assert ex.montant_dette == 2870.40  # no figures at all: the words are the amount
    assert ex.date_dette == date(2025, 8, 31)
    assert ex.date_audience == date(2025, 11, 13)  # the new date, not the first one
    assert "montant_dette" not in ex.champs_incertains


def test_address_in_other_sentences_and_words_before_figures(tmp_path):
    text = _letter(
        "15 septembre 2025",
        "13 novembre 2025",
        "30 octobre 2025",
        "Tribunal judiciaire de Tulle",
        "DEUX MILLE HUIT CENT SOIXANTE-DIX EUROS ET QUARANTE CENTIMES\n(2 870,40 €)",
    ).replace(
        "locataire du logement situé 9 avenue Victor Hugo, 19000 Tulle",
        "pour le logement qu'elle occupe 9 bis avenue Victor Hugo, 19000 Tulle",
    )
    ex = extract(_pdf(tmp_path / "occupe.pdf", text))
    assert (ex.adresse, ex.code_postal, ex.commune) == (
        "9 bis avenue Victor Hugo",
        "19000",
        "Tulle",
    )
    # the words run on to their cents, then the figures in brackets: not « 2 870 »
    assert ex.montant_dette == 2870.40


def test_values_out_of_plausible_range_are_flagged():
    from asll.domain.model import Extraction, Personne
    from intake.checks import cross_check, plausible

    ex = Extraction(
        fichier="x.pdf",
        type_document="saisine_prefecture",
        # a first name read as a surname: the other tenant has a first name
        personnes=[
            Personne(nom="ROCHE", prenom="Kevin", civilite="M."),
            Personne(nom="Julie", prenom=None, civilite="Mme"),
        ],
        loyer_mensuel=88.20,  # "quatre cent. / quatre-vingt-huit euros" cut by OCR
        montant_dette=3412.50,
        date_dette=date(2000, 9, 1),  # "deux mille [vingt-cinq]" cut by OCR
        date_document=date(2025, 9, 22),
        date_audience=date(2025, 11, 21),
        date_limite=date(2025, 10, 31),
        reference="DDETS18- -PEX-0456",
    )
    assert {"personnes", "loyer_mensuel", "date_dette", "reference"} <= cross_check(ex, "")
    # a reference is numbered: a word after "Dossier :" is not taken for one
    assert not plausible("reference", "suivi") and plausible("reference", "PEX-86-00412")
    ok = Extraction(
        fichier="y.pdf",
        type_document="saisine_prefecture",
        personnes=[
            Personne(nom="ROCHE", prenom="Kevin", civilite="M."),
            Personne(nom="ROCHE", prenom="Julie", civilite="Mme"),
        ],
        loyer_mensuel=488.20,
        montant_dette=3412.50,
        date_dette=date(2025, 9, 1),
        date_document=date(2025, 9, 22),
        date_audience=date(2025, 11, 21),
        date_limite=date(2025, 10, 31),
        reference="DDETS18-PEX-0456",
    )
    assert not {"personnes", "loyer_mensuel", "date_dette", "reference"} & cross_check(ok, "")


CHARENTE = Path(__file__).parent / "fixtures" / "textes" / "saisine DDETSPP 16 PEREIRA.txt"


def test_a_couple_surname_first_in_small_letters_and_a_debt_at_a_months_end(tmp_path):
    """« Monsieur et Madame Pereira Antonio et Lucia »: the words joined by « et » are the
    first names, the surname comes before them; « arrêtée à fin septembre 2026 » is the
    month's last day, read and flagged (the day is inferred)."""
    ex = extract(_pdf(tmp_path / "lettre.pdf", CHARENTE.read_text(encoding="utf-8")))
    assert [(p.civilite, p.nom, p.prenom) for p in ex.personnes] == [
        ("M.", "Pereira", "Antonio"),
        ("Mme", "Pereira", "Lucia"),
    ]
    assert "personnes" not in ex.champs_incertains
    assert (ex.montant_dette, ex.date_dette) == (2845.12, date(2026, 9, 30))
    assert "date_dette" in ex.champs_incertains
    assert (ex.reference, ex.date_document) == ("DDETSPP16/PCS/2026-0871", date(2026, 11, 4))


def test_an_email_printed_to_pdf(tmp_path):
    """A DDETS request sent as an e-mail and printed: its date is the sending date (not a
    sentence's « L'audience aura lieu le … »), the landlord and the dwelling follow
    « locataire de X, » after a comma across a line end, the reference is asked back in a
    sentence (« en rappelant la référence CCAPEX … »)."""
    mail = Path(__file__).parent / "fixtures" / "textes" / "courriel DDETS 37 MOREAU.txt"
    ex = extract(_pdf(tmp_path / "courriel.pdf", mail.read_text(encoding="utf-8")))
    assert ex.type_document == "saisine_prefecture"
    assert (ex.date_document, ex.date_audience) == (date(2026, 11, 5), date(2027, 1, 8))
    assert (ex.bailleur, ex.adresse, ex.code_postal, ex.commune) == (
        "Val Touraine Habitat",
        "5 rue Jules Ferry",
        "37300",
        "Joué-lès-Tours",
    )
    assert ex.reference == "37-2026-1187"
    assert (ex.montant_dette, ex.date_dette, ex.date_limite) == (
        1956.3,
        date(2026, 9, 30),
        date(2026, 12, 18),
    )
    assert ex.champs_incertains == []


def test_an_email_printed_from_a_webmail(tmp_path):
    """A webmail's print: no « Envoyé : », the date beside the sender's address; the
    subject line names the hearing, the sent time is not its hour."""
    mail = Path(__file__).parent / "fixtures" / "textes" / "courriel webmail DDETS 37 MOREAU.txt"
    text = mail.read_text(encoding="utf-8").replace("<", "&lt;").replace(">", "&gt;")
    ex = extract(_pdf(tmp_path / "courriel.pdf", text))
    assert ex.date_document == date(2026, 11, 5)
    assert (ex.date_audience, ex.heure_audience) == (date(2027, 1, 8), "10:30")
    assert ex.champs_incertains == []


def test_a_landlord_in_capitals_cut_by_a_line_end_is_read_whole(tmp_path):
    """« …, délivré le 1er septembre 2025, NOVALIS / LOGEMENT a fait assigner … »: the name
    began on the line above, after a comma; « LOGEMENT » alone was read, unflagged."""
    text = """PRÉFET DES DEUX-SÈVRES
Niort, le 12 septembre 2025
Objet : procédure d'expulsion locative - demande de diagnostic social et financier

Par acte de Maître Thierry BONNEAU, commissaire de justice, délivré le 1er septembre 2025, NOVALIS
LOGEMENT a fait assigner Monsieur Cédric BOYER devant le juge des contentieux de la protection
du Tribunal de proximité de Bressuire. L'audience est fixée au 4 novembre 2025 à 9 heures."""
    ex = extract(_pdf(tmp_path / "lettre.pdf", text))
    assert ex.bailleur == "NOVALIS LOGEMENT" and "bailleur" not in ex.champs_incertains
