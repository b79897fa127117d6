"""A file's outcome through intake: where it ended and why (see `pipeline.py`).

Kept apart from the pipeline so that the command line can name outcomes without
importing the register's libraries (`asll extract` must start fast).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

TRAITE, DOUBLON, A_TRIER, QUARANTAINE = "traité", "doublon", "à trier", "quarantaine"


@dataclass
class IntakeResult:
    fichier: str
    resultat: str
    dossier: str | None = None
    nouveau_dossier: bool = False
    brouillons: list[Path] = field(default_factory=list)
    motif: str | None = None  # why it was set aside, or a note for staff on a handled file
    classe_sous: Path | None = None
    erreur_interne: bool = False
