"""Acts and letters of the Île-de-France courts of appeal's ressorts (corpus/sources/70 to
72): an avocat's assignation whose parties are blocks of short lines (name, « née le 11
Février 1970 à … », « de nationalité Française », the address on two lines, the role alone
on its line), the landlord's legal form in dotted initials or spelt out on the next line, the
avocat's own file number, the court's seat in capitals without hyphens or the judge named by
his town; a State letter with the act's copy and a local commission's number and date; a
letter listing the défendeurs one per dashed line with their married names. Each document is
a real text PDF built here, in départements the generator's families do not use (Essonne,
Val-d'Oise, Seine-et-Marne); households and numbers are invented."""

from __future__ import annotations

from datetime import date

from intake.checks import cross_check
from intake.extract import extract, extract_document
from intake.readers import read_document
from tests.form_documents import lines_pdf


def _acte_essonne(bailleur: list[str], comparaitre: list[str]) -> list[str]:
    return [
        "SELARL BRUNEAU – KESSLER",
        "Avocats au barreau de l'Essonne",
        "N/Réf. : 58214",
        "ASSIGNATION DEVANT LE JUGE DES CONTENTIEUX DE LA PROTECTION",
        "LE TROIS NOVEMBRE DEUX MILLE VINGT CINQ,",
        "À LA REQUÊTE DE :",
        *bailleur,
        "Représentant : Maître Claire KESSLER, avocat au barreau de l'ESSONNE, toque : 41 - N° du",
        "dossier 58214",
        "DEMANDERESSE",
        "J'ai, Maître Yves MORIN, commissaire de justice associé, soussigné,",
        "DONNÉ ASSIGNATION À :",
        "Madame Leïla HADDAD épouse BENSALEM",
        "née le 4 Mars 1981 à Corbeil-Essonnes (91)",
        "de nationalité Française",
        "12 allée des Peupliers",
        "91080 ÉVRY-COURCOURONNES",
        "DÉFENDERESSE",
        "D'AVOIR À COMPARAÎTRE",
        *comparaitre,
        "EXPOSÉ DU LITIGE",
        "Par contrat du 2 Février 2021, la requérante a donné à bail à la défenderesse un appartement",
        "situé 12 allée des Peupliers, 91080 Évry-Courcouronnes, moyennant un loyer mensuel de",
        "548,30 € et 96,00 € de provision sur charges.",
        "Selon le décompte arrêté au 20 Octobre 2025, la dette locative s'élève à 3.877,15 €.",
        "La présente assignation sera notifiée au Préfet de l'Essonne par voie électronique au",
        "moins six semaines avant l'audience, en vue de la réalisation d'un diagnostic social et",
        "financier.",
        "PAR CES MOTIFS",
        "CONSTATER l'acquisition de la clause résolutoire ; ORDONNER l'expulsion.",
        "Coût de l'acte : 81,20 €",
    ]


SCI_BLOC = [
    "SCI LES ACACIAS",
    "société civile immobilière",
    "Ayant son siège",
    "8 rue de la Gare",
    "91100 CORBEIL-ESSONNES",
    "prise en la personne de son gérant",
]
JUVISY = [
    "devant le Juge des contentieux de la protection du Tribunal de proximité de JUVISY SUR ORGE,",
    "1 place du Maréchal Leclerc, 91260 Juvisy-sur-Orge, à l'audience du 13 Janvier 2026 à",
    "9 heures 30.",
]


def test_act_that_announces_its_notification_to_the_prefet_stays_an_act(tmp_path):
    """The act speaks of the préfet and the DSF in its first lines: without a letter's
    object, salutation or signature it is an act; the avocat's « N/Réf. » is no reference."""
    ex = extract(lines_pdf(tmp_path / "acte.pdf", _acte_essonne(SCI_BLOC, JUVISY)))
    assert ex.type_document == "assignation"
    assert ex.reference is None
    assert ex.date_document == date(2025, 11, 3)


def test_landlord_legal_form_spelt_out_on_the_next_line_of_its_block(tmp_path):
    ex = extract(lines_pdf(tmp_path / "acte.pdf", _acte_essonne(SCI_BLOC, JUVISY)))
    assert ex.bailleur == "SCI LES ACACIAS"
    assert ex.statut_occupation == "locataire_prive"
    assert "bailleur" not in ex.champs_incertains


