"""How referral forms write the money (sources 58-60 in corpus/sources/README.md: FSL
maintien requests and unpaid-rent files of départements the rules were not written on): a
budget in two columns with each income beside an expense, expenses named with a resource's
word (« pension alimentaire versée », « loyer après APL »), resources with a monthly and a
yearly column, rent lines joined to their amount by dot leaders, the gross rent beside the
net one, a debt whose label says how it was counted before its date. Each test builds the
document a service would send and reads it through the whole extractor."""

from __future__ import annotations

from datetime import date

from intake.extract import extract
from tests.form_documents import blocks_pdf as _pdf
from tests.form_documents import docx as _docx
from tests.form_documents import lines_pdf as _lines_pdf

SP = "\u00a0" * 8  # the gap between a budget's two columns


def _kinds(ex) -> list[tuple]:
    return sorted((r.type, r.montant) for r in ex.ressources)


def _head(title: str) -> list[str]:
    return [
        title,
        "Demandeur : Mme LE GOFF Anaïs, née le 12/04/1987",
        "Nombre d'enfants à charge : 1",
        "Adresse : 7 rue de la Fontaine, 22000 Saint-Brieuc",
        "Statut d'occupation : [X] Locataire HLM [ ] Locataire privé",
        "Bailleur : Terre et Baie Habitat",
        "Travailleur social : Mme Claire MORVAN, CCAS de Saint-Brieuc",
    ]


def test_budget_in_two_columns_reads_each_income_not_the_expense_beside_it(tmp_path):
    ex = extract(
        _lines_pdf(
            tmp_path / "fsl-maintien.pdf",
            _head("FSL – demande d'aide au maintien")
            + [
                f"RESSOURCES MENSUELLES{SP}CHARGES MENSUELLES",
                f"RSA 612,40 EUR{SP}Loyer 480,00 EUR",
                f"Allocations familiales 141,99 euros{SP}Charges locatives 35,50 euros",
                f"Pension alimentaire perçue 90{SP}Pension alimentaire versée 150 EUR",
                f"{SP}{SP}Loyer après déduction de l'APL 215,50",
                f"{SP}{SP}Assurance habitation 18,20 €",
                f"Total ressources 844,39 EUR{SP}Total charges 899,20 EUR",
                "Date de la demande : 14/10/2025",
            ],
        )
    )
    # the expense beside an income is not its amount; a maintenance allowance the
    # household pays and the rent left after the aid are expenses, not resources
    assert _kinds(ex) == [
        ("autre", 90.0),
        ("prestations_familiales", 141.99),
        ("rsa", 612.4),
    ]
    # the rent with its charges (the contract), not the rent left after the aid
    assert ex.loyer_mensuel == 515.5


def test_resources_with_a_monthly_and_a_yearly_column_are_read_once(tmp_path):
    rows = [
        ["Nature des ressources", "Montant mensuel", "Montant annuel"],
        ["Salaire", "1 210,00 €", "14 520,00 €"],
        ["Allocation aux adultes handicapés", "971,37 €", "11 656,44 €"],
        ["Prime d'activité", "en attente", ""],
        ["Total", "2 181,37 €", "26 176,44 €"],
    ]
    head = [("l", x) for x in _head("Fiche de liaison ASLL")]
    for doc in (
        _docx(tmp_path / "liaison.docx", head + [("l", "RESSOURCES DU FOYER"), ("tab", rows)]),
        _pdf(tmp_path / "liaison.pdf", head + [("b", "RESSOURCES DU FOYER"), ("tab", rows)]),
    ):
        ex = extract(doc)
        # the yearly column is the same income over twelve months
        assert _kinds(ex) == [("aah", 971.37), ("autre", None), ("salaire", 1210.0)], doc.name
    # the same table as a scan's text gives it: its header one line, each row one line
    ex = extract(
        _lines_pdf(
            tmp_path / "liaison-lignes.pdf",
            _head("Fiche de liaison ASLL")
            + ["RESSOURCES DU FOYER"]
            + ["   ".join(c for c in row if c) for row in rows[:-1]],
        )
    )
    assert _kinds(ex) == [("aah", 971.37), ("autre", None), ("salaire", 1210.0)]


