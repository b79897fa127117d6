"""The service's register: one .xlsx workbook that staff also open and edit by hand.

This module is the only one that touches openpyxl for the register, so the storage can
change (a database server, say) without its callers changing.

Principles:
- the workbook is updated in place, never rebuilt: a column, a format or a value a person
  added stays as it is; columns are found by their header, so they may be moved;
- what a person typed in a cell wins: values read back from the sheet are the dossier;
- saves are atomic (temporary file in the same folder, flush, rename);
- a save serialises only the rows changed since this object's previous save of the same
  file (`splice_save`): the cost of filing a document does not grow with the register.
"""

from __future__ import annotations

import copy
import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from asll.domain import labels
from asll.domain.model import (
    CATEGORIES_REVENUS,
    DECISIONS_GTS,
    DISPOSITIFS,
    MOTIFS_FIN,
    MOTIFS_IMPAYE,
    OBJECTIFS,
    ORIGINES_DEMANDE,
    OUI_NON,
    PLANS_APUREMENT,
    PROPOSITIONS,
    RELOGEMENTS,
    REPRISES_PAIEMENT,
    RESULTATS_OBJECTIF,
    SITUATIONS_MESURE,
    STATUTS_DOSSIER,
    SURENDETTEMENT,
    Dossier,
    Personne,
    Ressource,
)
from asll.storage.splice_save import fingerprint, save_spliced

SHEET_DOSSIERS = "Dossiers"
SHEET_DOCUMENTS = "Documents reçus"
SHEET_DATA = "_donnees"  # hidden: list-valued fields (children, resources, objectives) as JSON
SHEET_LISTS = "Listes"  # hidden: the closed lists behind the drop-downs, as named ranges
SHEET_DEADLINES = "Échéances"
SHEET_STATE = "_etat"  # hidden: the last journal entry this workbook contains

MAX_ROWS = 100000  # drop-downs cover this many rows
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
EURO_FORMAT = '#,##0.00\\ "€"'
UNCERTAIN_FILL = PatternFill("solid", fgColor="FFD966")
LATE_FILL = PatternFill("solid", bgColor="F4B6B6")  # a conditional format's fill
LATE_FONT = Font(bold=True, color="9C0006")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
STAFF_HEADER_FILL = PatternFill("solid", fgColor="548235")  # green: columns workers fill


@dataclass(frozen=True)
class Column:
    key: str  # Dossier attribute, or "personne1.nom" style for the adults
    header: str
    kind: str = "text"  # text | date | euro | int
    width: int = 16
    # Closed list shown as a drop-down: a dict maps the model's codes to labels, a tuple
    # holds labels stored as they are.
    choices: dict | tuple | None = None
    filled_by_staff: bool = False

    @property
    def labels(self) -> tuple:
        return tuple(self.choices.values()) if isinstance(self.choices, dict) else self.choices


