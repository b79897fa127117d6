"""The restart loop of a batch, shared by `asll traiter` and the watcher.

`Intake.handle_many` stops at the first file whose turn raises an error that must leave it
in the inbox (disk full, share gone, register unreadable, tool failure). Here that file is
reported and left in place, and the batch restarts with the files after it, in order, so
that one bad file never holds up the others.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from intake.pipeline import Intake, IntakeResult
from intake.sandbox import ToolFailure

LEFT_IN_INBOX = (OSError, ToolFailure)


def handle_all(
    intake: Intake,
    paths: list[Path],
    on_result: Callable[[Path, IntakeResult], None],
    on_failure: Callable[[Path, Exception], None],
    should_stop: Callable[[], bool] = lambda: False,
    catch_bugs: bool = False,
) -> list[Path]:
    """Handle `paths` in order; returns those left unhandled because of a stop request.
    With `catch_bugs`, an unexpected exception (a bug of ours) is reported like a failure
    rather than ending the batch: a long-running watcher must go on with the other files."""
    remaining = list(paths)
    caught = Exception if catch_bugs else LEFT_IN_INBOX
    while remaining and not should_stop():
        try:
            for result in intake.handle_many(list(remaining)):  # a copy: popped below
                on_result(remaining.pop(0), result)
                if should_stop():
                    break
        except caught as exc:
            on_failure(remaining.pop(0), exc)
    return remaining