def test_landlord_in_dotted_initials_succeeding_another_company(tmp_path):
    """« S.A. 1001 … VENANT AUX DROITS DE … »: a name opening on a figure; its kind on the
    next line gives the occupation status."""
    bloc = [
        "S.A. 3F RÉSIDENCES VENANT AUX DROITS DE LOGEMENT FRANCILIEN",
        "société anonyme d'habitations à loyer modéré",
        "Ayant son siège",
        "159 rue Nationale",
        "75013 PARIS",
        "prise en la personne de ses représentants légaux",
    ]
    ex = extract(lines_pdf(tmp_path / "acte.pdf", _acte_essonne(bloc, JUVISY)))
    assert ex.bailleur == "3F RÉSIDENCES"
    assert ex.statut_occupation == "locataire_public"


def test_court_seat_in_capitals_without_hyphens_is_read_whole(tmp_path):
    ex = extract(lines_pdf(tmp_path / "acte.pdf", _acte_essonne(SCI_BLOC, JUVISY)))
    assert ex.juridiction == "Tribunal de proximité de Juvisy-sur-Orge"
    assert ex.personnes[0].nom == "HADDAD"
    assert ex.personnes[0].date_naissance == date(1981, 3, 4)


def test_judge_named_by_the_town_of_his_court(tmp_path):
    comparaitre = [
        "devant le Juge des contentieux de la protection de PALAISEAU, 5 rue de la Poste,",
        "91120 Palaiseau, à l'audience du 13 Janvier 2026 à 9 heures 30.",
    ]
    ex = extract(lines_pdf(tmp_path / "acte.pdf", _acte_essonne(SCI_BLOC, comparaitre)))
    assert ex.juridiction == "Tribunal de proximité de Palaiseau"


def test_text_without_a_letters_marks_read_as_a_letter_is_flagged(tmp_path):
    """Whatever wins the classification, a « letter » with no object, salutation, closing
    formula or signature by delegation is flagged for a person to check its kind."""
    path = lines_pdf(tmp_path / "acte.pdf", _acte_essonne(SCI_BLOC, JUVISY))
    ex = extract_document(read_document(path), path.name, forced_type="saisine_prefecture")
    assert "type_document" in ex.champs_incertains


def test_checks_flag_a_landlord_read_past_its_name_or_with_its_dotted_form():
    from asll.domain.model import Extraction

    for value in ("SCI LES ACACIAS société civile immobilière", "E.P.I.C. OPIEVOY HABITAT"):
        ex = Extraction(fichier="x.pdf", type_document="assignation", bailleur=value)
        assert "bailleur" in cross_check(ex, "")
    for value in ("SCI Les Acacias", "OPH de Meaux", "Jean DUPONT", "ESSONNE HABITAT"):
        ex = Extraction(fichier="x.pdf", type_document="assignation", bailleur=value)
        assert "bailleur" not in cross_check(ex, "")


def test_checks_flag_a_lawyers_file_number_read_as_the_reference():
    from asll.domain.model import Extraction

    text = "Représentant : Maître Claire KESSLER, avocat au barreau, N° du dossier 58214\n"
    ex = Extraction(fichier="x.pdf", type_document="saisine_prefecture", reference="58214")
    assert "reference" in cross_check(ex, text)
    ex = Extraction(fichier="x.pdf", type_document="saisine_prefecture", reference="DDETS91/0412")
    assert "reference" not in cross_check(ex, text + "Nos réf. : DDETS91/0412\n")


LETTRE_95 = [
    "PRÉFET",
    "DU VAL-D'OISE",
    "Direction départementale de l'emploi, du travail et des solidarités",
    "Nos réf. : DDETS95/PEX/2025/01187",
    "CCAPEX n° 44/2025",
    "Conseil départemental du Val-d'Oise",
    "Objet : procédure d'expulsion locative – demande de diagnostic social et financier",
    "Madame, Monsieur,",
    "Par acte de commissaire de justice du 06/10/2025, notifié à mes services le 07/10/2025, la",
    "SA d'HLM VAL D'OISE HABITAT a assigné devant le juge des contentieux de la protection du",
    "Tribunal de proximité de Gonesse :",
    "– Madame Samira OUALI épouse KONATÉ, née le 12/05/1979",
    "– Monsieur Moussa KONATÉ, né le 30/01/1975",
    "Le logement en cause est situé 7 rue Jean Moulin – 95500 GONESSE. La dette locative",
    "s'élevait à 2 904,10 € au 30/09/2025. Mme OUALI a sollicité l'aide juridictionnelle.",
    "L'affaire sera examinée par le juge des contentieux de la protection de Gonesse le 8 décembre 2025.",
    "Je vous remercie de me transmettre le diagnostic au plus tard le 24/11/2025.",
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
    "Fait à Cergy, le 14 octobre 2025",
    "Pour le préfet et par délégation,",
]