def test_rent_on_dot_leaders_gross_and_net_and_a_debt_counted_before_its_date(tmp_path):
    ex = extract(
        _lines_pdf(
            tmp_path / "impaye.pdf",
            _head("Fiche de liaison – signalement d'impayé de loyer")
            + [
                "LE LOYER",
                "Loyer brut ................ 520,00 €",
                "Provision sur charges ................ 60,00 €",
                "Loyer net (après APL) ................ 300,00 €",
                "L'IMPAYÉ",
                "Arriéré locatif selon décompte du bailleur au 31/10/2025 ........ 2 140,00 €",
                "Plan d'apurement : 24 mensualités de 89,17 €",
                "Date : 05/11/2025",
            ],
        )
    )
    assert ex.loyer_mensuel == 580.0  # gross rent and charges; the net rent is not the rent
    assert ex.montant_dette == 2140.0
    assert ex.date_dette == date(2025, 10, 31)
    assert "loyer_mensuel" not in ex.champs_incertains
    assert "montant_dette" not in ex.champs_incertains


def test_an_energy_debt_dated_like_the_rent_arrears_is_not_the_rent_arrears(tmp_path):
    ex = extract(
        _lines_pdf(
            tmp_path / "impaye-energie.pdf",
            _head("FSL – demande d'aide")
            + [
                "LE LOGEMENT",
                "Loyer hors charges ........ 455,00 €",
                "Charges locatives ........ 40,00 €",
                "Dette énergie EDF au 30/09/2025 ........ 310,00 €",
                "Dette locative au 30/09/2025 ........ 1 290,00 €",
                "Date : 02/10/2025",
            ],
        )
    )
    assert ex.loyer_mensuel == 495.0
    assert ex.montant_dette == 1290.0
    assert ex.date_dette == date(2025, 9, 30)


def test_two_rents_the_form_does_not_tell_apart_are_flagged(tmp_path):
    ex = extract(
        _lines_pdf(
            tmp_path / "deux-loyers.pdf",
            _head("Fiche de liaison ASLL")
            + [
                "LE LOGEMENT",
                "Loyer : 480,00 €",
                "Type de logement : T3",
                f"RESSOURCES MENSUELLES{SP}CHARGES MENSUELLES",
                f"Salaire 1 350,00 €{SP}Loyer 512,00 €",
                "Date : 05/11/2025",
            ],
        )
    )
    # which of the two is the current rent the form does not say: a person checks it
    assert ex.loyer_mensuel in (480.0, 512.0)
    assert "loyer_mensuel" in ex.champs_incertains
    assert _kinds(ex) == [("salaire", 1350.0)]


def test_resources_table_with_a_person_a_row_and_a_kind_of_income_a_column(tmp_path):
    rows = [
        ["Personne", "Salaire", "RSA", "Allocations familiales", "Total"],
        ["Demandeur", "1 100,00 €", "", "", "1 100,00 €"],
        ["Conjoint", "", "420,50 €", "", "420,50 €"],
        ["Autres", "", "", "141,99 €", "141,99 €"],
        ["Total", "1 100,00 €", "420,50 €", "141,99 €", "1 662,49 €"],
    ]
    head = [("l", x) for x in _head("Fiche de liaison ASLL")]
    for doc in (
        _docx(tmp_path / "par-nature.docx", head + [("l", "RESSOURCES MENSUELLES"), ("tab", rows)]),
        _pdf(tmp_path / "par-nature.pdf", head + [("b", "RESSOURCES MENSUELLES"), ("tab", rows)]),
    ):
        ex = extract(doc)
        # each amount under its column's kind; the totals are no resource
        assert _kinds(ex) == [
            ("prestations_familiales", 141.99),
            ("rsa", 420.5),
            ("salaire", 1100.0),
        ], doc.name


