"""Referral forms laid out like the public sources 46 to 48 (corpus/sources/README.md): a CCAS
evaluation report printed by its software (cells, a family table, a resources and charges
table whose empty cells matter), a Finistère social-service request (boxes after their
labels, the agents of the letterhead) and an Hérault ASLL request (the département's five
measures). Each test builds the document a service would send, with other names, places and
wordings than the corpus generator, and reads it through the whole extractor."""

from __future__ import annotations

from datetime import date

from intake.extract import extract
from tests.form_documents import blocks_pdf as _blocks_pdf
from tests.form_documents import docx as _docx
from tests.form_documents import lines_pdf as _pdf
from tests.form_documents import people as _people


def _ccas_report(tmp_path, motif: str, conjoint_role: str = "Concubin(e)"):
    return _blocks_pdf(
        tmp_path / "rapport.pdf",
        [
            ("b", "CCAS DE LA CIOTAT – Pôle solidarité"),
            ("t", "RAPPORT D'EVALUATION SOCIALE"),
            ("r", "Date : 06/10/2025"),
            (
                "tab",
                [
                    ["Renseignements Administratifs", ""],
                    ["Nom & Prénom du demandeur : FONTAINE Mathieu", ""],
                    ["Né le : 03/02/1979", "A Toulon"],
                    [
                        "Adresse : 14 traverse des Calanques 13600 La Ciotat",
                        "Téléphone : 04 42 08 11 52",
                    ],
                    ["Situation Matrimoniale : Concubinage", "Nb d'enfants : 1"],
                ],
            ),
            ("tab", [["Motif de la demande"], [motif]]),
            (
                "tab",
                [
                    ["Composition de la famille", "", "", ""],
                    ["Nom & Prenom", "Parenté avec le demandeur", "Date de naissance", "Ecoles"],
                    ["M. FONTAINE Mathieu", "Demandeur", "03/02/1979", ""],
                    ["Mme ROUX Julie", conjoint_role, "21/08/1984", ""],
                    ["FONTAINE Léo", "Fils", "12/05/2016", "École du Centre"],
                ],
            ),
            ("b", "RESSOURCES ET CHARGES MENSUELLES"),
            ("l", "Mois de : octobre 2025"),
            (
                "tab",
                [
                    ["Nature des ressources", "MONTANTS", "Nature des charges", "MONTANTS"],
                    ["Salaire du demandeur", "", "Loyer (taux plein)", "688.40"],
                    ["Salaire du conjoint", "1102.35", "Gaz", ""],
                    ["IJSS", "", "Electricité", "91.20"],
                    ["RSA socle", "", "Mutuelle", "38.00"],
                    ["Chomage", "812.60", "Autres", ""],
                    ["TOTAL RESSOURCES (A)", "1914.95", "TOTAL CHARGES MENSUELLES (A)", "817.60"],
                ],
            ),
            ("sp", 200),  # the rest of the table on the next page, as the software prints it
            (
                "tab",
                [
                    ["Prestations familiales", "142.10", "Total dettes", "1250.00"],
                    ["AL ou APL", "", "TOTAL CHARGES (A) + (B)", "817.60"],
                    ["RESTE A VIVRE", "1239.45", "", ""],
                ],
            ),
            (
                "l",
                "Rapport établi par Sonia BRUNEL, conseillère en économie sociale et familiale, "
                "CCAS de La Ciotat.",
            ),
        ],
    )


_MOTIF = (
    "Demande de mesure ASELL pour le maintien dans le logement. M. FONTAINE est "
    "locataire de Provence Logis (parc social). Une dette de loyer de 1 250,00 € est "
    "constatée au 30/09/2025."
)


def test_ccas_report_resources_table_keeps_its_empty_cells(tmp_path):
    """The text line « Salaire du demandeur Loyer (taux plein) 688.40 » gives the rent's amount
    to the salary; the table keeps the empty cell: only the incomes filled are resources, the
    charges beside them are not, nor the totals, the « Total dettes » or the « Reste à vivre »,
    and the table goes on after the page break."""
    ex = extract(_ccas_report(tmp_path, _MOTIF))
    assert ex.type_document == "fiche_prescription"
    assert sorted((r.type, r.montant) for r in ex.ressources) == [
        ("chomage", 812.6),
        ("prestations_familiales", 142.1),
        ("salaire", 1102.35),
    ]
    assert ex.loyer_mensuel == 688.4  # « Loyer (taux plein) », in the charges column


