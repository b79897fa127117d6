"""Load a service's existing Excel or CSV list of households into the register.

Columns are recognised by their header, through a default table of the names services
use ("Nom", "CP", "Ville", "Dette", "Date d'audience"…, and the register's own headers),
or through a mapping file:

    nature_par_defaut = "ESU"          # when the file has no "Nature" column
    [colonnes]
    "Nom du ménage" = "nom"
    "Arriéré au 31/12" = "montant_dette"
    "Prestation" = "ressources"        # "ASSEDIC", "RMI + APL", "AAH 628 €"…
    "Montant" = "montant_ressources"   # the amount of that resource
    "Salaire net" = "ressource.salaire"  # one column per kind of resource, amounts

Resource names are read with the same patterns as the referral forms (ASSEDIC → chômage,
RMI / API → RSA…: `ressources` in intake/rules/fiche_prescription.toml). A name none of
them knows is kept as « Autre » and written in the observations, so nothing is lost.

A row whose household is already in the register (same dossier number, or same adult and
same dwelling) is not imported again; a row that can't be read is reported with its number.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from openpyxl import load_workbook

from asll.domain import labels
from asll.domain.dossiers import find_matching
from asll.domain.model import (
    SUIVI_FIELDS,
    TYPES_RESSOURCE,
    Dossier,
    Extraction,
    Personne,
    Ressource,
)
from asll.domain.text import fold
from asll.storage.register import COLUMNS
from asll.storage.store import RegisterStore
from intake.engine import load_rules
from intake.french import parse_date, parse_montant

NUMERO = re.compile(r"^(ESU|ASLL)-\d{4}-\d{4}$")

# Targets a column can feed: the dossier's own fields, plus the first two adults.
PERSON_TARGETS = {
    "civilite": (0, "civilite"),
    "nom": (0, "nom"),
    "prenom": (0, "prenom"),
    "date_naissance": (0, "date_naissance"),
    "civilite2": (1, "civilite"),
    "nom2": (1, "nom"),
    "prenom2": (1, "prenom"),
    "date_naissance2": (1, "date_naissance"),
}
DATE_TARGETS = {
    "date_ouverture",
    "date_dette",
    "date_audience",
    "date_document",
    "date_limite",
    "date_entretien",
    "date_envoi_rapport",
    "date_debut_mesure",
    "date_fin_mesure",
    "date_gts",
}
AMOUNT_TARGETS = {"loyer_mensuel", "montant_dette", "dette_debut_mesure", "dette_fin_mesure"}
INT_TARGETS = {"nb_enfants", "renouvellements"}
CODED_TARGETS = {
    "type_mesure": labels.TYPES_MESURE,
    "composition": labels.COMPOSITIONS,
    "statut_occupation": labels.STATUTS_OCCUPATION,
}
TEXT_TARGETS = (
    {
        "numero",
        "nature",
        "statut",
        "adresse",
        "complement_adresse",
        "code_postal",
        "commune",
        "bailleur",
        "juridiction",
        "heure_audience",
        "commissaire_justice",
        "reference",
        "prescripteur",
        "organisme_prescripteur",
        "secteur",
        "referent",
        *SUIVI_FIELDS,
    }
    - DATE_TARGETS
    - AMOUNT_TARGETS
    - INT_TARGETS
    - {"resultats_objectifs", "date_gts"}
)
# Resources: a text column (one or more names, amounts optional), its amount, or one column
# of amounts per kind of resource.
RESOURCE_TARGETS = {"ressources", "montant_ressources"} | {
    f"ressource.{t}" for t in TYPES_RESSOURCE
}
TARGETS = (
    set(PERSON_TARGETS)
    | RESOURCE_TARGETS
    | DATE_TARGETS
    | AMOUNT_TARGETS
    | INT_TARGETS
    | set(CODED_TARGETS)
    | TEXT_TARGETS
)

DEFAULT_ALIASES = {
    "numero": ["n° dossier", "numero", "numero de dossier", "n dossier", "no dossier", "dossier"],
    "nature": ["nature", "type de dossier", "activite"],
    "date_ouverture": [
        "date d'ouverture",
        "ouvert le",
        "date de la demande",
        "date demande",
        "date de reception",
    ],
    "civilite": ["civilite", "civilite 1"],
    "nom": [
        "nom",
        "nom 1",
        "nom du menage",
        "nom du locataire",
        "locataire",
        "usager",
        "famille",
        "nom de famille",
        "menage",
    ],
    "prenom": ["prenom", "prenom 1", "prenom du locataire"],
    "date_naissance": ["date de naissance", "ne(e) le 1", "ne le", "nee le"],
    "nom2": ["nom 2", "nom du conjoint", "conjoint"],
    "prenom2": ["prenom 2", "prenom du conjoint"],
    "adresse": ["adresse", "adresse du logement", "rue"],
    "code_postal": ["cp", "code postal"],
    "commune": ["ville", "commune", "localite"],
    "bailleur": ["bailleur", "proprietaire", "organisme bailleur"],
    "loyer_mensuel": ["loyer", "loyer mensuel", "montant du loyer"],
    "montant_dette": [
        "dette",
        "dette locative",
        "montant de la dette",
        "arriere",
        "impaye",
        "montant impaye",
        "dette a la demande",
    ],
    "date_audience": ["audience", "date audience", "date d'audience", "date de l'audience"],
    "juridiction": ["juridiction", "tribunal"],
    "reference": ["reference", "ref", "ref prefecture", "n° rg"],
    "date_document": ["date de la saisine", "date saisine", "date du courrier"],
    "type_mesure": ["type de mesure", "mesure", "nature de la mesure"],
    "prescripteur": ["prescripteur", "travailleur social", "demandeur"],
    "organisme_prescripteur": ["organisme prescripteur", "organisme", "service prescripteur"],
    "nb_enfants": ["enfants", "nombre d'enfants", "nb enfants"],
    "ressources": [
        "ressources",
        "ressource",
        "prestation",
        "prestations",
        "type de ressources",
        "nature des ressources",
        "type de prestation",
    ],
    "montant_ressources": [
        "montant",
        "montant prestation",
        "montant de la prestation",
        "montant des prestations",
        "montant des ressources",
        "montant ressources",
        "montant des revenus",
    ],
    "ressource.salaire": ["salaire", "salaires", "salaire net"],
    "ressource.chomage": ["assedic", "chomage", "are", "allocation chomage"],
    "ressource.rsa": ["rsa", "rmi"],
    "ressource.aah": ["aah"],
    "ressource.pension": ["pension", "retraite", "pension retraite"],
    "ressource.prestations_familiales": ["allocations familiales", "prestations familiales"],
    "ressource.apl": ["apl", "al", "allocation logement", "apl al"],
    "ressource.ij": ["ij", "indemnites journalieres"],
}


class ImportFailure(Exception):
    """The file or the mapping can't be used at all (French message)."""


