"""Courts named in documents, against the Code de l'organisation judiciaire's tableau IV."""

import importlib.util

import pytest

from asll.config import PROJECT_ROOT
from asll.domain import juridictions
from asll.domain.juridictions import (
    TRIBUNAL_DE_PROXIMITE,
    TRIBUNAL_JUDICIAIRE,
    canonical,
    is_known,
    lookup,
    lookup_all,
)

DATA = PROJECT_ROOT / "asll" / "domain" / "data" / "juridictions.tsv"


@pytest.mark.parametrize(
    "printed, official",
    [
        ("TRIBUNAL JUDICIAIRE DE CHAUMONT", "Tribunal judiciaire de Chaumont"),
        ("tribunal de proximite de st dizier", "Tribunal de proximité de Saint-Dizier"),
        ("Tribunal de Proximité de SAINT-DIZIER (52100)", "Tribunal de proximité de Saint-Dizier"),
        ("Tribunal judiciaire d'Angoulême", "Tribunal judiciaire d'Angoulême"),
        ("TRIBUNAL JUDICIAIRE D'ANGOULEME", "Tribunal judiciaire d'Angoulême"),
        ("Tribunal de proximité de Cognac", "Tribunal de proximité de Cognac"),
        ("TRIBUNAL JUDICIAIRE DU MANS", "Tribunal judiciaire du Mans"),
        ("tribunal judiciaire des sables d olonne", "Tribunal judiciaire des Sables-d'Olonne"),
        ("TJ d'Evreux", "Tribunal judiciaire d'Évreux"),
        ("Tribunal judiciaire de Saint-Etienne", "Tribunal judiciaire de Saint-Étienne"),
        ("TRIBUNAL JUDICIAIRE DE SAINT-DENIS DE LA REUNION", "Tribunal judiciaire de Saint-Denis"),
        ("pôle de proximité de Vanves", "Tribunal de proximité de Vanves"),
    ],
)
def test_printed_court_gets_its_official_name(printed, official):
    assert canonical(printed) == official
    assert is_known(printed)


def test_court_named_inside_a_sentence():
    text = (
        "Devant Madame ou Monsieur le juge des contentieux de la protection près le "
        "Tribunal de proximité de Saint-Dizier, siégeant 1 rue du Palais"
    )
    assert canonical(text) == "Tribunal de proximité de Saint-Dizier"


def test_ocr_typo_in_the_place_is_forgiven_and_flagged():
    hit = lookup("TRIBUNAL JUD1CIAIRE DE CHAUMOMT")
    assert hit.juridiction.nom == "Tribunal judiciaire de Chaumont"
    assert hit.approchee and not hit.ancienne_denomination


def test_saint_dizier_is_a_tribunal_de_proximite_of_chaumont():
    hit = lookup("Tribunal de proximité de Saint-Dizier")
    court = hit.juridiction
    assert court.type == TRIBUNAL_DE_PROXIMITE
    assert court.tribunal_judiciaire == "Tribunal judiciaire de Chaumont"
    assert (court.insee, court.departement) == ("52448", "52")
    assert court.cour_d_appel == "Cour d'appel de Dijon"
    # Printed as a tribunal judiciaire: the court at that seat, flagged.
    wrong = lookup("Tribunal judiciaire de Saint-Dizier")
    assert wrong.juridiction == court and wrong.autre_type
    assert not is_known("Tribunal judiciaire de Saint-Dizier")


def test_former_names_map_to_the_current_court_and_are_flagged():
    ti = lookup("Tribunal d'instance de Saint-Dizier")
    assert ti.juridiction.nom == "Tribunal de proximité de Saint-Dizier"
    assert ti.ancienne_denomination
    ti_at_tj_seat = lookup("TRIBUNAL D'INSTANCE DE CHAUMONT")
    assert ti_at_tj_seat.juridiction.nom == "Tribunal judiciaire de Chaumont"
    tgi = lookup("Tribunal de Grande Instance d'Angoulême")
    assert tgi.juridiction.nom == "Tribunal judiciaire d'Angoulême" and tgi.ancienne_denomination
    assert not is_known("Tribunal d'instance de Saint-Dizier")
    # A tribunal d'instance that was closed has no successor at its seat.
    assert lookup("Tribunal d'instance de Wassy") is None


def test_header_naming_two_courts_lists_both_in_order():
    text = "TRIBUNAL JUDICIAIRE DE CHAUMONT\nTribunal de proximité de Saint-Dizier"
    assert [h.juridiction.nom for h in lookup_all(text)] == [
        "Tribunal judiciaire de Chaumont",
        "Tribunal de proximité de Saint-Dizier",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "le tribunal",
        "Tribunal de commerce de Chaumont",
        "Tribunal judiciaire de Nulle-Part",
        "Conseil de prud'hommes de Saint-Dizier",
        "",
        None,
    ],
)
def test_no_court_is_invented(text):
    assert canonical(text) is None and not is_known(text)


def test_table_counts_and_links():
    courts = juridictions.juridictions()
    tj = [c for c in courts if c.type == TRIBUNAL_JUDICIAIRE]
    proximite = [c for c in courts if c.type == TRIBUNAL_DE_PROXIMITE]
    assert (len(tj), len(proximite)) == (164, 125)
    names = {c.nom for c in tj}
    assert all(p.tribunal_judiciaire in names for p in proximite)
    assert all(c.insee for c in tj + proximite)
    # Two tribunaux de proximité carry the name "de Montreuil", in 62 and 93.
    assert sorted(c.departement for c in proximite if c.siege == "Montreuil") == ["62", "93"]


def test_shipped_table_is_what_the_build_script_makes_from_its_source():
    spec = importlib.util.spec_from_file_location(
        "build_juridictions", PROJECT_ROOT / "scripts" / "build_juridictions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.parse(module.SOURCE.read_text(encoding="utf-8").splitlines())
    assert module.render(rows) == DATA.read_text(encoding="utf-8")


def test_build_script_refuses_a_seat_that_is_not_a_commune():
    spec = importlib.util.spec_from_file_location(
        "build_juridictions", PROJECT_ROOT / "scripts" / "build_juridictions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with pytest.raises(ValueError, match="Chaumon"):
        module.parse(["CA Dijon", "D Haute-Marne", "TJ Chaumon"])
