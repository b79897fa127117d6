"""The workspace the pages show, and its register, shared by every request.

One RegisterStore per workspace: it keeps the register in memory between requests and
serialises writes itself. The pages use its public interface only (dossiers(), view(),
record(), flush()), so the register's storage can change underneath them.
"""

from __future__ import annotations

import threading

from asll.config import Config
from asll.storage.store import RegisterStore

_lock = threading.Lock()
_config: Config | None = None
_store: RegisterStore | None = None


def use(config: Config) -> None:
    global _config, _store
    with _lock:
        _config, _store = config, None


def config() -> Config:
    if _config is None:
        raise RuntimeError("web: no workspace configured")
    return _config


def store() -> RegisterStore:
    global _store
    with _lock:
        if _store is None:
            _store = RegisterStore(config().registre, config().base_registre or None)
        return _store
