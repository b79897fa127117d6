"""What staff do with a file set aside (à trier, quarantaine): attach it to a dossier, read
it again with the type they chose, or set it aside for good with a reason.

A file is named by its folder (`a-trier`, `quarantaine`) and its name as listed here,
never by a path: a name that is not in the listing is refused, so no request reaches a
file elsewhere. Nothing is deleted: the file moves (to the dossier's archive, or to
`mis-de-cote/`) with its note, and its row in the register follows (same SHA-256).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from asll.config import Config
from asll.domain.dossiers import nature_for
from asll.domain.labels import TYPES_DOCUMENT
from asll.domain.sectors import assign
from asll.storage.provenance import save_provenance
from asll.storage.register import DocumentRecord
from asll.storage.store import RegisterStore, document_entry, drafts_entry, refile_entry
from intake.inbox import archive_name
from intake.outcomes import TRAITE, IntakeResult
from intake.pipeline import (
    draft_for,
    move_file,
    relative_to_base,
    sha256_of,
    unique_destination,
)
from intake.sandbox import extract_isolated

MIS_DE_COTE = "mis de côté"
FOLDERS = {"a-trier": "à trier", "quarantaine": "quarantaine"}


class TriageRefused(Exception):
    """A request staff must read (in French): nothing was moved nor changed."""


@dataclass
class AsideFile:
    dossier: str  # the folder's key: "a-trier" or "quarantaine"
    fichier: str
    motif: str
    path: Path


def folder_of(config: Config, key: str) -> Path:
    if key == "a-trier":
        return config.a_trier
    if key == "quarantaine":
        return config.quarantaine
    raise TriageRefused("Ce dossier de fichiers mis à part n'existe pas.")


def listing(config: Config, key: str) -> list[AsideFile]:
    """The files of one folder, each with the reason read in its note."""
    folder = folder_of(config, key)
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix == ".txt" and path.with_suffix("").is_file():
            continue  # the note of the file beside it
        out.append(AsideFile(key, path.name, _reason(_note(path)), path))
    return out


def find(config: Config, key: str, name: str) -> AsideFile:
    for item in listing(config, key):
        if item.fichier == name:
            return item
    raise TriageRefused(f"Le fichier « {name} » n'est plus dans « {FOLDERS.get(key, key)} ».")


def attach(
    config: Config, store: RegisterStore, key: str, name: str, numero: str, auteur: str
) -> Path:
    """File the document into dossier `numero`, in its archive; the register says so."""
    item = find(config, key, name)
    if store.view().get(numero) is None:
        raise TriageRefused(f"Le dossier {numero} n'existe pas.")
    now = datetime.now().replace(microsecond=0)
    destination = unique_destination(config.archive / now.strftime("%Y-%m"), item.fichier)
    sha = sha256_of(item.path)
    values = {
        "dossier": numero,
        "resultat": TRAITE,
        "remarque": f"Rattaché au dossier par {auteur}.",
        "classe_sous": relative_to_base(destination, config),
    }
    if store.knows(sha):
        store.record(refile_entry(sha, values, auteur))
    else:  # put there by hand: the register learns the file now
        record = DocumentRecord(now, item.fichier, sha, TYPES_DOCUMENT["inconnu"], **values)
        store.record(document_entry(record))
    _move_with_note(item.path, destination, config)
    return destination


def set_aside(
    config: Config, store: RegisterStore, key: str, name: str, motif: str, auteur: str
) -> Path:
    """Move the file to `config.mis_de_cote` (`mis-de-cote/`) with a note giving `motif`;
    nothing is deleted."""
    motif = " ".join(motif.split())
    if not motif:
        raise TriageRefused("Indiquez pourquoi ce fichier est mis de côté.")
    item = find(config, key, name)
    now = datetime.now().replace(microsecond=0)
    destination = unique_destination(config.mis_de_cote, item.fichier)
    sha = sha256_of(item.path)
    values = {
        "resultat": MIS_DE_COTE,
        "remarque": f"{motif} ({auteur})",
        "classe_sous": relative_to_base(destination, config),
    }
    if store.knows(sha):
        store.record(refile_entry(sha, values, auteur))
    note = item.path.with_name(item.path.name + ".txt")
    move_file(item.path, destination, config)
    earlier = note.read_text(encoding="utf-8", errors="replace") if note.is_file() else ""
    text = (
        f"Fichier : {item.fichier}\n"
        f"Mis de côté le : {now.strftime('%d/%m/%Y à %H:%M')} par {auteur}\n"
        f"Empreinte SHA-256 : {sha}\n"
        f"Motif : {motif}\n"
    )
    if earlier:
        text += f"\nNote précédente ({FOLDERS[key]}) :\n{earlier}"
    destination.with_name(destination.name + ".txt").write_text(text, encoding="utf-8")
    if note.is_file():
        move_file(note, _aside_of(note, destination), config)
    return destination


def reread(
    config: Config, store: RegisterStore, key: str, name: str, type_document: str
) -> IntakeResult:
    """Read the file again as `type_document` (a person's choice) and file it as the
    pipeline would have: into the dossier it matches, or a new one, with its draft. The
    file already received keeps its register row, which now says where it went."""
    if type_document not in TYPES_DOCUMENT or type_document == "inconnu":
        raise TriageRefused("Choisissez le type du document.")
    item = find(config, key, name)
    sha = sha256_of(item.path)
    outcome = extract_isolated(
        item.path,
        config.delai_max_secondes,
        config.memoire_max_mo,
        config.regles,
        forced_type=type_document,
    )
    if not outcome.ok:
        raise TriageRefused(f"Le fichier n'a pas pu être relu : {outcome.reason}")
    extraction = outcome.extraction
    extraction.fichier = archive_name(item.fichier)
    if nature_for(extraction) is None:
        raise TriageRefused(
            f"Lu comme « {TYPES_DOCUMENT[type_document]} », ce document ne donne pas de "
            "quoi ouvrir ou compléter un dossier : il reste où il est."
        )
    now = datetime.now().replace(microsecond=0)
    destination = unique_destination(config.archive / now.strftime("%Y-%m"), extraction.fichier)
    remarque = f"Relu comme « {TYPES_DOCUMENT[type_document]} » à la demande du service."
    entry = store.record(
        document_entry(
            DocumentRecord(
                recu_le=now,
                fichier=extraction.fichier,
                sha256=sha,
                type=TYPES_DOCUMENT[type_document],
                dossier=None,
                resultat=TRAITE,
                remarque=remarque,
                classe_sous=relative_to_base(destination, config),
            ),
            extraction,
            affectation=assign(extraction.commune, config),
            match=True,
        )
        | {"reprise": True}
    )
    numero = entry["dossier"]
    try:
        save_provenance(config, sha, extraction.provenance)
    except OSError:  # the dossier page then shows the values without their image
        pass
    drafts, problem = draft_for(store.view().get(numero), extraction, config)
    if drafts:
        store.record(drafts_entry(numero, [p.name for p in drafts]))
    _move_with_note(item.path, destination, config)
    return IntakeResult(
        extraction.fichier, TRAITE, numero, entry["nouveau"], drafts, problem or None, destination
    )


def _move_with_note(path: Path, destination: Path, config: Config) -> None:
    note = path.with_name(path.name + ".txt")
    move_file(path, destination, config)
    if note.is_file():  # kept beside the file: the story of how it was set aside
        move_file(note, _aside_of(note, destination), config)


def _aside_of(note: Path, destination: Path) -> Path:
    """Where the old note goes beside the file's new place (never over its new note)."""
    return unique_destination(destination.parent, f"{destination.name}.note-initiale.txt")


def _note(path: Path) -> Path:
    return path.with_name(path.name + ".txt")


def _reason(note: Path) -> str:
    try:
        lines = note.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return "motif non précisé"
    return next(
        (line.split(":", 1)[1].strip() for line in lines if line.startswith("Motif :")),
        "motif non précisé",
    )
