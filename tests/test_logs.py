"""The log file beside the register, and the progress bar of batches run by hand."""

from __future__ import annotations

import io
import logging
import os
import re
import stat
import sys

import pytest

from asll.app.logs import (
    BACKUP_COUNT,
    Progress,
    close_file_log,
    describe_error,
    format_duration,
    setup_file_log,
)
from asll.config import Config


def _read(path):
    for handler in logging.getLogger("asll").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_log_file_beside_the_register_in_french(config):
    path = setup_file_log(config)
    assert path == (config.registre.parent / ".asll" / "asll.log").absolute()
    log = logging.getLogger("asll.intake")
    log.info(
        "Fichier %s… traité : dossier %s créé, %d brouillon(s).", "3f2a9c01b7e4", "ESU-2025-0001", 1
    )
    log.warning("Registre non enregistré : le registre est ouvert dans Excel.")
    log.debug("détail non écrit")
    lines = _read(path).splitlines()
    assert len(lines) == 2
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d INFO Fichier 3f2a9c01b7e4… traité : "
        r"dossier ESU-2025-0001 créé, 1 brouillon\(s\)\.",
        lines[0],
    )
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ATTENTION Registre non enregistré.*", lines[1]
    )


def test_setup_twice_adds_one_handler(config):
    setup_file_log(config)
    setup_file_log(config)
    logging.getLogger("asll").info("une fois")
    assert _read(setup_file_log(config)).count("une fois") == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_log_file_is_owner_only(config):
    path = setup_file_log(config)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_rotation_keeps_five_files(config, monkeypatch):
    path = setup_file_log(config)
    handler = next(
        h
        for h in logging.getLogger("asll").handlers
        if getattr(h, "baseFilename", None) == str(path)
    )
    handler.maxBytes = 2000
    for i in range(400):
        logging.getLogger("asll").info("ligne %d — accentuée é à ç", i)
    names = sorted(p.name for p in path.parent.glob("asll.log*"))
    assert names == ["asll.log"] + [f"asll.log.{i}" for i in range(1, BACKUP_COUNT + 1)]
    if sys.platform != "win32":
        assert all(stat.S_IMODE(os.stat(p).st_mode) == 0o600 for p in path.parent.glob("asll.log*"))
    assert "accentuée é à ç" in _read(path)


def test_traceback_without_the_message(config):
    path = setup_file_log(config)
    console = io.StringIO()
    handler = logging.StreamHandler(console)
    logging.getLogger("asll").addHandler(handler)
    try:
        try:
            float("MARTIN Kévin, 14 rue des Anémones")
        except ValueError:
            logging.getLogger("asll.intake").exception(
                "Erreur interne sur le fichier %s…", "3f2a9c01b7e4"
            )
    finally:
        logging.getLogger("asll").removeHandler(handler)
    text = _read(path)
    assert "ERREUR Erreur interne sur le fichier 3f2a9c01b7e4…" in text
    assert "Traceback" in text and "ValueError (détail masqué" in text
    assert "MARTIN" not in text.replace('float("MARTIN', "")  # only the source line
    assert "MARTIN Kévin" in console.getvalue()  # the console (-v) keeps everything


def test_unwritable_log_is_not_fatal(tmp_path):
    blocker = tmp_path / "espace"
    blocker.mkdir()
    (blocker / ".asll").write_text("un fichier, pas un dossier", encoding="utf-8")
    config = Config.for_workspace(blocker)
    try:
        assert setup_file_log(config) is None
    finally:
        close_file_log()


def test_describe_error_drops_file_names():
    exc = OSError(28, "No space left on device", "/srv/inbox/assignation MARTIN.pdf")
    assert describe_error(exc) == "OSError : No space left on device (errno 28)"
    exc = PermissionError(13, "Permission denied", "a.pdf", "b.pdf")
    assert "a.pdf" not in describe_error(exc) and "errno 13" in describe_error(exc)
    assert describe_error(ValueError("mauvais modèle")) == "ValueError : mauvais modèle"


# ---------------------------------------------------------------------- progress
def test_progress_text():
    p = Progress(40, stream=io.StringIO(), width=10)
    assert p.text(0, 0) == "[..........] 0/40 — reste : calcul…"
    assert p.text(12, 24) == "[###.......] 12/40 — reste ~1 min"  # 2 s × 28 = 56 s
    assert p.text(12, 30) == "[###.......] 12/40 — reste ~2 min"  # 70 s, rounded up
    assert p.text(20, 300) == "[#####.....] 20/40 — reste ~5 min"
    assert p.text(39, 390) == "[#########.] 39/40 — reste ~10 s"
    assert p.text(40, 400) == "[##########] 40/40 — terminé en 7 min"
    assert Progress(0, stream=io.StringIO(), width=4).text(0, 0) == "[####] 0/0 — terminé en 1 s"


@pytest.mark.parametrize(
    "seconds, text",
    [
        (0, "1 s"),
        (3.2, "4 s"),
        (12, "15 s"),
        (57, "1 min"),
        (60, "1 min"),
        (61, "2 min"),
        (3599, "1 h 00"),
        (3900, "1 h 05"),
        (-5, "1 s"),
    ],
)
def test_durations(seconds, text):
    assert format_duration(seconds) == text


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_draws_only_on_a_terminal():
    plain = io.StringIO()
    p = Progress(3, stream=plain)
    assert not p.enabled
    p.update(1)
    p.clear()
    p.finish()
    assert plain.getvalue() == ""
    assert p.prefix(2) == "[2/3] "

    tty = _Tty()
    now = [100.0]
    p = Progress(3, stream=tty, width=3, clock=lambda: now[0])
    assert p.enabled and p.prefix(2) == ""
    p.update(0)
    now[0] += 10
    p.clear()
    p.update(1)
    now[0] += 10
    p.finish()
    out = tty.getvalue()
    assert out.startswith("\r[...] 0/3 — reste : calcul…")
    assert (
        out
        == (
            "\r[...] 0/3 — reste : calcul…"
            "\r" + " " * 27 + "\r"  # cleared before a result line
            "\r[#..] 1/3 — reste ~20 s"
            "\r[#..] 1/3 — reste ~40 s\n"
        )
    )


def test_progress_without_stderr_is_silent(monkeypatch):
    """pythonw (the Windows scheduled task) has no stderr at all."""
    monkeypatch.setattr(sys, "stderr", None)
    p = Progress(2)
    assert not p.enabled
    p.update(1)
    p.clear()
    p.finish()
    assert p.prefix(1) == "[1/2] "


def test_console_log_lines_erase_the_bar_first():
    tty = _Tty()
    logger = logging.getLogger("asll")
    console = logging.StreamHandler(tty)
    logger.addHandler(console)
    try:
        p = Progress(2, stream=tty, width=2, clock=lambda: 0.0)
        with p.above_logs():
            p.update(0)
            logging.getLogger("asll.intake").warning("Fichier abc… quarantaine")
        logging.getLogger("asll.intake").warning("après")
    finally:
        logger.removeHandler(console)
    drawn = "\r[..] 0/2 — reste : calcul…"
    assert tty.getvalue() == (
        drawn + "\r" + " " * (len(drawn) - 1) + "\r" + "Fichier abc… quarantaine\n" + "après\n"
    )