def test_letter_listing_the_defendeurs_one_per_dashed_line(tmp_path):
    ex = extract(lines_pdf(tmp_path / "lettre.pdf", LETTRE_95))
    assert ex.type_document == "saisine_prefecture"
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("Mme", "OUALI", "Samira", date(1979, 5, 12)),
        ("M.", "KONATÉ", "Moussa", date(1975, 1, 30)),
    ]
    assert (ex.adresse, ex.code_postal, ex.commune) == ("7 rue Jean Moulin", "95500", "Gonesse")


def test_letter_reference_and_date_beside_another_files_number_and_a_sentence_date(tmp_path):
    """« CCAPEX n° 44/2025 » under the reference is another file's number; « … de Gonesse le
    8 décembre 2025. » is a sentence, not the letter's place and date."""
    ex = extract(lines_pdf(tmp_path / "lettre.pdf", LETTRE_95))
    assert ex.reference == "DDETS95/PEX/2025/01187"
    assert ex.date_document == date(2025, 10, 14)
    assert ex.date_limite == date(2025, 11, 24)


def test_dashed_list_after_a_line_whose_colon_was_lost(tmp_path):
    """As a scan hands it over: the colon after the court gone, a blank line, long dashes."""
    lines = [
        line.replace("Tribunal de proximité de Gonesse :", "Tribunal de proximité de Gonesse")
        for line in LETTRE_95
    ]
    at = lines.index("– Madame Samira OUALI épouse KONATÉ, née le 12/05/1979")
    lines[at : at + 2] = [
        "",
        "— Madame Samira OUALI épouse KONATÉ, née le 12/05/1979",
        "— Monsieur Moussa KONATÉ, né le 30/01/1975",
    ]
    ex = extract(lines_pdf(tmp_path / "lettre.pdf", lines))
    assert [p.nom for p in ex.personnes] == ["OUALI", "KONATÉ"]


def _acte_loyer(loyer: str) -> list[str]:
    lines = _acte_essonne(SCI_BLOC, JUVISY)
    at = next(i for i, x in enumerate(lines) if x.startswith("Par contrat du"))
    lines[at : at + 3] = [
        "Par contrat du 2 Février 2021, la requérante a donné à bail à la défenderesse un",
        "appartement situé 12 allée des Peupliers, 91080 Évry-Courcouronnes.",
        loyer,
    ]
    return lines


def test_rent_and_charges_apart_with_a_dash_are_added(tmp_path):
    path = lines_pdf(
        tmp_path / "a.pdf",
        _acte_loyer("Loyer principal : 548,30 € – provision pour charges : 96,00 €."),
    )
    ex = extract(path)
    assert ex.loyer_mensuel == 644.30


def test_rent_read_without_the_charges_stated_beside_it_is_flagged(tmp_path):
    """« … s'élève à 548,30 €, auxquels s'ajoutent 96,00 € de provisions sur charges »: if
    the rent is read alone, it is flagged; a total or a sum printed is not."""
    for loyer in (
        "Le loyer mensuel s'élève à 548,30 €, auxquels s'ajoutent 96,00 € de provisions sur charges.",
        "Le loyer est de 548,30 €. Les charges s'élèvent à 96,00 € par mois.",
    ):
        ex = extract(lines_pdf(tmp_path / "a.pdf", _acte_loyer(loyer)))
        assert ex.loyer_mensuel == 644.30 or "loyer_mensuel" in ex.champs_incertains, loyer
    for loyer in (
        "moyennant un loyer mensuel de 548,30 € et une provision sur charges de 96,00 €.",
        "Le montant du loyer et des charges s'élève à 644,30 € par mois.",
        "moyennant un loyer de 644,30 € charges comprises (dont 96,00 € de charges).",
    ):
        ex = extract(lines_pdf(tmp_path / "a.pdf", _acte_loyer(loyer)))
        assert ex.loyer_mensuel == 644.30 and "loyer_mensuel" not in ex.champs_incertains, loyer