COLUMNS = (
    Column("numero", "N° dossier", width=15),
    Column("nature", "Nature", width=8),
    Column("statut", "Statut", width=14, choices=STATUTS_DOSSIER, filled_by_staff=True),
    Column("date_ouverture", "Ouvert le", "date", 11),
    Column("secteur", "Secteur", width=18),
    Column("referent", "Référent", width=18),
    Column("personne1.civilite", "Civilité 1", width=8),
    Column("personne1.nom", "Nom 1", width=18),
    Column("personne1.prenom", "Prénom 1", width=14),
    Column("personne1.date_naissance", "Né(e) le 1", "date", 11),
    Column("personne2.civilite", "Civilité 2", width=8),
    Column("personne2.nom", "Nom 2", width=18),
    Column("personne2.prenom", "Prénom 2", width=14),
    Column("personne2.date_naissance", "Né(e) le 2", "date", 11),
    Column("adresse", "Adresse", width=28),
    Column("complement_adresse", "Complément d'adresse", width=22),
    Column("code_postal", "Code postal", width=9),
    Column("commune", "Commune", width=18),
    Column("statut_occupation", "Statut d'occupation", width=22, choices=labels.STATUTS_OCCUPATION),
    Column("bailleur", "Bailleur", width=24),
    Column("loyer_mensuel", "Loyer mensuel", "euro", 13),
    Column("montant_dette", "Dette locative", "euro", 13),
    Column("date_dette", "Dette arrêtée au", "date", 11),
    Column("juridiction", "Juridiction", width=30),
    Column("date_audience", "Date d'audience", "date", 11),
    Column("heure_audience", "Heure d'audience", width=11),
    Column("commissaire_justice", "Commissaire de justice", width=20),
    Column("reference", "Référence", width=18),
    # What an act states beyond the contract's keys, for items 7 and 8 of the DSF.
    Column("numero_rg", "N° RG", width=12),
    Column("adresse_bailleur", "Adresse du bailleur", width=30),
    Column("mandataire", "Mandataire du bailleur", width=22),
    Column("date_bail", "Bail du", "date", 11),
    Column("type_logement", "Type de logement", width=10),
    Column("loyer_hors_charges", "Loyer hors charges", "euro", 13),
    Column("charges", "Charges locatives", "euro", 13),
    Column("date_commandement", "Commandement de payer du", "date", 11),
    Column("montant_commandement", "Montant du commandement", "euro", 13),
    Column("date_effet_clause", "Clause résolutoire acquise le", "date", 11),
    Column("date_assignation", "Assignation délivrée le", "date", 11),
    Column("date_document", "Date de la saisine", "date", 11),
    Column("date_limite", "Rapport attendu le", "date", 11),
    Column("type_mesure", "Type de mesure", width=14, choices=labels.TYPES_MESURE),
    Column("prescripteur", "Prescripteur", width=20),
    Column("organisme_prescripteur", "Organisme prescripteur", width=24),
    Column("composition", "Composition", width=12, choices=labels.COMPOSITIONS),
    Column("nb_enfants", "Enfants", "int", 8),
    Column("ressources", "Ressources", width=30),
    Column("champs_incertains", "Champs à vérifier", width=24),
    Column("brouillons", "Brouillons", width=30),
    # Filled by workers as the case goes on.
    Column(
        "origine_demande",
        "Origine de la demande",
        width=22,
        choices=ORIGINES_DEMANDE,
        filled_by_staff=True,
    ),
    Column(
        "situation_mesure",
        "Situation de la mesure",
        width=20,
        choices=SITUATIONS_MESURE,
        filled_by_staff=True,
    ),
    Column("menage_rencontre", "Ménage rencontré", width=11, choices=OUI_NON, filled_by_staff=True),
    Column("tentatives_contact", "Tentatives de contact", width=26, filled_by_staff=True),
    Column("nb_tentatives_contact", "Nombre de tentatives", "int", 10, filled_by_staff=True),
    Column("date_entretien", "Date d'entretien", "date", 11, filled_by_staff=True),
    Column("date_envoi_rapport", "Rapport envoyé le", "date", 11, filled_by_staff=True),
    # Items 9 to 12 of the DSF.
    Column(
        "reprise_paiement",
        "Reprise du paiement",
        width=16,
        choices=REPRISES_PAIEMENT,
        filled_by_staff=True,
    ),
    Column("reprise_depuis", "Reprise depuis le", "date", 11, filled_by_staff=True),
    Column("reprise_montant", "Montant versé par mois", "euro", 13, filled_by_staff=True),
    *(
        column
        for code, (label, statuses) in DISPOSITIFS.items()
        for column in (
            Column(
                f"{code}_statut",
                f"{label} : statut",
                width=16,
                choices=statuses,
                filled_by_staff=True,
            ),
            Column(f"{code}_date", f"{label} : date", "date", 11, filled_by_staff=True),
            Column(f"{code}_montant", f"{label} : montant", "euro", 13, filled_by_staff=True),
        )
    ),
    Column(
        "ressources_mensuelles",
        "Ressources mensuelles (hors aide au logement)",
        "euro",
        15,
        filled_by_staff=True,
    ),
    Column("aide_logement", "Aide au logement (APL / AL)", "euro", 13, filled_by_staff=True),
    Column("charges_mensuelles", "Charges fixes hors loyer", "euro", 13, filled_by_staff=True),
    Column("plan_mensualite", "Plan proposé : mensualité", "euro", 13, filled_by_staff=True),
    Column("plan_duree_mois", "Plan proposé : nombre de mois", "int", 10, filled_by_staff=True),
    Column(
        "motif_impaye", "Motif de l'impayé", width=22, choices=MOTIFS_IMPAYE, filled_by_staff=True
    ),
    Column(
        "categorie_revenus", "Revenus", width=13, choices=CATEGORIES_REVENUS, filled_by_staff=True
    ),
    Column("aide_fsl", "Dossier FSL", width=10, choices=OUI_NON, filled_by_staff=True),
    Column(
        "mesure_protection", "Mesure de protection", width=12, choices=OUI_NON, filled_by_staff=True
    ),
    Column("date_debut_mesure", "Début de la mesure", "date", 11, filled_by_staff=True),
    Column("date_fin_mesure", "Fin de la mesure", "date", 11, filled_by_staff=True),
    Column("renouvellements", "Renouvellements", "int", 10, filled_by_staff=True),
    *(
        Column(
            f"resultat.{code}",
            f"Résultat : {label}",
            width=16,
            choices=RESULTATS_OBJECTIF,
            filled_by_staff=True,
        )
        for code, label in labels.OBJECTIFS.items()
    ),
    Column("dette_debut_mesure", "Dette au début de la mesure", "euro", 13, filled_by_staff=True),
    Column("dette_fin_mesure", "Dette à la fin de la mesure", "euro", 13, filled_by_staff=True),
    Column(
        "plan_apurement",
        "Plan d'apurement",
        width=14,
        choices=PLANS_APUREMENT,
        filled_by_staff=True,
    ),
    Column(
        "surendettement", "Surendettement", width=14, choices=SURENDETTEMENT, filled_by_staff=True
    ),
    Column("relogement", "Relogement", width=12, choices=RELOGEMENTS, filled_by_staff=True),
    Column("motif_fin", "Motif de fin", width=22, choices=MOTIFS_FIN, filled_by_staff=True),
    Column("proposition", "Proposition", width=14, choices=PROPOSITIONS, filled_by_staff=True),
    Column("date_gts", "Date du GTS", "date", 11, filled_by_staff=True),
    Column(
        "decision_gts", "Décision du GTS", width=16, choices=DECISIONS_GTS, filled_by_staff=True
    ),
    Column("motif_refus", "Motif du refus", width=24, filled_by_staff=True),
    Column("observations", "Observations", width=40, filled_by_staff=True),
)
assert {c.key.split(".")[1] for c in COLUMNS if c.key.startswith("resultat.")} == set(OBJECTIFS)
assert len({c.header for c in COLUMNS}) == len(COLUMNS), "headers find columns: unique"
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}