def test_ccas_report_people_from_the_family_table(tmp_path):
    """« Nom & Prenom » and « Parenté avec le demandeur » make a household table; the civility
    printed with the name beats a role word that says nothing of it (« Concubin(e) »), and the
    child is counted, not taken for an adult."""
    ex = extract(_ccas_report(tmp_path, _MOTIF))
    assert _people(ex) == [
        ("M.", "FONTAINE", "Mathieu", date(1979, 2, 3)),
        ("Mme", "ROUX", "Julie", date(1984, 8, 21)),
    ]
    assert ex.composition == "couple" and ex.nb_enfants == 1


def test_ccas_report_signer_debt_status_and_measure_told_in_sentences(tmp_path):
    """« Rapport établi par X, CESF, CCAS de Y » names the prescriber and the service; the
    debt, the status and the measure are told in the « Motif de la demande » box, the town of
    the address on the cell's next line."""
    motif = (
        "Demande de mesure ASELL pour le maintien dans le logement. M. FONTAINE est "
        "locataire de Provence Logis (parc social). Une dette de loyer de 1\n250,00 € est "
        "constatée au 30/09/2025."
    )
    ex = extract(_ccas_report(tmp_path, motif))
    assert ex.prescripteur == "Sonia BRUNEL"
    assert ex.organisme_prescripteur == "CCAS de La Ciotat"
    assert (ex.montant_dette, ex.date_dette) == (1250.0, date(2025, 9, 30))
    assert ex.statut_occupation == "locataire_public"
    assert ex.type_mesure == "maintien"
    assert (ex.adresse, ex.code_postal, ex.commune) == (
        "14 traverse des Calanques",
        "13600",
        "La Ciotat",
    )


def _finistere(
    tmp_path,
    civ_line: str,
    situation: str,
    second: list[str] | None = None,
    service: str = "Service social : Mme QUÉRÉ – M. LE BIHAN",
):
    lines = [
        "Département du Finistère – Direction de l'action sociale",
        service,
        "02 98 76 20 11 – 02 98 76 20 12",
        "Demande d'aide financière et d'accompagnement",
        "Dossier transmis par : CDAS de Concarneau – 4 rue Dumont d'Urville – Concarneau",
        "Date de la demande : 21/10/2025",
        "DEMANDEUR",
        civ_line,
        "NOM : LE ROUX",
        "Prénom : Camille",
        "Date et lieu de naissance : 09/04/1990 à Lorient",
        "Adresse : 5 rue de Kerfeunteun – 29900 CONCARNEAU",
    ]
    lines += second or ["CONJOINT : néant"]
    lines += [
        f"Situation familiale : {situation}",
        "Nombre de personnes vivant au foyer : 2",
        "Nombre d'enfants à charge : 1 – Mineur : 1 - Majeur : 0",
        "1- Logement",
        "[ ] Locataire du parc public [ ] Locataire du parc privé [X] Hébergé(e) chez un tiers",
        "2- Pour quel(s) motif(s) sollicitez-vous une aide ?",
        "[X] Difficultés financières",
        "- Factures impayées (loyer, EDF, Impôts locaux, fonciers, etc.)",
        "3- Accompagnement social lié au logement demandé",
        "[X] ASLL accès [ ] ASLL maintien [ ] Renouvellement [ ] Diagnostic",
        "Fait à Concarneau, le 21/10/2025",
        "L'instructeur : Gwenaëlle MORVAN, assistante sociale",
    ]
    return _pdf(tmp_path / "finistere.pdf", lines)


def test_boxes_after_their_labels(tmp_path):
    """« Madame [X]   Monsieur [ ] » ticks Madame (not the Monsieur after the ticked box);
    « Célibataire [X]  Divorcé(e) [ ] » says a person alone, not divorced."""
    ex = extract(
        _finistere(
            tmp_path, "Madame [X]   Monsieur [ ]", "Célibataire [X]  Divorcé(e) [ ]  Marié(e) [ ]"
        )
    )
    assert _people(ex) == [("Mme", "LE ROUX", "Camille", date(1990, 4, 9))]
    assert ex.composition == "femme_seule"
    assert ex.type_mesure == "acces"
    assert ex.statut_occupation == "heberge"


