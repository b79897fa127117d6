"""The values a document gives a dossier, as the dossier page shows and corrects them.

The fields and their French headers are the register's columns (one list for the workbook
and the page); a typed value is read the French way (« 14/03/2025 », « 1 234,56 ») and
becomes a change in `Dossier.to_json()` form for the register's correction entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from asll.domain.model import HOUSEHOLD_FIELDS, Dossier, Personne
from asll.storage.register import COLUMNS, Column
from generators.formatting import montant_fr

NOT_SHOWN = {"champs_incertains", "ressources", "enfants", "objectifs"}


class BadValue(ValueError):
    """A typed value that can't be read, explained in French."""


@dataclass(frozen=True)
class Field:
    column: Column

    @property
    def key(self) -> str:
        return self.column.key

    @property
    def label(self) -> str:
        return self.column.header

    @property
    def field(self) -> str:
        """The dossier's attribute (the adults' columns are one list, `personnes`)."""
        return "personnes" if self.key.startswith("personne") else self.key

    @property
    def choices(self) -> list[tuple[str, str]]:
        c = self.column.choices
        if isinstance(c, dict):
            return list(c.items())
        return [(v, v) for v in c or ()]

    def raw(self, dossier: Dossier):
        if self.key.startswith("personne"):
            index, attr = int(self.key[8]) - 1, self.key.split(".")[1]
            return (
                getattr(dossier.personnes[index], attr) if index < len(dossier.personnes) else None
            )
        return getattr(dossier, self.key)

    def shown(self, dossier: Dossier) -> str:
        """The value as French text (« 14/03/2025 », « 1 234,56 € »), empty when unknown."""
        value = self.raw(dossier)
        if value is None or value == "":
            return ""
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        if self.column.kind == "euro":
            return montant_fr(value)
        if isinstance(self.column.choices, dict):
            return self.column.choices.get(value, value)
        return str(value)

    def typed(self, dossier: Dossier) -> str:
        """The value as a person would type it in the form."""
        value = self.raw(dossier)
        if value is None:
            return ""
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        if self.column.kind == "euro":
            return f"{value:.2f}".replace(".", ",")
        return str(value)

    def change(self, dossier: Dossier, text: str) -> dict:
        """The register change that gives this field the typed value."""
        value = self._parse(text.strip())
        if self.field != "personnes":
            if isinstance(value, date):
                value = value.isoformat()
            return {self.key: value}
        index, attr = int(self.key[8]) - 1, self.key.split(".")[1]
        personnes = [Personne(**p.__dict__) for p in dossier.personnes]
        if index >= len(personnes):
            if attr != "nom" or value is None:
                raise BadValue("Saisissez d'abord le nom de cette personne.")
            personnes.append(Personne(nom=value))
        else:
            if attr == "nom" and value is None:
                raise BadValue("Le nom d'une personne ne peut pas être vidé.")
            setattr(personnes[index], attr, value)
        return {"personnes": [p.to_json() for p in personnes]}

    def _parse(self, text: str):
        if not text:
            return None
        kind = self.column.kind
        if self.column.choices:
            codes = dict(self.choices)
            if text not in codes:
                raise BadValue(f"Choisissez une valeur de la liste pour « {self.label} ».")
            return text
        if kind == "date":
            return parse_date(text)
        if kind == "euro":
            return parse_amount(text)
        if kind == "int":
            if not text.isdigit():
                raise BadValue(f"« {self.label} » attend un nombre entier.")
            return int(text)
        return text


def parse_date(text: str) -> date:
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    try:
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        return date.fromisoformat(text)
    except ValueError:
        raise BadValue(f"Date illisible : « {text} » (attendu : JJ/MM/AAAA).") from None


def parse_amount(text: str) -> float:
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text).replace(",", ".")
    try:
        return round(float(cleaned), 2)
    except ValueError:
        raise BadValue(f"Montant illisible : « {text} » (exemple : 1 234,56).") from None


def extracted_fields() -> list[Field]:
    """Every column a document can fill, in the register's order."""
    out = []
    for column in COLUMNS:
        name = "personnes" if column.key.startswith("personne") else column.key
        if name in HOUSEHOLD_FIELDS and name not in NOT_SHOWN:
            out.append(Field(column))
    return out


FIELDS = {f.key: f for f in extracted_fields()}


_HEADERS = {c.key: c.header for c in COLUMNS} | {
    "personnes": "Personnes",
    "enfants": "Enfants",
    "objectifs": "Objectifs",
}


def label_of(name: str) -> str:
    """A dossier field's name as staff read it (the register's header)."""
    return _HEADERS.get(name, name)


def uncertain_elsewhere(dossier: Dossier) -> list[str]:
    """The uncertain fields the page's list of values does not show (the sector, the
    resources, the children): named apart, so that none is counted and then not seen."""
    shown = {f.field for f in FIELDS.values()}
    return [label_of(n) for n in dossier.champs_incertains if n not in shown]


def ordered(dossier: Dossier) -> list[tuple[Field, bool]]:
    """The fields with whether each is uncertain, uncertain ones first."""
    uncertain = set(dossier.champs_incertains)
    pairs = [(f, f.field in uncertain) for f in FIELDS.values()]
    return [p for p in pairs if p[1]] + [p for p in pairs if not p[1]]