DOCUMENT_HEADERS = (
    ("recu_le", "Reçu le", 16),
    ("fichier", "Fichier", 40),
    ("sha256", "SHA-256", 20),
    ("type", "Type", 18),
    ("dossier", "N° dossier", 15),
    ("resultat", "Résultat", 14),
    ("remarque", "Remarque", 50),
    ("classe_sous", "Classé sous", 50),
    ("journal", "N° journal", 10),
)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class RegisterUnreadable(OSError):
    """The workbook on disk can't be read: intake leaves files where they are."""


@dataclass
class DocumentRecord:
    recu_le: datetime
    fichier: str
    sha256: str
    type: str
    dossier: str | None
    resultat: str  # "traité" | "doublon" | "quarantaine" | "à trier"
    remarque: str = ""
    classe_sous: str = ""
    journal: int | None = None  # sequence number of the journal entry that added it


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(value: str) -> str:
    """Text as openpyxl accepts it: no control characters, within Excel's cell limit."""
    return _ILLEGAL.sub(" ", value)[:32000]


class Register:
    """The register workbook, loaded in memory; `save()` writes it back atomically."""

    def __init__(self, path: Path, workbook: Workbook):
        self.path = Path(path)
        self.wb = workbook
        self._ensure_structure()

    # ---------------------------------------------------------------- open / save
    @classmethod
    def open(cls, path: Path) -> "Register":
        path = Path(path)
        if not path.exists():
            return cls.create(path)
        try:
            workbook = load_workbook(path)
        except _BROKEN as exc:
            raise _unreadable(path, exc) from exc
        return cls(path, workbook)

    @classmethod
    def create(cls, path: Path) -> "Register":
        """An empty register, to be saved at `path`."""
        wb = Workbook()
        wb.active.title = SHEET_DOSSIERS
        return cls(Path(path), wb)

    def save(self) -> None:
        for ws in (self.dossiers_ws, self.documents_ws):  # filters cover the new rows
            last = (
                ws.auto_filter.ref.split(":")[1].rstrip("0123456789") if ws.auto_filter.ref else "A"
            )
            ws.auto_filter.ref = f"A1:{last}{max(self._next_row[ws.title] - 1, 2)}"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Rows written by this object are copied from its previous file, if that file is
        # still the one it wrote; otherwise (first save, a person saved it since) openpyxl
        # writes everything.
        spliced = (
            self._changed_rows is not None
            and self._written is not None
            and fingerprint(self.path) == self._written
        )
        fd, tmp = tempfile.mkstemp(prefix=".~asll-", suffix=".xlsx", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                if spliced:
                    save_spliced(self.wb, handle, self.path, self._changed_rows)
                else:
                    self.wb.save(handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o666 & ~_current_umask())  # mkstemp makes it owner-only
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._written = fingerprint(self.path)
        self._changed_rows = {ws.title: set() for ws in self.wb.worksheets}

    def _touch(self, ws, row: int) -> None:
        """Note a row changed, for the next save to write it."""
        rows = (self._changed_rows or {}).get(ws.title)
        if rows is not None:
            rows.add(row)

    # ---------------------------------------------------------------- structure
    def _ensure_structure(self) -> None:
        if SHEET_DOSSIERS not in self.wb.sheetnames:
            self.wb.create_sheet(SHEET_DOSSIERS, 0)
        self.dossiers_ws = self.wb[SHEET_DOSSIERS]
        self._dossier_cols = _ensure_headers(
            self.dossiers_ws,
            [(c.key, c.header, c.width) for c in COLUMNS],
            staff_keys={c.key for c in COLUMNS if c.filled_by_staff},
        )
        self._ensure_dropdowns()
        if SHEET_DOCUMENTS not in self.wb.sheetnames:
            self.wb.create_sheet(SHEET_DOCUMENTS)
        self.documents_ws = self.wb[SHEET_DOCUMENTS]
        self._document_cols = _ensure_headers(self.documents_ws, DOCUMENT_HEADERS)
        if SHEET_DATA not in self.wb.sheetnames:
            ws = self.wb.create_sheet(SHEET_DATA)
            ws.append(["N° dossier", "Données (ne pas modifier)"])
            ws.sheet_state = "hidden"
        self.data_ws = self.wb[SHEET_DATA]
        if SHEET_STATE not in self.wb.sheetnames:
            ws = self.wb.create_sheet(SHEET_STATE)
            ws.append(["Dernière entrée du journal", 0])
            ws.sheet_state = "hidden"
        self.state_ws = self.wb[SHEET_STATE]
        self._dossiers: dict[str, Dossier] | None = None  # cache, rebuilt after a reload
        self._rows: dict[str, int] = {}
        # openpyxl's `max_row` walks every cell: count rows once, then keep counting.
        self._next_row = {
            ws.title: ws.max_row + 1 for ws in (self.dossiers_ws, self.documents_ws, self.data_ws)
        }
        self._documents_by_sha: dict[str, dict] | None = None
        self._journal_seqs: set[int] | None = None
        self._data_rows: dict[str, int] | None = None
        # Rows changed since this object last saved the file it then fingerprinted, by sheet
        # (a sheet left out is written whole). None until a first save: what openpyxl read
        # is not byte for byte what it would write.
        self._changed_rows: dict[str, set[int]] | None = None
        self._written = None
        self._deadline_rows: list[tuple] | None = None  # what "Échéances" shows

    @property
    def journal_seq(self) -> int:
        """Sequence number of the last journal entry applied to this workbook."""
        return _as_seq(self.state_ws["B1"].value)

    @journal_seq.setter
    def journal_seq(self, seq: int) -> None:
        self.state_ws["B1"] = seq
        self._touch(self.state_ws, 1)

    def _ensure_dropdowns(self) -> None:
        """Closed lists as named ranges on a hidden sheet, and a drop-down on each column.

        Named ranges, not lists inline or pointing at another sheet directly: Excel then
        keeps them in the standard part of the file, which openpyxl reads back (pitfalls.md).
        """
        if SHEET_LISTS in self.wb.sheetnames:
            del self.wb[SHEET_LISTS]
        lists_ws = self.wb.create_sheet(SHEET_LISTS)
        lists_ws.sheet_state = "hidden"
        ws = self.dossiers_ws
        ws.data_validations.dataValidation = [
            dv
            for dv in ws.data_validations.dataValidation
            if not str(dv.formula1 or "").startswith("liste_")
        ]
        seen: dict[tuple, str] = {}
        for col in COLUMNS:
            if not col.choices:
                continue
            values = col.labels
            name = seen.get(values)
            if name is None:
                index = len(seen) + 1
                name = f"liste_{index}"
                seen[values] = name
                letter = get_column_letter(index)
                lists_ws.cell(row=1, column=index, value=col.header)
                for row, value in enumerate(values, start=2):
                    lists_ws.cell(row=row, column=index, value=value)
                ref = f"'{SHEET_LISTS}'!${letter}$2:${letter}${len(values) + 1}"
                if name in self.wb.defined_names:
                    del self.wb.defined_names[name]
                self.wb.defined_names[name] = DefinedName(name, attr_text=ref)
            letter = get_column_letter(self._dossier_cols[col.key])
            validation = DataValidation(
                type="list",
                formula1=name,
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Valeur hors liste",
                error="Choisissez une valeur dans la liste déroulante.",
            )
            validation.add(f"{letter}2:{letter}{MAX_ROWS}")
            ws.add_data_validation(validation)

    def put_deadlines(self, deadlines) -> None:
        """The "Échéances" sheet: every open deadline, by date.

        Days left are a formula and late rows turn red by conditional formatting: Excel and
        LibreOffice work both out when the workbook is opened, so the sheet stays right on
        the following days and is only rewritten when the deadlines themselves change.
        """
        index = self._index()
        rows = []
        for deadline in sorted(deadlines, key=lambda d: (d.echeance, d.numero)):
            dossier = index.get(deadline.numero)
            menage = " et ".join(p.nom for p in dossier.personnes[:2]) if dossier else ""
            rows.append(
                (
                    deadline.echeance,
                    deadline.numero,
                    menage,
                    deadline.quoi,
                    deadline.remarque or None,
                )
            )
        if rows == self._deadline_rows and SHEET_DEADLINES in self.wb.sheetnames:
            return
        self._deadline_rows = rows
        if self._changed_rows is not None:
            self._changed_rows.pop(SHEET_DEADLINES, None)  # the next save writes it whole
        if SHEET_DEADLINES in self.wb.sheetnames:
            del self.wb[SHEET_DEADLINES]
        ws = self.wb.create_sheet(SHEET_DEADLINES, 1)
        specs = (
            ("echeance", "Échéance", 12),
            ("jours", "Jours restants", 10),
            ("numero", "N° dossier", 15),
            ("menage", "Ménage", 26),
            ("quoi", "À faire", 44),
            ("remarque", "Remarque", 60),
        )
        _ensure_headers(ws, specs)
        for r, (echeance, numero, menage, quoi, remarque) in enumerate(rows, start=2):
            ws.cell(row=r, column=1, value=echeance).number_format = DATE_FORMAT
            ws.cell(row=r, column=2, value=f"=A{r}-TODAY()").number_format = "0"
            for column, value in enumerate((numero, menage, quoi, remarque), start=3):
                _write(ws.cell(row=r, column=column), value)
        last = max(len(rows) + 1, 2)
        ws.auto_filter.ref = f"A1:F{last}"
        ws.conditional_formatting.add(
            f"A2:F{last}", FormulaRule(formula=["$A2<TODAY()"], fill=LATE_FILL, font=LATE_FONT)
        )

    # ---------------------------------------------------------------- documents
    def find_document(self, sha256: str) -> dict | None:
        """The first document received with this SHA-256, as a dict of its row."""
        if self._documents_by_sha is None:
            self._documents_by_sha = {}
            for doc in self.documents():
                if doc["sha256"]:
                    self._documents_by_sha.setdefault(doc["sha256"], doc)
        return self._documents_by_sha.get(sha256)

    def has_journal_entry(self, seq: int) -> bool:
        if self._journal_seqs is None:
            col = self._document_cols["journal"]
            self._journal_seqs = {
                value
                for (value,) in self.documents_ws.iter_rows(
                    min_row=2, min_col=col, max_col=col, values_only=True
                )
                if value is not None
            }
        return seq in self._journal_seqs

    def add_document(self, record: DocumentRecord) -> None:
        ws = self.documents_ws
        r = self._take_row(ws)
        self._touch(ws, r)
        for key, col in self._document_cols.items():
            value = getattr(record, key)
            cell = ws.cell(row=r, column=col)
            _write(cell, value if value != "" else None)
            if key == "recu_le":
                cell.number_format = DATETIME_FORMAT
        if self._documents_by_sha is not None and record.sha256:
            self._documents_by_sha.setdefault(record.sha256, dict(record.__dict__))
        if self._journal_seqs is not None and record.journal is not None:
            self._journal_seqs.add(record.journal)

    def _take_row(self, ws) -> int:
        row = self._next_row[ws.title]
        self._next_row[ws.title] = row + 1
        return row

    def documents(self) -> list[dict]:
        out = []
        for row in self.documents_ws.iter_rows(min_row=2, values_only=True):
            if any(v is not None for v in row):
                out.append(
                    {
                        key: row[c - 1] if c - 1 < len(row) else None
                        for key, c in self._document_cols.items()
                    }
                )
        return out

    def clear_documents(self) -> None:
        """Empty the documents sheet (its header kept), to write it again whole."""
        ws = self.documents_ws
        if ws.max_row > 1:
            ws.delete_rows(2, ws.max_row - 1)
        self._next_row[ws.title] = 2
        self._documents_by_sha, self._journal_seqs = None, None
        if self._changed_rows is not None:
            self._changed_rows.pop(ws.title, None)  # the next save writes it whole

    @property
    def last_modified_by(self) -> str | None:
        """Who saved the workbook last, as Excel or LibreOffice wrote it."""
        return self.wb.properties.lastModifiedBy or None

    def anonymise_documents(self, numero: str, label: str) -> None:
        """File names can carry a household's name: replace them in its documents' rows."""
        cols = self._document_cols
        for row in self.documents_ws.iter_rows(min_row=2):
            if row[cols["dossier"] - 1].value == numero:
                self._touch(self.documents_ws, row[0].row)
                _write(row[cols["fichier"] - 1], label)
                row[cols["classe_sous"] - 1].value = None
        self._documents_by_sha = None

    # ---------------------------------------------------------------- dossiers
    def dossiers(self) -> list[Dossier]:
        """Every dossier, in register order (shared objects: read, don't modify)."""
        return list(self._index().values())

    def get(self, numero: str) -> Dossier | None:
        """One dossier, as a copy the caller may change and `put` back."""
        dossier = self._index().get(numero)
        return copy.deepcopy(dossier) if dossier else None

    def _index(self) -> dict[str, Dossier]:
        if self._dossiers is None:
            data = _data_by_numero(self.data_ws)
            self._dossiers, self._rows = {}, {}
            rows = self.dossiers_ws.iter_rows(min_row=2, values_only=True)
            for index, row in enumerate(rows, start=2):
                dossier = _read_dossier(row, self._dossier_cols, data)
                if dossier:
                    self._dossiers[dossier.numero] = dossier
                    self._rows[dossier.numero] = index
        return self._dossiers

    def next_numero(self, nature: str, year: int) -> str:
        prefix = f"{nature}-{year}-"
        return f"{prefix}{max(self._used_numbers(prefix), default=0) + 1:04d}"

    def _used_numbers(self, prefix: str) -> list[int]:
        return [
            int(numero[len(prefix) :])
            for numero in self._index()
            if numero.startswith(prefix) and numero[len(prefix) :].isdigit()
        ]

    def put(self, dossier: Dossier) -> None:
        """Write the dossier's row (a new row, or its existing one) and its list data."""
        ws = self.dossiers_ws
        index = self._index()
        row_index = self._rows.get(dossier.numero) or self._take_row(ws)
        index[dossier.numero] = copy.deepcopy(dossier)
        self._rows[dossier.numero] = row_index
        self._touch(ws, row_index)
        uncertain = set(dossier.champs_incertains)
        for col in COLUMNS:
            cell = ws.cell(row=row_index, column=self._dossier_cols[col.key])
            _write(cell, _cell_value(dossier, col))
            if col.kind == "date":
                cell.number_format = DATE_FORMAT
            elif col.kind == "euro":
                cell.number_format = EURO_FORMAT
            field_key = (
                col.key.split(".")[0]
                .replace("personne1", "personnes")
                .replace("personne2", "personnes")
            )
            if field_key in uncertain:
                cell.fill = UNCERTAIN_FILL
            elif cell.fill == UNCERTAIN_FILL:
                cell.fill = PatternFill()
        self._put_data(dossier)

    def _put_data(self, dossier: Dossier) -> None:
        payload = json.dumps(
            {
                "personnes": [p.to_json() for p in dossier.personnes],
                "enfants": [p.to_json() for p in dossier.enfants],
                "ressources": [r.to_json() for r in dossier.ressources],
                "objectifs": dossier.objectifs,
                "champs_incertains": dossier.champs_incertains,
                "brouillons": dossier.brouillons,
            },
            ensure_ascii=False,
        )
        if self._data_rows is None:
            self._data_rows = {
                str(numero): index
                for index, (numero,) in enumerate(
                    self.data_ws.iter_rows(min_row=2, max_col=1, values_only=True), start=2
                )
                if numero
            }
        row = self._data_rows.get(dossier.numero)
        if row is None:
            row = self._data_rows[dossier.numero] = self._take_row(self.data_ws)
            self.data_ws.cell(row=row, column=1, value=dossier.numero)
        _write(self.data_ws.cell(row=row, column=2), payload)
        self._touch(self.data_ws, row)


# Columns that are not read back from the sheet (lists shown as text, the number itself).
DERIVED_KEYS = frozenset({"numero", "ressources", "champs_incertains", "brouillons"})


def cell_values(dossier: Dossier) -> dict:
    """What each column of the dossier's row shows, comparable across reads (dates as
    ISO text, amounts to the cent): to tell which cells a person changed."""
    out = {}
    for col in COLUMNS:
        value = _cell_value(dossier, col)
        if isinstance(value, datetime):
            value = value.date().isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, float):
            value = round(value, 2)
        elif isinstance(value, str):
            value = value.strip() or None
        out[col.key] = value
    return out


