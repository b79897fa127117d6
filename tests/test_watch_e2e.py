"""The real watcher on a temporary inbox: drop files, get the register and the drafts."""

import json
import re
import shutil
import threading
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from asll.config import PROJECT_ROOT, Config
from intake.inbox import waiting_files
from intake.watcher import InboxWatcher

SAMPLES = PROJECT_ROOT / "samples" / "documents"
EXPECTED = PROJECT_ROOT / "samples" / "attendu"
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def expected(path: Path) -> dict | None:
    file = EXPECTED / (path.name + ".json")
    return json.loads(file.read_text(encoding="utf-8")) if file.exists() else None


def samples_of(type_document: str, suffix: str, need=("date_audience", "montant_dette")):
    found = []
    for path in sorted(SAMPLES.iterdir()):
        data = expected(path)
        if (
            data
            and data["type_document"] == type_document
            and path.suffix == suffix
            and all(data.get(k) for k in need)
        ):
            found.append(path)
    return found


def french_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"


def french_amount_pattern(amount: float) -> re.Pattern:
    euros, cents = f"{amount:.2f}".split(".")
    groups = []
    while euros:
        groups.insert(0, euros[-3:])
        euros = euros[:-3]
    space = r"[\s\u00a0\u202f]"
    return re.compile(space.join(groups) + "," + cents + space + "€")


def docx_text(path: Path) -> str:
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def register_rows(path: Path) -> list[dict]:
    ws = load_workbook(path)["Dossiers"]
    headers = [c.value for c in ws[1]]
    return [dict(zip(headers, row)) for row in ws.iter_rows(min_row=2, values_only=True)]


def slow_copy(source: Path, target: Path, chunk: int = 2048, pause: float = 0.15) -> None:
    data = source.read_bytes()
    with open(target, "wb") as handle:
        for start in range(0, len(data), chunk):
            handle.write(data[start : start + chunk])
            handle.flush()
            time.sleep(pause)


@pytest.fixture
def config(config):
    """The shared workspace, with short stability and long reading times for the tests."""
    return replace(config, stabilite_secondes=2.0, delai_max_secondes=120)


@pytest.fixture
def watcher(config):
    config.ensure_folders()
    results = []
    w = InboxWatcher(config, on_result=results.append)
    thread = threading.Thread(target=w.run, daemon=True)
    thread.start()
    w.results = results
    yield w
    w.stop()
    thread.join(30)
    assert not thread.is_alive()