def test_rent_with_charges_preferred_and_a_rent_after_the_aid_left_empty(tmp_path):
    both = extract(
        _lines_pdf(
            tmp_path / "hc-cc.pdf",
            _head("Fiche de liaison ASLL")
            + [
                "Loyer hors charges : 400,00 €",
                "Loyer charges comprises : 455,00 €",
                "Arriérés de loyer au 31/07/2025 : 2.480 EUR",
                "Date : 05/11/2025",
            ],
        )
    )
    # the contract's rent is the one with its charges, whichever comes first
    assert both.loyer_mensuel == 455.0
    assert "loyer_mensuel" not in both.champs_incertains
    assert (both.montant_dette, both.date_dette) == (2480.0, date(2025, 7, 31))
    net = extract(
        _lines_pdf(
            tmp_path / "apl-deduite.pdf",
            _head("Fiche de liaison ASLL")
            + ["Loyer mensuel : 450,00 € (APL déduite)", "Charges : 40,00 €", "Date : 05/11/2025"],
        )
    )
    # what is left after the aid is not the rent: empty and flagged, never a wrong rent
    assert net.loyer_mensuel is None
    assert "loyer_mensuel" in net.champs_incertains


def test_the_debts_label_is_not_taken_for_the_rent(tmp_path):
    ex = extract(
        _lines_pdf(
            tmp_path / "arrieres.pdf",
            _head("Fiche de liaison ASLL")
            + [
                "Arriérés de loyer au 31/07/2025 : 2.480 EUR",
                "Loyer TCC : 610 euros",
                "Date : 05/11/2025",
            ],
        )
    )
    assert ex.loyer_mensuel == 610.0
    assert ex.montant_dette == 2480.0


def test_a_form_naming_the_tax_notice_and_the_bills_to_join_is_still_a_form(tmp_path):
    ex = extract(
        _lines_pdf(
            tmp_path / "fsl-pieces.pdf",
            _head("Fiche de liaison ASLL")
            + [
                "Loyer : 450,00 €",
                "RESSOURCES",
                "Salaire net : 1 200,00 €",
                "Revenu fiscal de référence (année N-1) : 14 400 €",
                "PIÈCES À JOINDRE",
                "[X] Dernier avis d'imposition   [X] Dernière facture d'électricité",
            ],
        )
    )
    # the budget and the documents to join name a tax notice and a bill: it is no bill
    assert ex.type_document == "fiche_prescription"
    assert ex.loyer_mensuel == 450.0
    assert _kinds(ex) == [("salaire", 1200.0)]


def test_rent_and_debt_captions_in_a_row_their_values_in_the_row_under_them(tmp_path):
    rent = [
        ["Loyer", "Charges", "APL", "Reste à charge"],
        ["520,00 €", "45,00 €", "230,00 €", "335,00 €"],
    ]
    debt = [
        ["Montant de la dette", "Arrêtée au", "Plan d'apurement"],
        ["1 920,00 €", "30/09/2025", "oui – 60 € / mois"],
    ]
    head = [("l", x) for x in _head("Fiche de liaison ASLL")]
    blocks = head + [("b", "LOGEMENT"), ("tab", rent), ("b", "DETTE"), ("tab", debt)]
    for doc in (_docx(tmp_path / "grilles.docx", blocks), _pdf(tmp_path / "grilles.pdf", blocks)):
        ex = extract(doc)
        # the rent with its charges; the aid and what is left after it are not the rent
        assert ex.loyer_mensuel == 565.0, doc.name
        assert (ex.montant_dette, ex.date_dette) == (1920.0, date(2025, 9, 30)), doc.name


def test_a_rent_whose_value_says_charges_included_gets_no_charges_added(tmp_path):
    for n, lines in enumerate(
        (
            ["Loyer : 530,00 € CC", "Charges : 40,00 €"],
            ["Loyer : 530,00 € (charges comprises)", "dont charges : 40,00 €"],
        )
    ):
        ex = extract(_lines_pdf(tmp_path / f"cc-{n}.pdf", _head("Fiche de liaison ASLL") + lines))
        assert ex.loyer_mensuel == 530.0, lines


