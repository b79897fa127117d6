"""The compiled patterns kept between runs (intake/pattern_store.py) give the very patterns
`re.compile` gives, follow a rule that changes, and a damaged cache is only ignored.

Each run is a real `asll extract` process, as a user starts it: the cache is what one run
leaves for the next, in the user's cache folder (here a temporary XDG_CACHE_HOME)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "documents" / "assignation MARTIN.pdf"
FORM = ROOT / "samples" / "documents" / "Fiche prescription ASLL - CCAS Cognac.docx"

PROBE = """
import json, re, sys
from intake import pattern_store
from intake.engine import compile_pattern
from intake.extract import USUAL_SPELLED, compile_ahead
stored = pattern_store.stored()
same = all(pattern_store.compile(s, f) == re.compile(s, f) for s, f in stored)
for _ in compile_ahead(None, USUAL_SPELLED):
    pass
print(json.dumps({"stored": len(stored), "same": same, "new": pattern_store.save()}))
"""


def run(args, cache: Path, cwd: Path, **env) -> subprocess.CompletedProcess:
    environ = {**os.environ, "XDG_CACHE_HOME": str(cache), **env}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environ | {"PYTHONPATH": str(ROOT)},
        timeout=180,
    )


def extract_json(path: Path, cache: Path, cwd: Path, **env) -> dict:
    done = run(["-m", "asll", "extract", str(path), "--json"], cache, cwd, **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def cache_files(cache: Path) -> list[Path]:
    return sorted((cache / "asll").glob("motifs-*.bin"))


def test_patterns_built_from_the_cache_are_those_re_compiles(tmp_path):
    cache = tmp_path / "cache"
    without = extract_json(SAMPLE, cache, tmp_path, ASLL_CACHE_MOTIFS="0")
    assert cache_files(cache) == []  # turned off: nothing written

    first = extract_json(SAMPLE, cache, tmp_path)  # compiles, and keeps the programs
    [stored] = cache_files(cache)
    assert stored.stat().st_mode & 0o077 == 0  # the user's own file
    second = extract_json(SAMPLE, cache, tmp_path)  # builds them from the cache
    assert first == second == without
    assert without["type_document"] == "assignation" and without["personnes"]
    # a form reads other rules (compiled lazily, kept at the end of its run)
    assert extract_json(FORM, cache, tmp_path) == extract_json(
        FORM, cache, tmp_path, ASLL_CACHE_MOTIFS="0"
    )

    # every stored program is the one re.compile makes (a Pattern compares its code), and
    # compiling the rules ahead again finds all of them stored (nothing new to write)
    probe = run(["-c", PROBE], cache, tmp_path)
    report = json.loads(probe.stdout)
    assert report["stored"] > 300 and report["same"] is True and report["new"] is False


def _letter(path: Path) -> Path:
    styles = getSampleStyleSheet()
    story = [
        Paragraph(text, styles["BodyText"])
        for text in (
            "SOUS-PRÉFECTURE DES SABLES-D'OLONNE",
            "Dossier PEX 2024-117 - Fiche CLE 88-4410",
            "Les Sables-d'Olonne, le 6 mai 2024",
            "Objet : enquête sociale avant audience",
            "Je vous prie de bien vouloir réaliser l'enquête sociale concernant Madame Inès "
            "CARON, demeurant 2 rue du Port 85100 Les Sables-d'Olonne.",
        )
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _service_rule(folder: Path, pattern: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "sp.toml").write_text(
        'type = "saisine_prefecture"\n[champs.reference]\nanalyse = "reference"\n'
        f"motifs = ['{pattern}']\n",
        encoding="utf-8",
    )


def test_a_rule_that_changes_is_read_as_changed_with_a_warm_cache(tmp_path):
    cache, workspace = tmp_path / "cache", tmp_path / "espace"
    workspace.mkdir()
    (workspace / "asll.toml").write_text('[dossiers]\nregles = "regles"\n', encoding="utf-8")
    letter = _letter(tmp_path / "lettre.pdf")

    _service_rule(workspace / "regles", r"Dossier\s+PEX\s+(?P<v>\d{4}-\d{3})")
    assert extract_json(letter, cache, workspace)["reference"] == "2024-117"
    assert extract_json(letter, cache, workspace)["reference"] == "2024-117"  # from the cache

    # the service edits its rule: the next run follows the new one, not the cached program
    _service_rule(workspace / "regles", r"Fiche\s+CLE\s+(?P<v>\d{2}-\d{4})")
    assert extract_json(letter, cache, workspace)["reference"] == "88-4410"
    assert extract_json(letter, cache, workspace)["reference"] == "88-4410"


def test_a_damaged_or_unwritable_cache_changes_nothing(tmp_path):
    cache = tmp_path / "cache"
    expected = extract_json(SAMPLE, cache, tmp_path, ASLL_CACHE_MOTIFS="0")
    extract_json(SAMPLE, cache, tmp_path)
    [stored] = cache_files(cache)
    data = bytearray(stored.read_bytes())

    # one byte changed in a program, then the file cut short: both ignored, then rewritten
    offset = len(data) - 1000
    data[offset] ^= 0xFF
    for damaged in (bytes(data), bytes(data[: len(data) // 2])):
        stored.write_bytes(damaged)
        assert extract_json(SAMPLE, cache, tmp_path) == expected
        assert stored.read_bytes() != damaged  # written again, whole
    assert extract_json(SAMPLE, cache, tmp_path) == expected

    # a cache folder that cannot be created (a file in its place): the command still works
    blocked = tmp_path / "bloque"
    blocked.write_text("", encoding="utf-8")
    assert extract_json(SAMPLE, blocked, tmp_path) == expected


def test_a_pattern_that_is_not_one_raises_as_re_does():
    from intake import pattern_store

    for bad in ("(?P<v>[a-", "(?P<v>x)(?P<v>y)"):
        try:
            re.compile(bad)
        except re.error as exc:
            expected = str(exc)
        try:
            pattern_store.compile(bad)
        except re.error as exc:
            assert str(exc) == expected
        else:
            raise AssertionError(f"{bad!r} compiled")