@dataclass
class ImportReport:
    importes: list[tuple[int, str]] = field(default_factory=list)  # (row, dossier)
    deja_presents: list[tuple[int, str]] = field(default_factory=list)
    illisibles: list[tuple[int, str]] = field(default_factory=list)  # (row, reason)
    colonnes_ignorees: list[str] = field(default_factory=list)


def import_file(
    path: Path, store: RegisterStore, mapping_path: Path | None = None, today: date | None = None
) -> ImportReport:
    today = today or date.today()
    aliases, default_nature = _mapping(mapping_path)
    headers, rows = _read_table(Path(path))
    columns, ignored = _match_columns(headers, aliases)
    if not any(target in ("nom", "nom2") for target in columns.values()):
        raise ImportFailure(
            "Aucune colonne de nom reconnue : indiquez-la dans un fichier de "
            'correspondance ([colonnes] "Votre en-tête" = "nom").'
        )
    report = ImportReport(colonnes_ignorees=ignored)
    for number, row in rows:
        if not any(v not in (None, "") for v in row):
            continue
        try:
            dossier = _dossier_from_row(row, columns, default_nature)
        except ValueError as exc:
            report.illisibles.append((number, str(exc)))
            continue
        view = store.view()
        existing = view.get(dossier.numero) if dossier.numero else None
        if existing is None:
            existing = find_matching(view.dossiers(), _as_extraction(dossier))
        if existing is not None:
            report.deja_presents.append((number, existing.numero))
            continue
        if not dossier.numero or not NUMERO.match(dossier.numero):
            if dossier.numero:
                dossier.observations = _join(
                    dossier.observations, f"N° d'origine : {dossier.numero}"
                )
            year = (dossier.date_ouverture or today).year
            dossier.numero = view.next_numero(dossier.nature, year)
        dossier.date_ouverture = dossier.date_ouverture or today
        store.record(
            {
                "type": "import",
                "source": Path(path).name,
                "ligne": number,
                "dossier": dossier.to_json(),
            }
        )
        report.importes.append((number, dossier.numero))
    return report