def copy_cell(source: Dossier, target: Dossier, key: str) -> None:
    """Give `target` the value of one register column of `source`."""
    if key.startswith("resultat."):
        code = key.split(".")[1]
        if code in source.resultats_objectifs:
            target.resultats_objectifs[code] = source.resultats_objectifs[code]
        else:
            target.resultats_objectifs.pop(code, None)
    elif key.startswith("personne"):
        target.personnes = source.personnes[:2] + target.personnes[2:]
    else:
        setattr(target, key, getattr(source, key))


def _read_dossier(row: tuple, cols: dict[str, int], data_by_numero: dict) -> Dossier | None:
    """A dossier from one row of cell values (None for a row without a number)."""
    values = {
        c.key: row[cols[c.key] - 1] if c.key in cols and cols[c.key] - 1 < len(row) else None
        for c in COLUMNS
    }
    if not values.get("numero"):
        return None
    data = data_by_numero.get(str(values["numero"]), {})
    d = Dossier(numero=str(values["numero"]))
    for col in COLUMNS:
        if "." in col.key or col.key in ("numero", "ressources", "champs_incertains", "brouillons"):
            continue
        setattr(d, col.key, _from_cell(values[col.key], col))
    # Adults: the visible columns win, the stored list supplies the rest (3rd adult…).
    stored = [Personne.from_json(p) for p in data.get("personnes", [])]
    persons = []
    for i in (1, 2):
        nom = values[f"personne{i}.nom"]
        if nom:
            persons.append(
                Personne(
                    nom=str(nom),
                    prenom=_text(values[f"personne{i}.prenom"]),
                    civilite=_text(values[f"personne{i}.civilite"]),
                    date_naissance=_as_date(values[f"personne{i}.date_naissance"]),
                )
            )
    d.personnes = persons + stored[2:]
    d.resultats_objectifs = {
        col.key.split(".")[1]: str(values[col.key])
        for col in COLUMNS
        if col.key.startswith("resultat.") and values[col.key]
    }
    d.enfants = [Personne.from_json(p) for p in data.get("enfants", [])]
    d.ressources = [Ressource(r["type"], r.get("montant")) for r in data.get("ressources", [])]
    d.objectifs = list(data.get("objectifs", []))
    d.champs_incertains = list(data.get("champs_incertains", []))
    d.brouillons = list(data.get("brouillons", []))
    return d


