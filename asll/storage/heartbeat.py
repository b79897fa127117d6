"""The watcher's heartbeat: a small state file rewritten every few seconds while it runs,
read by `asll etat` to tell a running watcher from a stopped one."""

from __future__ import annotations

import json
import os
import time
from datetime import datetime
from pathlib import Path

from asll.config import Config
from asll.storage.store import state_dir

HEARTBEAT_NAME = "surveillance.json"
HEARTBEAT_MARGIN_SECONDS = 60  # beyond the longest a single file may take


def heartbeat_path(config: Config) -> Path:
    return state_dir(config.registre) / HEARTBEAT_NAME


def write_heartbeat(config: Config, started: datetime) -> None:
    """Called by the watcher every few seconds."""
    path = heartbeat_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"pid": os.getpid(), "depuis": started.isoformat(), "vu": time.time()}),
        encoding="utf-8",
    )
    os.replace(tmp, path)


def clear_heartbeat(config: Config) -> None:
    heartbeat_path(config).unlink(missing_ok=True)