# ---------------------------------------------------------------------- reading
def _read_table(path: Path) -> tuple[list[str], list[tuple[int, list]]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise ImportFailure(
                f"Classeur illisible : {path.name} ({type(exc).__name__})."
            ) from exc
        ws = wb.active
        values = list(ws.iter_rows(values_only=True))
        wb.close()
    elif suffix in (".csv", ".txt"):
        values = _read_csv(path)
    else:
        raise ImportFailure(f"Format non pris en charge : {path.suffix} (attendu : .xlsx ou .csv).")
    for index, row in enumerate(values):  # the header is the first row with 2+ texts
        if sum(isinstance(v, str) and v.strip() != "" for v in row) >= 2:
            headers = [str(v).strip() if v is not None else "" for v in row]
            body = [
                (index + 1 + offset, list(r)) for offset, r in enumerate(values[index + 1 :], 1)
            ]
            return headers, body
    raise ImportFailure(f"Aucune ligne d'en-têtes trouvée dans {path.name}.")


def _read_csv(path: Path) -> list[list]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";"
    return [row for row in csv.reader(text.splitlines(), dialect)]


def _mapping(path: Path | None) -> tuple[dict[str, str], str | None]:
    aliases = {_key(alias): target for target, names in DEFAULT_ALIASES.items() for alias in names}
    aliases.update(
        {_key(c.header): _register_target(c.key) for c in COLUMNS if _register_target(c.key)}
    )
    if path is None:
        return aliases, None
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ImportFailure(f"Fichier de correspondance illisible : {exc}") from exc
    for header, target in data.get("colonnes", {}).items():
        if target not in TARGETS:
            raise ImportFailure(
                f"Champ inconnu « {target} » pour la colonne « {header} » "
                f"(champs possibles : {', '.join(sorted(TARGETS))})."
            )
        aliases[_key(header)] = target
    return aliases, data.get("nature_par_defaut")


def _register_target(key: str) -> str | None:
    if key.startswith("personne"):
        index, attr = key[8], key.split(".")[1]
        return attr if index == "1" else attr + "2"
    return key if key in TARGETS else None


def _match_columns(headers: list[str], aliases: dict[str, str]):
    columns, ignored, used = {}, [], set()
    for index, header in enumerate(headers):
        target = aliases.get(_key(header))
        if target and target not in used:
            columns[index] = target
            used.add(target)
        elif header:
            ignored.append(header)
    return columns, ignored


# ---------------------------------------------------------------------- values
def _dossier_from_row(row: list, columns: dict[int, str], default_nature: str | None) -> Dossier:
    dossier = Dossier(statut="")
    persons: list[dict] = [{}, {}]
    resources: dict[str, object] = {}
    for index, target in columns.items():
        value = row[index] if index < len(row) else None
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if target in RESOURCE_TARGETS:
            resources[target] = value
            continue
        converted = _convert(target, value)
        if target in PERSON_TARGETS:
            slot, attr = PERSON_TARGETS[target]
            persons[slot][attr] = converted
        else:
            setattr(dossier, target, converted)
    dossier.personnes = [Personne(**p) for p in persons if p.get("nom")]
    if not dossier.personnes:
        raise ValueError("pas de nom de ménage")
    if resources:
        dossier.ressources, note = _resources(resources)
        if note:
            dossier.observations = _join(dossier.observations, note)
    dossier.nature = _nature(dossier, default_nature)
    dossier.statut = dossier.statut or "Nouveau"
    return dossier


def _convert(target: str, value):
    if target in DATE_TARGETS or target.startswith("date_naissance"):
        result = _as_date(value)
        if result is None:
            raise ValueError(f"date illisible « {value} »")
        return result
    if target in AMOUNT_TARGETS:
        if isinstance(value, (int, float)):
            return round(float(value), 2)
        amount = parse_montant(str(value))
        if amount is None:
            raise ValueError(f"montant illisible « {value} »")
        return amount
    if target in INT_TARGETS:
        try:
            return int(float(str(value).replace(",", ".")))
        except ValueError as exc:
            raise ValueError(f"nombre illisible « {value} »") from exc
    if target in CODED_TARGETS:
        text = _key(str(value))
        for code, label in CODED_TARGETS[target].items():
            if text in (_key(code), _key(label)):
                return code
        return str(value).strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime, date)):
        value = value.strftime("%d/%m/%Y")
    return str(value).strip()