def test_a_total_column_of_a_resources_table_is_no_further_income(tmp_path):
    rows = [
        ["Nature des ressources", "Demandeur", "Conjoint", "Total"],
        ["Salaire", "1 100,00 €", "850,00 €", "1 950,00 €"],
        ["RSA", "", "420,50 €", "420,50 €"],
        ["Allocations familiales", "", "", "141,99 €"],
    ]
    want = [
        ("prestations_familiales", 141.99),
        ("rsa", 420.5),
        ("salaire", 850.0),
        ("salaire", 1100.0),
    ]
    head = [("l", x) for x in _head("Fiche de liaison ASLL")]
    blocks = head + [("b", "RESSOURCES"), ("tab", rows)]
    for doc in (_docx(tmp_path / "total.docx", blocks), _pdf(tmp_path / "total.pdf", blocks)):
        # an income given only in the total column keeps that amount
        assert _kinds(extract(doc)) == want, doc.name
    # a scan's text of the same table: the header one line, each row's cells run together
    lines = ["RESSOURCES", "Nature   Demandeur   Conjoint   Total"] + [
        "   ".join(c for c in row if c) for row in rows[1:]
    ]
    ex = extract(_lines_pdf(tmp_path / "total-lignes.pdf", _head("Fiche de liaison ASLL") + lines))
    assert _kinds(ex) == want


def test_a_yearly_income_is_not_read_as_a_monthly_one(tmp_path):
    ex = extract(
        _lines_pdf(
            tmp_path / "annuel.pdf",
            _head("Fiche de liaison ASLL")
            + [
                "Loyer : 450,00 €",
                "RESSOURCES",
                "Salaire annuel : 14 400,00 €",
                "Allocations familiales : 141,99 €",
                "Date : 05/11/2025",
            ],
        )
    )
    # left out rather than given as a month's income, and the resources flagged
    assert _kinds(ex) == [("prestations_familiales", 141.99)]
    assert "ressources" in ex.champs_incertains


def test_an_allowance_given_by_the_day_is_turned_into_a_month_and_flagged(tmp_path):
    """France Travail states the ARE by the day: 38,50 € is no month's income (it was read
    as one, unflagged). A month is about thirty days; the estimate is for a person to check."""
    table = _docx(
        tmp_path / "table.docx",
        [
            ("p", "FICHE DE PRESCRIPTION ASLL"),
            ("p", "Prescripteur : Claire BERNARD, CCAS de Cognac"),
            ("tab", [["Nom", "DUPONT"], ["Prénom", "Julie"], ["Loyer", "480 €"]]),
            ("p", "Composition familiale : femme seule avec 2 enfants"),
            (
                "tab",
                [
                    ["Ressources", "Montant"],
                    ["Allocation chômage (ARE)", "38,50 €/jour"],
                    ["Allocations familiales", "141,99 €"],
                ],
            ),
            ("p", "Fait le 3 novembre 2026"),
        ],
    )
    sentence = _lines_pdf(
        tmp_path / "phrase.pdf",
        _head("Fiche de liaison ASLL")
        + [
            "Loyer : 450,00 €",
            "RESSOURCES",
            "Allocations familiales : 141,99 €",
            "Indemnités journalières : 27,14 € par jour",
            "Date : 05/11/2025",
        ],
    )
    ex = extract(table)
    assert _kinds(ex) == [("chomage", 1155.0), ("prestations_familiales", 141.99)]
    assert "ressources" in ex.champs_incertains
    ex = extract(sentence)
    assert _kinds(ex) == [("ij", 814.2), ("prestations_familiales", 141.99)]
    assert "ressources" in ex.champs_incertains


def test_an_amount_followed_by_its_month_on_its_line_is_read(tmp_path):
    """« Indemnités journalières : 814,20 € par mois »: the period after the amount kept the
    line from being read (the resource was lost, flagged)."""
    ex = extract(
        _lines_pdf(
            tmp_path / "par-mois.pdf",
            _head("Fiche de liaison ASLL")
            + [
                "Loyer : 450,00 €",
                "RESSOURCES",
                "Allocations familiales : 141,99 €",
                "Indemnités journalières : 814,20 € par mois",
                "Date : 05/11/2025",
            ],
        )
    )
    assert _kinds(ex) == [("ij", 814.2), ("prestations_familiales", 141.99)]
    assert "ressources" not in ex.champs_incertains
