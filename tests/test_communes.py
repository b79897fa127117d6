"""Communes, postcodes and EPCI from Etalab's découpage administratif (asll.domain.communes)."""

import gzip
import hashlib
import importlib.util
import json
import re
import subprocess
import sys

import pytest

from asll.config import PROJECT_ROOT, load_config
from asll.domain import communes
from asll.domain.communes import (
    CODE_POSTAL_INCONNU,
    COHERENT,
    COMMUNE_ABSENTE,
    canonical_name,
    check,
    communes_for_postcode,
    epci_of,
    match,
)
from asll.domain.epci import epci_for

DATA = PROJECT_ROOT / "asll" / "domain" / "data"


def _build_script():
    spec = importlib.util.spec_from_file_location(
        "build_communes", PROJECT_ROOT / "scripts" / "build_communes.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "cp, printed, official",
    [
        ("52100", "SAINT DIZIER", "Saint-Dizier"),
        ("52100", "St-Dizier", "Saint-Dizier"),
        ("52100", "saint-dizier cedex", "Saint-Dizier"),
        ("16000", "ANGOULEME", "Angoulême"),
        ("16000", "ANGOULEME CEDEX 9", "Angoulême"),
        ("16100", "COGNAC", "Cognac"),
        ("17000", "ROCHELLE (LA)", "La Rochelle"),
        ("52100", "BETTANCOURT LA FERREE", "Bettancourt-la-Ferrée"),
        ("52100", "MOESLAINS", "Moëslains"),
    ],
)
def test_printed_town_gets_its_official_spelling(cp, printed, official):
    assert canonical_name(cp, printed) == official


@pytest.mark.parametrize(
    "cp, printed, official",
    [
        ("16100", "C0GNAC", "Cognac"),  # OCR: zero for o
        ("52100", "SAINT DIZIE", "Saint-Dizier"),  # last letter lost at the margin
        ("52100", "Chancenat", "Chancenay"),
    ],
)
def test_small_ocr_typos_are_forgiven_within_the_postcode(cp, printed, official):
    assert canonical_name(cp, printed) == official
    result = check(cp, printed)
    assert result.coherent and result.approchee and "à vérifier" in result.message


def test_postcode_shared_by_several_communes_lists_them_all_and_picks_the_right_one():
    noms = {c.nom for c in communes_for_postcode("52100")}
    assert {"Saint-Dizier", "Chancenay", "Bettancourt-la-Ferrée", "Valcourt"} <= noms
    assert len(noms) >= 10
    assert match("52100", "VALCOURT").insee == "52500"
    assert match("52100", "Saint-Dizier").insee == "52448"


def test_wrong_pairing_is_detected_with_the_postcode_communes():
    result = check("16000", "Cognac")  # Cognac is 16100
    assert result.statut == COMMUNE_ABSENTE and not result.coherent
    assert [c.nom for c in result.communes_du_code_postal] == ["Angoulême"]
    assert "Cognac" in result.message and "16000" in result.message
    assert match("16000", "Cognac") is None
    # A town of another postcode is not "corrected" into the postcode's commune.
    assert match("52100", "Chaumont") is None


def test_consistent_pair_and_unknown_postcode():
    ok = check("52100", "ST DIZIER")
    assert ok.statut == COHERENT and ok.commune.nom == "Saint-Dizier" and not ok.approchee
    unknown = check("99999", "Nulle-Part")
    assert unknown.statut == CODE_POSTAL_INCONNU and unknown.commune is None
    assert "99999" in unknown.message


def test_cedex_postcode_is_unknown_but_the_commune_is_found_in_its_departement():
    result = check("52011", "CHAUMONT CEDEX")
    assert result.statut == CODE_POSTAL_INCONNU
    assert result.commune.nom == "Chaumont" and result.commune.departement == "52"
    assert canonical_name("52011", "CHAUMONT CEDEX") == "Chaumont"
    # No fuzzy guess outside a known postcode.
    assert match("52011", "CHAUMOMT") is None