def _resources(values: dict[str, object]) -> tuple[list[Ressource], str]:
    """The household's resources from its resource columns, and a note of what no pattern
    recognised (kept as « Autre »)."""
    out: list[Ressource] = []
    unknown: list[str] = []
    for target, value in values.items():
        if target.startswith("ressource."):
            out.append(Ressource(target.split(".")[1], _amount(value)))
    if "ressources" in values:
        parts = re.split(r"\s*(?:;|\+|\bet\b|,(?!\d))\s*", str(values["ressources"]))
        seen: set[str] = set()
        for part in (p.strip() for p in parts):
            if not part:
                continue
            kind = resource_type(part)
            if kind is None:
                kind = "autre"
                unknown.append(part)
            amount = parse_montant(part) if re.search(r"\d", part) else None
            if kind in seen and amount is None:  # named twice without amount: one resource
                continue
            seen.add(kind)
            out.append(Ressource(kind, amount))
    if "montant_ressources" in values:
        amount = _amount(values["montant_ressources"])
        without = [r for r in out if r.montant is None]
        if len(without) == 1:
            without[0].montant = amount
        elif not out:
            out.append(Ressource("autre", amount))
            unknown.append("ressource non nommée")
        else:
            unknown.append(f"montant des ressources {values['montant_ressources']}")
    note = f"Ressources d'origine : {', '.join(unknown)}" if unknown else ""
    return out, note


def resource_type(text: str) -> str | None:
    """The resource code a name stands for ("ASSEDIC" → chomage, "RMI" → rsa), with the
    referral forms' own patterns; None when none matches."""
    for option in _resource_patterns():
        if re.search(option["motif"], text, re.IGNORECASE):
            return option["type"]
    return None


@lru_cache(maxsize=1)
def _resource_patterns() -> list[dict]:
    rules = load_rules()["fiche_prescription"].data
    return rules.get("formulaire", {}).get("ressources", [])


def _amount(value) -> float:
    if isinstance(value, (int, float)):
        return round(float(value), 2)
    amount = parse_montant(str(value))
    if amount is None:
        raise ValueError(f"montant illisible « {value} »")
    return amount


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(str(value))


def _nature(dossier: Dossier, default: str | None) -> str:
    given = _key(dossier.nature or "")
    if (
        given.startswith("esu")
        or "enquete" in given
        or "dsf" in given
        or "diagnostic social" in given
    ):
        return "ESU"
    if given.startswith(("asll", "assll")) or "accompagnement" in given:
        return "ASLL"
    if default in ("ESU", "ASLL"):
        return default
    return "ESU" if dossier.date_audience else "ASLL"


def _as_extraction(dossier: Dossier) -> Extraction:
    values = {
        f.name: getattr(dossier, f.name)
        for f in fields(Extraction)
        if hasattr(dossier, f.name) and f.name not in ("fichier", "type_document")
    }
    kind = "assignation" if dossier.nature == "ESU" else "fiche_prescription"
    return Extraction(type_document=kind, **values)


def _key(text: str) -> str:
    text = fold(str(text))
    text = text.replace("’", "'")
    return " ".join(re.findall(r"[a-z0-9°'()]+", text))


def _join(a: str | None, b: str) -> str:
    return f"{a} ; {b}" if a else b
