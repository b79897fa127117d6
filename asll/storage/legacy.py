"""The register as versions before the database kept it: the workbook plus a journal.

Used once, by `asll migrer` (or the first opening of the database): the workbook as on
disk, with the journal entries it did not contain yet applied on top, as the journal's
writer did. What a person typed in the workbook wins over the journal, as it always did.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from pathlib import Path

from asll.domain.dossiers import apply_final_report, merge_into, new_dossier
from asll.domain.model import DOSSIER_DATE_FIELDS, Dossier, Extraction
from asll.domain.retention import ANONYMISED, anonymised
from asll.storage.register import DocumentRecord, Register

log = logging.getLogger("asll.registre")


def journal_entries(journal: Path, after: int = 0):
    """The journal's entries numbered after `after` (a line cut by a crash is skipped)."""
    if not journal.exists():
        return
    with open(journal, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                log.error("Ligne illisible dans le journal du registre : ignorée.")
                continue
            if entry.get("seq", 0) > after:
                yield entry


def read_legacy(workbook: Path, journal: Path) -> Register:
    """The workbook (a new one when absent) with the journal entries it lacks applied."""
    register = Register.open(workbook)
    for entry in journal_entries(journal, register.journal_seq):
        apply_entry(register, entry)
    return register


def apply_entry(register: Register, entry: dict) -> None:
    seq = entry["seq"]
    kind = entry["type"]
    if kind in ("document", "import") and register.has_journal_entry(seq):
        register.journal_seq = max(register.journal_seq, seq)
        return
    if kind == "document":
        doc = dict(entry["document"])
        doc["recu_le"] = datetime.fromisoformat(doc["recu_le"])
        numero = doc.get("dossier")
        if entry.get("extraction") and numero:
            extraction = Extraction.from_json(entry["extraction"])
            dossier = register.get(numero)
            if dossier is None:
                dossier = new_dossier(extraction, numero, doc["recu_le"].date())
                _assign(dossier, entry.get("affectation"))
            else:
                merge_into(dossier, extraction)
            register.put(dossier)
        register.add_document(DocumentRecord(**(doc | {"journal": seq})))
    elif kind == "import":
        dossier = Dossier.from_json(entry["dossier"])
        if register.get(dossier.numero) is None:
            register.put(dossier)
        register.add_document(
            DocumentRecord(
                recu_le=datetime.fromisoformat(entry["horodatage"]),
                fichier=entry["source"],
                sha256="",
                type="Import",
                dossier=dossier.numero,
                resultat="importé",
                remarque=f"ligne {entry['ligne']}",
                journal=seq,
            )
        )
    elif kind == "anonymisation":
        dossier = register.get(entry["dossier"])
        if dossier is not None:
            register.put(anonymised(dossier))
        register.anonymise_documents(entry["dossier"], ANONYMISED)
    elif kind == "rapport_final":
        dossier = register.get(entry["dossier"])
        if dossier is not None and apply_final_report(dossier, entry["valeurs"]):
            register.put(dossier)
    elif kind == "suivi":  # written by an intermediate version
        dossier = register.get(entry["dossier"])
        if dossier is not None:
            for name, value in entry["valeurs"].items():
                if name in DOSSIER_DATE_FIELDS and isinstance(value, str):
                    value = date.fromisoformat(value)
                setattr(dossier, name, value)
            register.put(dossier)
    elif kind == "brouillons":
        dossier = register.get(entry["dossier"])
        if dossier is not None:
            dossier.brouillons += [d for d in entry["brouillons"] if d not in dossier.brouillons]
            register.put(dossier)
    register.journal_seq = max(register.journal_seq, seq)


def _assign(dossier: Dossier, affectation: dict | None) -> None:
    if not affectation:
        return
    dossier.secteur, dossier.referent = affectation["secteur"], affectation["referent"]
    if not affectation["connue"]:
        dossier.champs_incertains.append("secteur")
