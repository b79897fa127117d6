"""Which inbox files are read, and when: lock files never, half-copied files not yet."""

import threading
import time
from pathlib import Path

from intake.inbox import StabilityTracker, is_ignored, wait_until_stable, waiting_files


def test_office_locks_and_temporary_files_are_ignored(tmp_path):
    for name in (
        "~$registre.xlsx",
        ".~lock.registre.xlsx#",
        "copie.tmp",
        "gros.pdf.part",
        "Thumbs.db",
        ".DS_Store",
        "assignation MARTIN.pdf",
        "Fiche ASLL – Cognac.docx",
    ):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in waiting_files(tmp_path)] == sorted(
        ["assignation MARTIN.pdf", "Fiche ASLL – Cognac.docx"],
        key=lambda n: ((tmp_path / n).stat().st_mtime, n),
    )
    assert is_ignored(Path("COPIE.TMP"))
    assert not is_ignored(Path("tmp-courrier.pdf"))


def test_a_growing_file_is_not_ready_until_it_stops_changing(tmp_path):
    clock = [0.0]
    tracker = StabilityTracker(3.0, clock=lambda: clock[0])
    path = tmp_path / "courrier.pdf"
    path.write_bytes(b"%PDF-1.7 start")
    tracker.watch(path)
    assert tracker.ready() == []
    clock[0] = 2.0
    with open(path, "ab") as handle:
        handle.write(b" suite")
    assert tracker.ready() == []  # grew: the clock restarts
    clock[0] = 4.0
    assert tracker.ready() == []
    clock[0] = 5.1
    assert tracker.ready() == [path]


def test_wait_until_stable_returns_after_a_slow_copy_ends(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"")

    def slow_copy():
        for _ in range(5):
            with open(path, "ab") as handle:
                handle.write(b"x" * 4096)
            time.sleep(0.2)

    writer = threading.Thread(target=slow_copy)
    writer.start()
    started = time.monotonic()
    ready = wait_until_stable([path], seconds=0.5, poll=0.05)
    writer.join()
    assert ready == [path]
    assert path.stat().st_size == 5 * 4096
    assert time.monotonic() - started >= 0.8


def test_a_file_removed_while_waiting_is_dropped(tmp_path):
    path = tmp_path / "perdu.pdf"
    path.write_bytes(b"x")
    tracker = StabilityTracker(0.0)
    tracker.watch(path)
    path.unlink()
    assert tracker.ready() == [] and tracker.pending() == []


def test_a_file_failing_for_an_outside_reason_is_tried_less_and_less_often():
    from intake.inbox import RetryDelays, in_words

    now = [1000.0]
    retries = RetryDelays(clock=lambda: now[0])
    path = Path("inbox/assignation.pdf")
    assert retries.due(path)
    delays = [retries.failed(path) for _ in range(8)]
    assert delays == [10, 20, 40, 80, 160, 300, 300, 300]
    assert not retries.due(path)
    now[0] += 299
    assert not retries.due(path)
    now[0] += 1
    assert retries.due(path)
    retries.succeeded(path)  # the fault is gone: the next failure starts again at 10 s
    assert retries.failed(path) == 10
    assert [in_words(s) for s in (10, 80, 300)] == ["10 s", "1 min 20 s", "5 min"]