def test_reference_stops_before_the_next_numbers_label(tmp_path):
    """« N° EXPLOC : 77-2025-00412 – N° CCAPEX : 2025-118 »: the « N » of the second label
    is not the end of the first number (and a number read so is flagged)."""
    from asll.domain.model import Extraction

    lines = [
        "N° EXPLOC : 91-2025-00412 – N° CCAPEX : 2025-118" if x.startswith("Nos réf.") else x
        for x in LETTRE_95
    ]
    lines = [x for x in lines if not x.startswith("CCAPEX n°")]
    ex = extract(lines_pdf(tmp_path / "lettre.pdf", lines))
    assert ex.reference == "91-2025-00412"
    cut = Extraction(
        fichier="x.pdf", type_document="saisine_prefecture", reference="91-2025-00412-N"
    )
    assert "reference" in cross_check(cut, "")


def _acte_personnes(personnes: list[str], bailleur: list[str] = SCI_BLOC) -> list[str]:
    lines = _acte_essonne(bailleur, JUVISY)
    at = lines.index("DONNÉ ASSIGNATION À :") + 1
    end = lines.index("DÉFENDERESSE")
    lines[at : end + 1] = personnes
    return lines


def test_couple_born_respectively_on_two_dates(tmp_path):
    """« M. et Mme Karim et Nadia SAÏDI, nés respectivement le … à … et le … à … »: each
    birth date to its person (they were left empty, unflagged)."""
    personnes = [
        "Monsieur et Madame Karim et Nadia SAÏDI, nés respectivement le 03/05/1980 à Melun",
        "et le 04/06/1982 à Meaux, demeurant ensemble 12 allée des Peupliers, 91080",
        "ÉVRY-COURCOURONNES,",
    ]
    ex = extract(lines_pdf(tmp_path / "a.pdf", _acte_personnes(personnes)))
    assert [(p.civilite, p.nom, p.prenom, p.date_naissance) for p in ex.personnes] == [
        ("M.", "SAÏDI", "Karim", date(1980, 5, 3)),
        ("Mme", "SAÏDI", "Nadia", date(1982, 6, 4)),
    ]


def test_checks_flag_persons_without_the_birth_dates_the_text_prints():
    from asll.domain.model import Extraction, Personne

    ex = Extraction(
        fichier="x.pdf",
        type_document="assignation",
        personnes=[Personne(nom="SAÏDI", prenom="Karim", civilite="M.")],
    )
    assert "personnes" in cross_check(ex, "Monsieur Karim SAÏDI, né le 3 mai 1980 à Melun")
    assert "personnes" not in cross_check(ex, "Monsieur Karim SAÏDI, demeurant à Melun")


def test_landlord_couple_with_two_first_names_is_the_first_named(tmp_path):
    bloc = ["Monsieur et Madame Paul et Anne ROUX, demeurant 2 rue Haute, 77000 Melun,"]
    ex = extract(lines_pdf(tmp_path / "a.pdf", _acte_essonne(bloc, JUVISY)))
    assert ex.bailleur == "Paul ROUX"
    from asll.domain.model import Extraction

    two = Extraction(fichier="x.pdf", type_document="assignation", bailleur="Paul et Anne ROUX")
    assert "bailleur" in cross_check(two, "")


def test_copy_begins_with_its_page_and_its_heading_lines(tmp_path):
    """The covering letter, then on a new page the act's copy, its law office's heading
    (« N/Réf. : 58214 ») above its title: that number is the act's, not a second reference
    of the letter (which was then flagged for two readings)."""
    from tests.form_documents import blocks_pdf

    lettre = [x for x in LETTRE_95 if not x.startswith("CCAPEX n°")]
    blocks = [("l", x) for x in lettre] + [("br", None)]
    blocks += [("l", x) for x in _acte_essonne(SCI_BLOC, JUVISY)]
    ex = extract(blocks_pdf(tmp_path / "lettre et copie.pdf", blocks))
    assert ex.type_document == "saisine_prefecture"
    assert ex.reference == "DDETS95/PEX/2025/01187"
    assert "reference" not in ex.champs_incertains
    assert ex.date_document == date(2025, 10, 14)