def wait_until(predicate, timeout=150.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("délai dépassé")


needs_samples = pytest.mark.skipif(not EXPECTED.exists(), reason="échantillons absents")


@needs_samples
def test_dropped_files_fill_the_register_and_the_outbox(config, watcher):
    assignations = samples_of("assignation", ".pdf")
    letters = samples_of("saisine_prefecture", ".pdf")
    forms = samples_of("fiche_prescription", ".docx", need=("type_mesure",))
    dropped = [assignations[0], letters[0], forms[0]]
    assert len(set(dropped)) == 3

    # Lock files of people working in the inbox must be left alone.
    (config.inbox / "~$registre.xlsx").write_bytes(b"verrou")
    (config.inbox / ".~lock.registre.xlsx#").write_bytes(b"verrou")
    shutil.copy(letters[0], config.inbox / letters[0].name)
    slow_copy(assignations[0], config.inbox / assignations[0].name)  # several seconds
    shutil.copy(forms[0], config.inbox / forms[0].name)

    wait_until(lambda: len(watcher.results) >= 3 and not waiting_files(config.inbox))
    assert sorted(p.name for p in config.inbox.iterdir()) == [
        ".~lock.registre.xlsx#",
        "~$registre.xlsx",
    ]
    assert [r.resultat for r in watcher.results] == ["traité"] * 3, watcher.results
    archived = sorted(p.name for p in config.archive.rglob("*") if p.is_file())
    assert archived == sorted(p.name for p in dropped)

    # the database has every row; the workbook view follows at the watcher's next save
    wait_until(lambda: config.registre.exists() and len(register_rows(config.registre)) >= 3)
    rows = register_rows(config.registre)
    for sample in dropped:
        data = expected(sample)
        first = data["personnes"][0]
        row = next(r for r in rows if r["Nom 1"] == first["nom"])
        assert row["Prénom 1"] == first["prenom"]
        result = next(r for r in watcher.results if r.fichier == sample.name)
        assert row["N° dossier"] == result.dossier
        if data["date_audience"]:
            assert row["Date d'audience"] == datetime.fromisoformat(data["date_audience"])
        if data["montant_dette"]:
            assert row["Dette locative"] == pytest.approx(data["montant_dette"])

        # The draft: names, hearing date and debt, written the French way.
        assert len(result.brouillons) == 1
        draft = result.brouillons[0]
        assert draft.parent == config.outbox and draft.name.startswith(result.dossier + "_")
        text = docx_text(draft)
        assert first["nom"] in text
        if data["date_audience"]:
            assert french_date(data["date_audience"]) in text
        if data["montant_dette"]:
            assert french_amount_pattern(data["montant_dette"]).search(text)
        assert "{{" not in text and "None" not in text

    documents = load_workbook(config.registre)["Documents reçus"]
    assert documents.max_row == 4  # header + three files


@needs_samples
def test_same_file_twice_is_recognised_and_makes_no_second_dossier(config, watcher):
    sample = samples_of("assignation", ".pdf")[0]
    shutil.copy(sample, config.inbox / sample.name)
    wait_until(lambda: len(watcher.results) == 1)
    shutil.copy(sample, config.inbox / ("copie de " + sample.name))
    wait_until(lambda: len(watcher.results) == 2)
    assert [r.resultat for r in watcher.results] == ["traité", "doublon"]
    assert watcher.results[1].dossier == watcher.results[0].dossier
    assert len(register_rows(config.registre)) == 1
    assert (config.archive / "doublons" / ("copie de " + sample.name)).exists()


@needs_samples
def test_unreadable_file_goes_to_quarantine_with_a_french_reason(config, watcher):
    (config.inbox / "courrier.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (config.inbox / "vide.docx").write_bytes(b"")
    wait_until(lambda: len(watcher.results) == 2)
    assert {r.resultat for r in watcher.results} == {"quarantaine"}
    for name in ("courrier.pdf", "vide.docx"):
        assert (config.quarantaine / name).exists()
        note = (config.quarantaine / (name + ".txt")).read_text(encoding="utf-8")
        assert "Motif :" in note and "Que faire" in note
    assert not config.registre.exists() or register_rows(config.registre) == []


@needs_samples
@pytest.mark.parametrize("letter_first", [True, False])
def test_letter_and_assignation_join_one_dossier_in_either_order(tmp_path, letter_first):
    from intake.pipeline import Intake

    letter = SAMPLES / "Courrier Préfecture Charente EXP 2025-1187.pdf"
    act = SAMPLES / "Assignation ROUSSEAU - Angoulême.pdf"
    config = Config.for_workspace(tmp_path, stabilite_secondes=0)
    config.ensure_folders()
    intake = Intake(config)
    results = []
    for sample in (letter, act) if letter_first else (act, letter):
        target = config.inbox / sample.name
        shutil.copy(sample, target)
        results.append(intake.handle(target))
    intake.flush()
    assert results[0].nouveau_dossier and not results[1].nouveau_dossier
    assert results[0].dossier == results[1].dossier
    (row,) = register_rows(config.registre)
    assert row["Référence"] == expected(letter)["reference"]
    assert row["Dette locative"] == pytest.approx(expected(act)["montant_dette"])
    assert row["Date d'audience"] == datetime.fromisoformat(expected(act)["date_audience"])


@needs_samples
def test_watcher_survives_a_share_that_disappears_and_comes_back(config, caplog):
    import logging

    config.ensure_folders()
    results = []
    w = InboxWatcher(config, polling=True, on_result=results.append)
    w.rescan_seconds = 0.5
    thread = threading.Thread(target=w.run, daemon=True)
    with caplog.at_level(logging.INFO, logger="asll"):
        thread.start()
        try:
            time.sleep(1.5)
            hidden = config.inbox.with_name("partage-coupe")
            config.inbox.rename(hidden)  # the network share goes away
            wait_until(lambda: "inaccessible" in caplog.text, timeout=20)
            hidden.rename(config.inbox)  # …and comes back
            wait_until(lambda: "de nouveau accessible" in caplog.text, timeout=20)
            sample = samples_of("assignation", ".pdf")[0]
            shutil.copy(sample, config.inbox / sample.name)
            wait_until(lambda: len(results) == 1, timeout=120)
        finally:
            w.stop()
            thread.join(30)
    assert results[0].resultat == "traité"
