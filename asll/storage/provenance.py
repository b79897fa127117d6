"""Where each value of a filed document was read, kept for the dossier page:
`.asll/provenance/<sha256>.json` beside the register, one small file per document (the
register's schema is left as it is).

    save_provenance(config, sha256, provenance) -> None
    load_provenance(register_path, sha256) -> dict  ({} when unknown)
    delete_provenance(register_path, sha256) -> None  (a dossier anonymised: for a Word
        document it holds the paragraph a value was read from)
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from asll.config import Config

from .permissions import restrict
from .store import state_dir

FOLDER = "provenance"
_SHA = re.compile(r"[0-9a-f]{64}")


def _path(register_path: Path, sha256: str) -> Path:
    if not _SHA.fullmatch(sha256):  # the name is a file name: nothing else gets in
        raise ValueError("not a SHA-256")
    return state_dir(Path(register_path)) / FOLDER / f"{sha256}.json"


def save_provenance(config: Config, sha256: str, provenance: dict) -> None:
    """Written whole then renamed: a reader never sees half a file."""
    if not provenance:
        return
    path = _path(config.registre, sha256)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(provenance, ensure_ascii=False), encoding="utf-8")
    restrict(tmp, config)
    os.replace(tmp, path)


def load_provenance(register_path: Path, sha256: str) -> dict:
    try:
        data = json.loads(_path(register_path, sha256).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def delete_provenance(register_path: Path, sha256: str) -> None:
    try:
        _path(register_path, sha256).unlink(missing_ok=True)
    except ValueError:  # not a SHA-256: no such file
        pass
