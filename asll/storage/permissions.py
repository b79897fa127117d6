"""File permissions: what the tool writes is readable by its owner only, or also by the
configured group (RGPD: the documents name households)."""

from __future__ import annotations

import os
from pathlib import Path

from asll.config import Config


def private_umask(config: Config) -> None:
    """Files the tool creates are readable by their owner only, or also by the configured
    group (where the OS has such permissions)."""
    if os.name == "posix":
        os.umask(0o007 if config.groupe else 0o077)


def restrict(path: Path, config: Config) -> None:
    """A file moved in from the shared inbox keeps its permissions: restrict them."""
    if os.name == "posix":
        os.chmod(path, 0o660 if config.groupe else 0o600)