def test_paris_arrondissement_is_the_commune_of_paris():
    assert communes_for_postcode("75015")[0].nom == "Paris"
    for printed in ("PARIS 15", "Paris 15e Arrondissement", "PARIS CEDEX 15", "PARIS"):
        assert canonical_name("75015", printed) == "Paris", printed
    assert canonical_name("75116", "PARIS") == "Paris"
    assert canonical_name("69003", "LYON 3EME") == "Lyon"
    assert canonical_name("13008", "Marseille 8e") == "Marseille"
    assert epci_of("75015", "Paris")[1] == "Métropole du Grand Paris"


def test_corsica_2a_and_2b():
    ajaccio, bastia = match("20000", "AJACCIO"), match("20200", "BASTIA")
    assert (ajaccio.departement, bastia.departement) == ("2A", "2B")
    # A CEDEX in Corsica: postcodes start with 20 for both départements.
    assert canonical_name("20189", "AJACCIO CEDEX 2") == "Ajaccio"
    assert canonical_name("20289", "BASTIA CEDEX") == "Bastia"


def test_overseas_974():
    saint_denis = match("97400", "ST DENIS")
    assert (saint_denis.nom, saint_denis.departement) == ("Saint-Denis", "974")
    assert "CINOR" in saint_denis.epci_nom
    assert canonical_name("97410", "SAINT PIERRE") == "Saint-Pierre"
    assert check("97400", "Saint-Pierre").statut == COMMUNE_ABSENTE


def test_former_commune_name_is_accepted_for_the_new_commune():
    # Cherbourg-Octeville is a commune déléguée of Cherbourg-en-Cotentin since 2016.
    assert canonical_name("50100", "CHERBOURG OCTEVILLE") == "Cherbourg-en-Cotentin"


def test_epci_of_real_communes():
    assert epci_of("52100", "Saint-Dizier") == (
        "200068666",
        "CA du Grand Saint-Dizier Der et Vallées",
    )
    assert epci_of("16000", "Angoulême")[1] == "CA du Grand Angoulême"
    assert epci_of("16100", "Cognac")[1] == "CA du Grand Cognac"
    assert epci_of("16000", "Cognac") is None  # no EPCI for an inconsistent pair


def test_dossier_epci_falls_back_to_the_official_one_under_the_service_label():
    config = load_config(PROJECT_ROOT / "asll.exemple.toml")
    configured = {c: epci for epci, names in config.epci.items() for c in names}
    label = "CA Grand Saint-Dizier, Der et Vallées"
    assert epci_for("SAINT DIZIER", None, configured) == label  # listed in asll.toml
    # Not listed, but a member of the EPCI the service calls by its own label.
    assert epci_for("Bettancourt-la-Ferrée", "52100", configured) == label
    # Not listed and no listed commune in its EPCI: the official name.
    assert (
        epci_for("Bourbonne-les-Bains", "52400", configured)
        == match("52400", "Bourbonne-les-Bains").epci_nom
    )
    assert epci_for("Bourbonne-les-Bains", "16000", configured) is None

    from asll.domain.sectors import epci_of as sector_epci

    assert sector_epci("Bettancourt-la-Ferrée", config, "52100") == label
    assert sector_epci("Bettancourt-la-Ferrée", config) is None  # no postcode, no guess