def _data_by_numero(ws) -> dict[str, dict]:
    out = {}
    for numero, payload in ws.iter_rows(min_row=2, max_col=2, values_only=True):
        if numero and payload:
            try:
                out[str(numero)] = json.loads(payload)
            except json.JSONDecodeError:
                pass  # a hand-damaged cell: the visible columns still hold the dossier
    return out


_BROKEN = (zipfile.BadZipFile, KeyError, ValueError, InvalidFileException)


def _unreadable(path: Path, exc: Exception) -> RegisterUnreadable:
    return RegisterUnreadable(
        f"Le registre {path} est illisible ({type(exc).__name__}) : fermez-le s'il est "
        "ouvert, ou reconstruisez-le avec « asll reconstruire »."
    )


def _open_read_only(path: Path):
    try:
        return load_workbook(path, read_only=True)
    except _BROKEN as exc:
        raise _unreadable(path, exc) from exc


def read_journal_seq(path: Path) -> int:
    """The last journal entry the workbook on disk contains (its other sheets unread)."""
    wb = _open_read_only(path)
    try:
        return _journal_seq_of(wb)
    finally:
        wb.close()


def _journal_seq_of(wb) -> int:
    if SHEET_STATE not in wb.sheetnames:
        return 0
    return _as_seq(next(wb[SHEET_STATE].iter_rows(max_col=2, values_only=True), (None, 0))[1])


