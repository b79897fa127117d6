"""Personal data: a person's right to see and to erase their data (RGPD).

The retention rules (what is due for purge, what anonymising keeps) are in
asll/domain/retention.py; this module applies them to the register and the files.
Social-support files follow the CNIL référentiel (délibération n° 2021-028): active use
until two years after the last contact, then destruction or anonymisation. Anonymising a
dossier keeps what the yearly figures count (commune, landlord, amounts, dates, the
workers' closed-list columns) and removes what identifies the household: adults and
children, address, prescriber's name, free-text notes, file names; its documents, their
provenance (where each value was read) and its drafts are deleted, its values in the register's audit and conflicts tables are cleared
(the database file is compacted so no deleted page keeps them), and the register's
backups (which still hold the names) are removed.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from asll.config import Config
from asll.domain.model import Dossier
from asll.storage.provenance import delete_provenance
from asll.storage.store import RegisterStore


@dataclass
class Erasure:
    dossiers: list[str] = field(default_factory=list)
    fichiers_supprimes: list[Path] = field(default_factory=list)
    sauvegardes_supprimees: int = 0


def files_of(numero: str, store: RegisterStore, config: Config) -> list[Path]:
    """The archived documents and the drafts of a dossier."""
    files = []
    for doc in store.view().documents():
        if doc.get("dossier") == numero and doc.get("classe_sous"):
            path = Path(doc["classe_sous"])
            path = path if path.is_absolute() else config.base / path
            if path.exists():
                files.append(path)
    if config.outbox.is_dir():
        files += sorted(p for p in config.outbox.rglob(f"{numero}_*") if p.is_file())
    return files


def erase(numeros: list[str], store: RegisterStore, config: Config, motif: str) -> Erasure:
    """Anonymise these dossiers everywhere the tool keeps them. Irreversible."""
    result = Erasure()
    for numero in numeros:
        for path in files_of(numero, store, config):
            path.unlink()
            result.fichiers_supprimes.append(path)
        for doc in store.view().documents():  # where its values were read
            if doc.get("dossier") == numero and doc.get("sha256"):
                delete_provenance(config.registre, doc["sha256"])
        store.record({"type": "anonymisation", "dossier": numero, "motif": motif})
        result.dossiers.append(numero)
    if numeros:
        store.scrub(set(numeros))
        waiting = store.flush()
        if waiting is None:
            result.sauvegardes_supprimees = store.drop_backups()
    return result


def export_person(
    dossiers: list[Dossier], store: RegisterStore, config: Config, nom: str, destination: Path
) -> Path:
    """A folder with everything the service holds on these dossiers (right of access)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = destination / f"export-{stamp}"
    folder.mkdir(parents=True)
    data = {
        "demande": {"nom": nom, "date": date.today().isoformat()},
        "dossiers": [d.to_json() for d in dossiers],
        "documents_recus": [
            {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in doc.items()}
            for doc in store.view().documents()
            if doc.get("dossier") in {d.numero for d in dossiers}
        ],
        "historique": [
            {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items()}
            for row in store.history({d.numero for d in dossiers})
        ],
    }
    (folder / "donnees.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    for dossier in dossiers:
        target = folder / dossier.numero
        target.mkdir()
        for path in files_of(dossier.numero, store, config):
            shutil.copy2(path, target / path.name)
    return folder
