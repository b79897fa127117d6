"""What an agent asks: is the watcher running, what is waiting, what went wrong, what is due."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from asll.config import Config
from asll.domain.deadlines import DEADLINE_FIELDS, Deadline, due
from asll.storage.heartbeat import HEARTBEAT_MARGIN_SECONDS, heartbeat_path
from asll.storage.store import RegisterStore, Waiting
from intake.inbox import ignored_documents, waiting_files


@dataclass
class Quarantined:
    fichier: str
    motif: str


@dataclass
class Status:
    surveillance: str  # French sentence
    en_attente: list[str] = field(default_factory=list)
    ignores: list[str] = field(default_factory=list)  # never read: hidden names, shortcuts
    quarantaine: list[Quarantined] = field(default_factory=list)
    a_trier: list[Quarantined] = field(default_factory=list)
    registre: Waiting | None = None
    registre_erreur: str | None = None
    conflits: list[dict] = field(default_factory=list)  # cells a person and the tool changed
    rapports_dus: list[Deadline] = field(default_factory=list)
    en_retard: list[Deadline] = field(default_factory=list)


def gather_status(config: Config, today: date | None = None, days: int = 7) -> Status:
    today = today or date.today()
    status = Status(surveillance=_watcher_state(config))
    status.en_attente = [p.name for p in waiting_files(config.inbox)]
    status.ignores = [p.name for p in ignored_documents(config.inbox)]
    status.quarantaine = _notes(config.quarantaine)
    status.a_trier = _notes(config.a_trier)
    store = RegisterStore(config.registre, config.base_registre or None)
    try:
        status.registre = store.waiting()
        status.conflits = store.conflicts()
        late, coming = due(store.select(DEADLINE_FIELDS, open_only=True), today, days)
        status.en_retard = [d for d in late if d.quoi.startswith("Rapport")]
        status.rapports_dus = [d for d in coming if d.quoi.startswith("Rapport")]
    except OSError as exc:
        status.registre_erreur = str(exc)
    return status


def _watcher_state(config: Config) -> str:
    path = heartbeat_path(config)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "La surveillance du dossier d'arrivée n'est pas en marche."
    age = time.time() - data.get("vu", 0)
    since = datetime.fromisoformat(data["depuis"]).strftime("%d/%m/%Y à %H:%M")
    if age > config.delai_max_secondes + HEARTBEAT_MARGIN_SECONDS:
        return (
            f"La surveillance ne donne plus signe de vie depuis {int(age // 60)} min "
            "(arrêtée ou bloquée) : relancez-la."
        )
    return f"La surveillance est en marche depuis le {since}."


def _notes(folder: Path) -> list[Quarantined]:
    out = []
    if not folder.is_dir():
        return out
    for note in sorted(folder.glob("*.txt")):
        original = note.with_suffix("")
        if not original.exists():
            continue  # a .txt that is itself a document set aside, or a stray note
        reason = next(
            (
                line.split(":", 1)[1].strip()
                for line in note.read_text(encoding="utf-8", errors="replace").splitlines()
                if line.startswith("Motif :")
            ),
            "motif non précisé",
        )
        out.append(Quarantined(original.name, reason))
    return out