def test_shipped_table_matches_its_header_and_readme():
    with gzip.open(DATA / "communes.tsv.gz", "rb") as f:
        header = f.readline().decode("utf-8")
        body = f.read()
    fields = dict(re.findall(r"(\w+)=([^\t\n]+)", header))
    lines = body.decode("utf-8").splitlines()
    assert fields["source"] == "@etalab/decoupage-administratif@6.0.0"
    assert int(fields["rows"]) == len(lines)
    assert hashlib.sha256(body).hexdigest() == fields["sha256"]
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert fields["sha256"] in readme and f"rows={fields['rows']}" in readme
    assert "Licence Ouverte" in readme and "6.0.0" in readme
    kinds = [line[0] for line in lines]
    assert kinds.count("C") == 34969 and kinds.count("E") == 1255
    # Every postcode's index row names actual communes that list that postcode.
    rows = {line.split("\t")[1]: line.split("\t") for line in lines if line[0] == "C"}
    for line in (line for line in lines if line[0] == "P"):
        _, cp, codes = line.split("\t")
        assert all(cp in rows[code][4].split() for code in codes.split()), line
    # The name index was folded by today's fold(): a change of fold() needs a rebuild.
    names = {tuple(line.split("\t")[1:]) for line in lines if line[0] == "N"}
    own = {(communes.fold(r[2]), r[1]) for r in rows.values()}
    former = {
        ("~" + communes.fold(r[2]), r[1], r[2])
        for r in (line.split("\t") for line in lines if line[0] == "A")
    }
    assert names == own | former
    assert (DATA / "communes.tsv.gz").stat().st_size < 1_000_000


def test_build_script_output_is_deterministic_and_keeps_only_actual_communes(tmp_path):
    package = tmp_path / "package"
    (package / "data").mkdir(parents=True)
    (package / "package.json").write_text('{"version": "9.9.9"}', encoding="utf-8")
    (package / "data" / "communes.json").write_text(
        json.dumps(
            [
                {
                    "code": "52448",
                    "nom": "Saint-Dizier",
                    "departement": "52",
                    "type": "commune-actuelle",
                    "codesPostaux": ["52100"],
                },
                {
                    "code": "50129",
                    "nom": "Cherbourg-en-Cotentin",
                    "departement": "50",
                    "type": "commune-actuelle",
                    "codesPostaux": ["50100", "50110"],
                },
                {
                    "code": "50173",
                    "nom": "Cherbourg-Octeville",
                    "departement": "50",
                    "type": "commune-deleguee",
                    "chefLieu": "50129",
                },
                {
                    "code": "52999",
                    "nom": "Ancienne",
                    "departement": "52",
                    "type": "commune-associee",
                    "chefLieu": "99999",
                },  # parent unknown: dropped
            ]
        ),
        encoding="utf-8",
    )
    (package / "data" / "epci.json").write_text(
        json.dumps(
            [
                {
                    "code": "200068666",
                    "nom": "CA du Grand Saint-Dizier Der et Vallées",
                    "membres": [{"code": "52448"}],
                }
            ]
        ),
        encoding="utf-8",
    )
    (package / "data" / "departements.json").write_text(
        json.dumps([{"code": "52", "nom": "Haute-Marne"}]), encoding="utf-8"
    )
    script = _build_script()
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    info = script.build(package, first)
    script.build(package, second)
    assert first.read_bytes() == second.read_bytes()
    text = gzip.decompress(first.read_bytes()).decode("utf-8").splitlines()
    assert text[0].startswith("# source=@etalab/decoupage-administratif@9.9.9\t")
    assert text[1:] == sorted(text[1:])
    assert "C\t52448\tSaint-Dizier\t52\t52100\t200068666" in text
    assert "A\t50129\tCherbourg-Octeville\t" in text
    assert "D\t52\tHaute-Marne" in text
    assert "P\t50100\t50129" in text and "P\t52100\t52448" in text
    assert not any("Ancienne" in line for line in text)
    assert (info["communes"], info["alias"], info["epci"]) == (2, 1, 1)


def test_first_call_loads_quickly_in_a_fresh_process():
    code = (
        "import time; t = time.perf_counter(); from asll.domain import communes; "
        "communes.match('52100', 'SAINT DIZIER'); print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, check=True, capture_output=True, text=True
    ).stdout
    # About 0.15 s here; the bound leaves room for a loaded shared machine.
    assert float(out) < 1.0


def test_source_names_the_package_and_licence():
    assert communes.source().startswith("source=@etalab/decoupage-administratif@6.0.0")
    assert "Licence Ouverte" in communes.source()