def test_boxes_after_labels_for_a_couple(tmp_path):
    """Each person's civility line is read for that person; « Marié(e) [X] » is a couple."""
    ex = extract(
        _finistere(
            tmp_path,
            "Madame [ ]   Monsieur [X]",
            "Célibataire [ ]  Marié(e) [X]  Union libre [ ]",
            [
                "CONJOINT",
                "Madame [X]   Monsieur [ ]",
                "NOM : LE ROUX",
                "Prénom : Nolwenn",
                "Date et lieu de naissance : 17/11/1992 à Quimper",
            ],
        )
    )
    assert [(p.civilite, p.prenom) for p in ex.personnes] == [("M.", "Camille"), ("Mme", "Nolwenn")]
    assert ex.composition == "couple"


def test_letterhead_agents_are_not_the_service_and_no_rent_from_a_list_number(tmp_path):
    """« Service social : Mme QUÉRÉ – M. LE BIHAN » names people: the service is the one the
    file is « transmis par », without its address; « (loyer, EDF, …) » followed by « 3- … » on
    the next line gives no rent of 3 €."""
    ex = extract(_finistere(tmp_path, "Madame [X]   Monsieur [ ]", "Célibataire [X]"))
    assert ex.organisme_prescripteur == "CDAS de Concarneau"
    assert ex.prescripteur == "Gwenaëlle MORVAN"
    assert ex.loyer_mensuel is None


def _herault(tmp_path, nature: str, mesures: list[str], logement: list[str]):
    blocks = [
        ("p", "DÉPARTEMENT DE L'HÉRAULT – FONDS DE SOLIDARITÉ LOGEMENT"),
        ("p", "Demande de mesure d'accompagnement social lié au logement (ASLL)"),
        ("p", f"Nature de la demande : {nature}"),
        ("p", "Mesure sollicitée"),
        *[("p", m) for m in mesures],
        ("p", "Travailleur social demandeur"),
        (
            "tab",
            [
                ["Travailleur social", "ESTÈVE Marion"],
                ["Service", "Agence départementale de la solidarité de Lunel"],
                ["Date de l'évaluation", "14/10/2025"],
            ],
        ),
        ("p", "Personnes composant le foyer"),
        (
            "tab",
            [
                ["Qualité", "Civilité", "NOM", "Prénom", "Né(e) le"],
                ["Demandeur", "M.", "BOUAZIZ", "Karim", "30/06/1975"],
            ],
        ),
        ("p", "Logement"),
        ("p", "Adresse du logement : 9 rue des Écoles, 34400 Lunel"),
        *[("p", x) for x in logement],
    ]
    return _docx(tmp_path / "herault.docx", blocks)


_FIVE = [
    "☐ Accéder à un logement autonome et adapté dans le parc privé",
    "☐ Faciliter l'installation du locataire (appropriation du logement)",
    "☐ Maintien dans le logement (résorption des impayés de loyer ou de charges)",
    "☐ Viabilité du projet immobilier (accédant à la propriété, propriétaire occupant)",
    "☐ Prévenir les expulsions locatives",
]


def _tick(i: int) -> list[str]:
    return [x.replace("☐", "☒", 1) if k == i else x for k, x in enumerate(_FIVE)]


def test_five_measures_and_an_unticked_renewal(tmp_path):
    """« ☒ Première demande ☐ Renouvellement »: the unticked renewal is not the request;
    « Accéder à un logement » is an access, « Prévenir les expulsions » a maintien."""
    first = "☒ Première demande   ☐ Renouvellement   ☐ Diagnostic préalable"
    rent = [
        "Statut d'occupation : ☒ Locataire HLM ☐ Accédant à la propriété",
        "Bailleur : FDI Habitat",
    ]
    assert extract(_herault(tmp_path, first, _tick(0), rent)).type_mesure == "acces"
    assert extract(_herault(tmp_path, first, _tick(1), rent)).type_mesure == "acces"
    assert extract(_herault(tmp_path, first, _tick(4), rent)).type_mesure == "maintien"
    renew = "☐ Première demande   ☒ Renouvellement   ☐ Diagnostic préalable"
    assert extract(_herault(tmp_path, renew, _tick(2), rent)).type_mesure == "renouvellement"