def _as_seq(value) -> int:
    return int(value) if isinstance(value, (int, float)) else 0


def read_dossiers(path: Path) -> tuple[list[Dossier], int]:
    """(dossiers, last journal entry) read without loading the workbook for editing:
    several times faster on a big register, for commands that only read it."""
    wb = _open_read_only(path)
    try:
        rows = wb[SHEET_DOSSIERS].iter_rows(values_only=True)
        headers = {str(h).strip(): i for i, h in enumerate(next(rows, ()), start=1) if h}
        cols = {c.key: headers[c.header] for c in COLUMNS if c.header in headers}
        data = _data_by_numero(wb[SHEET_DATA]) if SHEET_DATA in wb.sheetnames else {}
        dossiers = [d for d in (_read_dossier(row, cols, data) for row in rows) if d]
        return dossiers, _journal_seq_of(wb)
    finally:
        wb.close()


# -------------------------------------------------------------------- cell helpers
def _ensure_headers(ws, specs, staff_keys=frozenset()) -> dict[str, int]:
    """Map each key to its column, found by header text; add missing headers at the end."""
    existing = {}
    for cell in ws[1]:
        if cell.value:
            existing[str(cell.value).strip()] = cell.column
    cols = {}
    next_col = max(existing.values(), default=0) + 1
    new_sheet = not existing
    for key, header, width in specs:
        if header in existing:
            cols[key] = existing[header]
            continue
        cell = ws.cell(row=1, column=next_col, value=header)
        cell.font = HEADER_FONT
        cell.fill = STAFF_HEADER_FILL if key in staff_keys else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(next_col)].width = width
        cols[key] = next_col
        next_col += 1
    if new_sheet:
        ws.freeze_panes = "B2"
        ws.row_dimensions[1].height = 32
        _print_setup(ws, sum(width for _, _, width in specs))
    ws.auto_filter.ref = f"A1:{get_column_letter(ws.max_column)}{max(ws.max_row, 2)}"
    return cols


