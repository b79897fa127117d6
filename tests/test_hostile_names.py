"""File names as they come from real shares: nothing overwritten, nothing outside its folder,
every name (and its note) within the file system's 255 bytes, the register still readable."""

import os
import unicodedata
from pathlib import Path

from openpyxl import load_workbook

from asll.config import PROJECT_ROOT
from intake.inbox import archive_name
from intake.pipeline import QUARANTAINE, TRAITE, Intake, unique_destination

SAMPLE = PROJECT_ROOT / "samples" / "documents" / "assignation MARTIN.pdf"
NFC = unicodedata.normalize("NFC", "Élodie Hérault – courrier.pdf")
NFD = unicodedata.normalize("NFD", NFC)
NAMES = [
    NFC,
    NFD,
    "avec  des   espaces .pdf",
    "é" * 120 + ".pdf",
    "x" * 251 + ".pdf",
    "CASSE.pdf",
    "casse.pdf",
    "a..b.pdf",
    "...pdf"[1:] + "x.pdf",
    "-rf.pdf",
    "--help.pdf",
    "=SOMME(A1).pdf",
    "retour\nà la ligne\x01.pdf",
    "a..\\..\\b.pdf",
]


def within(path: Path, folder: Path) -> bool:
    return path.resolve().parent.is_relative_to(folder.resolve())


def test_awkward_names_are_filed_inside_their_folder_without_overwriting(config):
    data = SAMPLE.read_bytes()
    for i, name in enumerate(NAMES):
        (config.inbox / name).write_bytes(data + b"\n%" + str(i).encode())  # distinct files
    # a name that is not UTF-8 (an old share read as Latin-1), and a broken document
    latin1 = os.path.join(os.fsencode(config.inbox), "Fiche ASLL été.docx".encode("cp1252"))
    with open(latin1, "wb") as handle:
        handle.write(b"pas un document Word")
    intake = Intake(config)
    results = list(intake.handle_many(sorted(config.inbox.iterdir())))
    assert intake.flush() is None
    total = len(NAMES) + 1

    assert len(results) == total and not any(config.inbox.iterdir())
    filed = [r.classe_sous for r in results]
    assert len(set(filed)) == total  # nothing overwritten
    for result in results:
        folder = config.archive if result.resultat == TRAITE else config.quarantaine
        assert within(result.classe_sous, folder), result.classe_sous
        assert result.classe_sous.is_file()
        assert len(result.classe_sous.name.encode("utf-8")) + len(".txt") <= 255
    assert {r.resultat for r in results[:-1]} | {results[-1].resultat} <= {TRAITE, QUARANTAINE}
    latin = next(r for r in results if r.fichier.startswith("Fiche ASLL"))
    assert latin.fichier == "Fiche ASLL été.docx" and latin.resultat == QUARANTAINE
    assert (config.quarantaine / "Fiche ASLL été.docx.txt").is_file()
    # NFC and NFD are two files, both kept; so are names differing only by case
    archived = {p.name for p in config.archive.rglob("*.pdf")}
    assert NFC in archived and NFD in archived
    assert {"CASSE.pdf", "casse.pdf", "-rf.pdf", "--help.pdf", "a..b.pdf"} <= archived
    assert "retour_à la ligne_.pdf" in archived

    workbook = load_workbook(config.registre)
    rows = [r for r in workbook["Documents reçus"].iter_rows(min_row=2, values_only=True) if any(r)]
    assert len(rows) == total
    assert any(cell == "=SOMME(A1).pdf" for row in rows for cell in row)  # text, not a formula


def test_the_same_name_dropped_twice_with_different_content_keeps_both(config):
    data = SAMPLE.read_bytes()
    intake = Intake(config)
    first_name = "ﬁche " + "très long nom de courrier " * 9 + ".pdf"
    name = archive_name(first_name)
    for version in (b"1", b"2", b"3"):
        (config.inbox / first_name).write_bytes(data + b"\n%" + version)
        result = intake.handle(config.inbox / first_name)
        assert result.resultat == TRAITE
    files = sorted(p.name for p in config.archive.rglob("*.pdf"))
    assert len(files) == 3
    assert all(len(f.encode()) + 4 <= 255 for f in files)
    assert sum(f.endswith("-v2.pdf") for f in files) == 1
    assert sum(f.endswith("-v3.pdf") for f in files) == 1
    assert name in files


def test_a_long_name_already_taken_is_shortened_not_overflowed(tmp_path):
    stem = "é" * 125  # 250 bytes
    for suffix in (".pdf", ""):
        taken = unique_destination(tmp_path, stem + suffix)
        taken.write_bytes(b"x")  # filesystems refuse a name over 255 bytes: this must work
        taken.with_name(taken.name + ".txt").write_text("note")
        second = unique_destination(tmp_path, stem + suffix)
        second.write_bytes(b"y")
        second.with_name(second.name + ".txt").write_text("note")
        assert second != taken and second.parent == tmp_path
        assert second.name.endswith("-v2" + suffix)
        assert taken.read_bytes() == b"x"


def test_archive_name_is_readable_and_fits():
    assert archive_name("courrier.pdf") == "courrier.pdf"
    assert archive_name("a\x00b\tc.pdf") == "a_b_c.pdf"
    assert archive_name(os.fsdecode(b"caf\xe9.pdf")) == "café.pdf"
    long = archive_name("ab" * 200 + ".docx")
    assert long.endswith("….docx") and len(long.encode()) <= 245
