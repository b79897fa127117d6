"""asll.toml: paths relative to the file, service identity, French errors."""

import pytest

from asll.config import PROJECT_ROOT, Config, ConfigError, load_config


def test_documented_example_loads_and_paths_are_relative_to_it(tmp_path):
    example = (PROJECT_ROOT / "asll.exemple.toml").read_text(encoding="utf-8")
    target = tmp_path / "Service logement é" / "asll.toml"
    target.parent.mkdir()
    target.write_text(
        example.replace('inbox = "inbox"', 'inbox = "Arrivée des courriers"'), encoding="utf-8"
    )
    config = load_config(target)
    assert config.inbox == target.parent / "Arrivée des courriers"
    assert config.registre == target.parent / "registre.xlsx"
    assert config.service.signataire == "Claire BERNARD"
    assert config.stabilite_secondes == 3


def test_without_a_file_the_project_layout_is_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.inbox == PROJECT_ROOT / "inbox"
    assert config.templates == PROJECT_ROOT / "templates"


def test_unknown_key_is_named_in_french(tmp_path):
    path = tmp_path / "asll.toml"
    path.write_text('[service]\nnon = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="Clés inconnues dans \\[service\\].*non"):
        load_config(path)


def test_options_override_the_file(tmp_path):
    config = Config.for_workspace(tmp_path).with_options(inbox=str(tmp_path / "autre"), outbox=None)
    assert config.inbox == tmp_path / "autre"
    assert config.outbox == tmp_path / "outbox"


def test_sectors_assign_by_commune_whatever_the_spelling(tmp_path):
    from asll.domain.sectors import assign, epci_of

    config = load_config(PROJECT_ROOT / "asll.exemple.toml")
    for written in ("SAINT-DIZIER", "St Dizier", "saint dizier"):
        found = assign(written, config)
        assert (found.secteur, found.referent, found.connue) == (
            "Saint-Dizier",
            "Claire BERNARD",
            True,
        )
    unknown = assign("Bourbonne-les-Bains", config)
    assert (unknown.secteur, unknown.referent, unknown.connue) == ("À attribuer", None, False)
    assert assign("Saint-Dizier", Config()) is None  # no sectors configured
    assert epci_of("ANGOULÊME", config) == "CA du Grand Angoulême"


def test_badly_described_sector_is_explained(tmp_path):
    path = tmp_path / "asll.toml"
    path.write_text('[[secteurs]]\nnom = "Nord"\ncommune = ["Lille"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="communes"):
        load_config(path)


def test_the_set_aside_folder_is_configured_like_the_others(tmp_path):
    path = tmp_path / "asll.toml"
    path.write_text('[dossiers]\nmis_de_cote = "Écartés"\n', encoding="utf-8")
    assert load_config(path).mis_de_cote == tmp_path / "Écartés"
    assert Config.for_workspace(tmp_path).mis_de_cote == tmp_path / "mis-de-cote"
    assert Config.for_workspace(tmp_path).rebased(tmp_path / "b").mis_de_cote == (
        tmp_path / "b" / "mis-de-cote"
    )