# Widest sheet (in Excel character widths) that still reads once fitted to one landscape
# A4 page; a wider one prints at PRINT_SCALE % across several pages instead.
FIT_WIDTH_CHARS = 260
PRINT_SCALE = 75


def _print_setup(ws, width_chars: float) -> None:
    """Printed readably: landscape A4, the header row on every page. A narrow sheet fits
    the page width; the register's hundred columns would shrink to nothing, so they print
    at a legible scale, page after page across, the dossier number repeated on each."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "1:1"
    if width_chars <= FIT_WIDTH_CHARS:
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        return
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = PRINT_SCALE
    ws.page_setup.pageOrder = "overThenDown"  # a row's pages one after the other
    ws.print_title_cols = "A:A"


def _write(cell, value) -> None:
    if isinstance(value, str):
        value = clean_text(value)
        cell.value = value
        cell.data_type = "s"  # "=SOMME(…)" from a document stays text, never a formula
    else:
        cell.value = value


def _cell_value(d: Dossier, col: Column):
    if col.key.startswith("resultat."):
        return d.resultats_objectifs.get(col.key.split(".")[1])
    if col.key.startswith("personne"):
        index = int(col.key[8]) - 1
        attr = col.key.split(".")[1]
        return getattr(d.personnes[index], attr) if index < len(d.personnes) else None
    value = getattr(d, col.key)
    if col.key == "ressources":
        return (
            "; ".join(
                labels.RESSOURCES.get(r.type, r.type)
                + (f" : {r.montant:.2f}".replace(".", ",") + " €" if r.montant is not None else "")
                for r in value
            )
            or None
        )
    if col.key == "champs_incertains":
        return ", ".join(COLUMN_HEADER_FOR_FIELD.get(k, k) for k in value) or None
    if col.key == "brouillons":
        return "; ".join(value) or None
    if isinstance(col.choices, dict) and value:
        return col.choices.get(value, value)
    return value


def _from_cell(value, col: Column):
    if value is None or value == "":
        return None
    if col.kind == "date":
        return _as_date(value)
    if col.kind == "euro":
        return float(value) if isinstance(value, (int, float)) else _parse_euro(str(value))
    if col.kind == "int":
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    if isinstance(col.choices, dict):
        reverse = {label.lower(): code for code, label in col.choices.items()}
        text = str(value).strip()
        return reverse.get(text.lower(), text)
    if col.key == "heure_audience" and hasattr(value, "strftime"):
        return value.strftime("%H:%M")
    return str(value)


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value)
        if m:
            try:
                return date(int(m[3]), int(m[2]), int(m[1]))
            except ValueError:
                return None
    return None


def _parse_euro(text: str) -> float | None:
    cleaned = re.sub(r"[^\d,.-]", "", text).replace(".", "").replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _text(value) -> str | None:
    return str(value) if value not in (None, "") else None


COLUMN_HEADER_FOR_FIELD = {c.key: c.header for c in COLUMNS if "." not in c.key}
COLUMN_HEADER_FOR_FIELD["personnes"] = "Personnes"