def test_home_buyer_has_a_lender_not_a_landlord(tmp_path):
    """An « Accédant à la propriété » behind on his loan: an owner, no landlord, no rent."""
    ex = extract(
        _herault(
            tmp_path,
            "☒ Première demande   ☐ Renouvellement   ☐ Diagnostic préalable",
            _tick(3),
            [
                "Statut d'occupation : ☐ Locataire HLM ☒ Accédant à la propriété",
                "Organisme prêteur : Banque Populaire du Sud",
                "Mensualité du prêt : 640,00 €   Impayés de prêt : 1 920,00 €",
            ],
        )
    )
    assert ex.type_mesure == "maintien"
    assert ex.statut_occupation == "proprietaire"
    assert ex.bailleur is None and ex.loyer_mensuel is None
    assert _people(ex) == [("M.", "BOUAZIZ", "Karim", date(1975, 6, 30))]


def test_a_landlord_named_with_a_number_keeps_it(tmp_path):
    """« locataire de la SCI LES PINS 3 depuis 2019 »: the number is the landlord's, the year
    is not."""
    ex = extract(
        _ccas_report(
            tmp_path,
            "Demande de mesure ASELL pour le maintien dans le logement. M. FONTAINE est "
            "locataire de la SCI LES PINS 3 depuis 2019 (parc privé).",
        )
    )
    assert ex.bailleur == "SCI LES PINS 3"
    assert ex.statut_occupation == "locataire_prive"


def test_ccas_report_blank_cells_and_wrapped_header_raise_no_flag(tmp_path):
    """A household with no debt: « Total dettes » beside an empty cell says there is none (not
    a field the reader missed); the table's header wrapped over two text lines is not a line
    of values typed over captions; the template's « Né le » guesses no civility against the
    family table's « Mme »."""
    path = _ccas_report(
        tmp_path,
        "Demande de mesure ASELL pour l'accès à un logement autonome. M. FONTAINE est "
        "hébergé(e) chez un tiers, sans bail.",
    )
    ex = extract(path)
    assert ex.montant_dette is None or ex.montant_dette == 1250.0
    assert ex.statut_occupation == "heberge"
    assert ex.type_mesure == "acces"
    assert not {"personnes", "composition", "type_mesure"} & set(ex.champs_incertains)


def test_debt_and_its_date_wrapped_in_a_sentence(tmp_path):
    """« Une dette de loyer de 2 » / « 371,30 € est » / « constatée au 15/09/2025. »: the
    thousands and the date a line wrap separated are read together."""
    ex = extract(
        _pdf(
            tmp_path / "motif.pdf",
            [
                "FICHE DE LIAISON – DEMANDE D'ACCOMPAGNEMENT SOCIAL LIÉ AU LOGEMENT",
                "Nom & Prénom du demandeur : Mme CARRÉ Agnès",
                "Adresse : 3 rue Paradis 13001 Marseille",
                "Motif de la demande",
                "Demande de renouvellement de la mesure ASLL en cours. Mme CARRÉ est",
                "locataire de Habitat Marseille Provence (parc social). Une dette de loyer de 2",
                "371,30 € est",
                "constatée au 15/09/2025.",
                "Le travailleur social : Inès MARCHETTI, CCAS de Marseille",
            ],
        )
    )
    assert (ex.montant_dette, ex.date_dette) == (2371.3, date(2025, 9, 15))
    assert ex.statut_occupation == "locataire_public"
    assert ex.type_mesure == "renouvellement"


def test_letterhead_agents_with_an_ocr_dash(tmp_path):
    """« Mme QUÉRÉ -— M. LE BIHAN » (a scan's dashes) still names two people, not a service."""
    ex = extract(
        _finistere(
            tmp_path,
            "Madame [X]   Monsieur [ ]",
            "Célibataire [X]",
            service="Service social : Mme QUÉRÉ -— M. LE BIHAN",
        )
    )
    assert ex.organisme_prescripteur == "CDAS de Concarneau"
