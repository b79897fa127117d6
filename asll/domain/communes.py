"""French communes, their postcodes and EPCI, from Etalab's découpage administratif.

Contract (pure domain: reads only its own data file, never imports intake/ or the app):

- ``communes_for_postcode(cp) -> list[Commune]``: the actual communes served by a postcode
  ("52100" -> [Saint-Dizier, ...]); [] for a postcode unknown to the table (CEDEX codes,
  typos). Paris, Lyon and Marseille are one commune each, whatever the arrondissement.
- ``match(cp, town) -> Commune | None``: the commune of that postcode whose name matches the
  town as printed, whatever its case, accents, hyphens, "ST"/"STE", "CEDEX n", arrondissement
  number, a former commune's name (commune déléguée / associée) or a small OCR typo (a
  similarity ratio, only among that postcode's communes, and only when one commune stands
  out). When the postcode is unknown (CEDEX), only an exact folded name within its
  département is accepted.
- ``check(cp, town) -> Verification``: ``statut`` is "coherent", "code_postal_inconnu" or
  "commune_absente" (the town is not one of that postcode's communes, which are listed),
  with a French ``message`` for the register; ``approchee`` is True when the town matched
  only by similarity (worth flagging as uncertain).
- ``canonical_name(cp, town) -> str | None``: the official spelling ("ANGOULEME" ->
  "Angoulême", "SAINT DIZIER" -> "Saint-Dizier"), None when there is no match.
- ``epci_of(cp, town) -> (siren, nom) | None``.

The table loads on first use (about 0.1 s) and is cached; later calls are dict look-ups.
"""
from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "communes.tsv.gz"
# Below this ratio two folded names are different towns, not one misread.
SIMILARITY_MIN = 0.8
# The best fuzzy candidate must beat the second by this much to be trusted.
SIMILARITY_MARGIN = 0.06

COHERENT = "coherent"
CODE_POSTAL_INCONNU = "code_postal_inconnu"
COMMUNE_ABSENTE = "commune_absente"


@dataclass(frozen=True)
class Commune:
    insee: str
    nom: str
    departement: str
    codes_postaux: tuple[str, ...]
    epci_siren: str | None
    epci_nom: str | None


@dataclass(frozen=True)
class Verification:
    statut: str  # COHERENT | CODE_POSTAL_INCONNU | COMMUNE_ABSENTE
    commune: Commune | None  # the matched commune, when there is one
    communes_du_code_postal: tuple[Commune, ...]
    message: str
    approchee: bool = False  # matched only by similarity (an OCR typo?): worth a check

    @property
    def coherent(self) -> bool:
        return self.statut == COHERENT


@dataclass
class _Table:
    communes: dict[str, Commune]  # by INSEE code
    by_postcode: dict[str, tuple[str, ...]]  # postcode -> INSEE codes
    by_departement: dict[str, tuple[str, ...]]
    other_names: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # INSEE -> (name, postcodes)
    departements: dict[str, str]  # code -> name
    source: str


@cache
def _table() -> _Table:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as f:
        header = f.readline()
        rows = [line.rstrip("\n").split("\t") for line in f]
    epci = {r[1]: r[2] for r in rows if r[0] == "E"}
    communes: dict[str, Commune] = {}
    by_postcode: dict[str, list[str]] = {}
    by_departement: dict[str, list[str]] = {}
    other_names: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for r in rows:
        if r[0] == "C":
            _, insee, nom, dep, cps, siren = r
            postcodes = tuple(cps.split())
            communes[insee] = Commune(insee, nom, dep, postcodes, siren or None,
                                      epci.get(siren))
            for cp in postcodes:
                by_postcode.setdefault(cp, []).append(insee)
            by_departement.setdefault(dep, []).append(insee)
        elif r[0] == "A":
            other_names.setdefault(r[1], []).append((r[2], tuple(r[3].split())))
    return _Table(communes, {k: tuple(v) for k, v in by_postcode.items()},
                  {k: tuple(v) for k, v in by_departement.items()},
                  {k: tuple(v) for k, v in other_names.items()},
                  {r[1]: r[2] for r in rows if r[0] == "D"}, header.strip("# \n"))


def source() -> str:
    """The header of the data file: package, version, licence, rows, checksum."""
    return _table().source


_ARTICLE_AFTER = re.compile(r"^(.*?)\s*\((l'|le|la|les)\)\s*$", re.I)
_NOISE = re.compile(r"\b(cedex|cdx)\b(\s*\d+)?|\b\d+\s*(er|e|eme|ème)?(\s+arrondissement)?\s*$")
_SAINT = re.compile(r"\b(ste|st)\b")


def fold(name: str | None) -> str:
    """'SAINT DIZIER CEDEX 2', 'St-Dizier' and 'saint-dizier' all give 'saint dizier'."""
    text = (name or "").strip()
    # La Poste's old style: "ROCHELLE (LA)" -> "LA ROCHELLE".
    if m := _ARTICLE_AFTER.match(text):
        text = f"{m[2]} {m[1]}"
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _NOISE.sub(" ", text)
    text = re.sub(r"\barrondissement\b", " ", text)
    text = _SAINT.sub(lambda m: "sainte" if m[0] == "ste" else "saint", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _normal_postcode(cp: str | None) -> str:
    digits = re.sub(r"\D", "", cp or "")
    return digits if len(digits) == 5 else ""


def _departements_of(cp: str) -> tuple[str, ...]:
    if cp.startswith("20"):
        return ("2A", "2B")  # Corsica's postcodes start with 20 for both départements
    if cp[:2] in ("97", "98"):
        return (cp[:3],)
    return (cp[:2],)


def departement_name(code: str) -> str | None:
    """'52' -> 'Haute-Marne', '2A' -> 'Corse-du-Sud', '974' -> 'La Réunion'."""
    return _table().departements.get(code)


def departement_code(name: str | None) -> str | None:
    """The code of a département written in full, whatever its case or accents."""
    wanted = fold(name)
    for code, nom in _table().departements.items():
        if fold(nom) == wanted:
            return code
    return None


@cache
def _names_in_departement(departement: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded name -> (INSEE, official spelling), own names first, then former communes'."""
    table = _table()
    index: dict[str, list[tuple[str, str]]] = {}
    for insee in table.by_departement.get(departement, ()):
        index.setdefault(fold(table.communes[insee].nom), []).append(
            (insee, table.communes[insee].nom))
    for insee in table.by_departement.get(departement, ()):
        for other, _ in table.other_names.get(insee, ()):
            index.setdefault("~" + fold(other), []).append((insee, other))
    return {k: tuple(v) for k, v in index.items()}


def communes_named(name: str | None, departement: str | None = None
                   ) -> list[tuple[Commune, str]]:
    """Actual communes answering to `name` (own name, else a former commune's name such as
    'Vire' in Vire Normandie), optionally in one département, with the official spelling
    of the name that matched."""
    table = _table()
    wanted = fold(name)
    departements = [departement] if departement else list(table.by_departement)
    for key in (wanted, "~" + wanted):
        found = [(table.communes[insee], spelling) for dep in departements
                 for insee, spelling in _names_in_departement(dep).get(key, ())]
        if found:
            return found
    return []


def communes_for_postcode(cp: str | None) -> list[Commune]:
    table = _table()
    return [table.communes[i] for i in table.by_postcode.get(_normal_postcode(cp), ())]


def _names(table: _Table, commune: Commune, cp: str) -> list[str]:
    """The folded names a commune answers to at that postcode."""
    names = [fold(commune.nom)]
    for other, postcodes in table.other_names.get(commune.insee, ()):
        if not postcodes or cp in postcodes:
            names.append(fold(other))
    return names


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def match(cp: str | None, town: str | None) -> Commune | None:
    found = _match(cp, town)
    return found[0] if found else None


def _match(cp: str | None, town: str | None) -> tuple[Commune, bool] | None:
    """(commune, True when only a similarity ratio matched it)."""
    table = _table()
    cp = _normal_postcode(cp)
    wanted = fold(town)
    if not cp or not wanted:
        return None
    candidates = communes_for_postcode(cp)
    if not candidates:
        found = _match_in_departement(table, cp, wanted)
        return (found, False) if found else None
    squeezed = wanted.replace(" ", "")
    scored = []
    for commune in candidates:
        names = _names(table, commune, cp)
        if wanted in names or squeezed in {n.replace(" ", "") for n in names}:
            return commune, False
        scored.append((max(_ratio(wanted, n) for n in names), commune))
    scored.sort(key=lambda s: s[0], reverse=True)
    best, commune = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    if best >= SIMILARITY_MIN and best - second >= SIMILARITY_MARGIN:
        return commune, True
    return None


def _match_in_departement(table: _Table, cp: str, wanted: str) -> Commune | None:
    """A CEDEX or otherwise unlisted postcode: an exact name in the département, if unique."""
    found = [table.communes[i] for dep in _departements_of(cp)
             for i in table.by_departement.get(dep, ())
             if wanted in _names(table, table.communes[i], cp)]
    return found[0] if len(found) == 1 else None


def check(cp: str | None, town: str | None) -> Verification:
    candidates = tuple(communes_for_postcode(cp))
    found = _match(cp, town)
    commune, approx = found if found else (None, False)
    if not candidates:
        return Verification(CODE_POSTAL_INCONNU, commune, (),
                            f"Code postal {cp or '(vide)'} absent de la liste officielle"
                            + (f" (CEDEX ?) ; commune reconnue : {commune.nom}." if commune
                               else "."))
    if commune is None:
        noms = ", ".join(c.nom for c in candidates)
        return Verification(COMMUNE_ABSENTE, None, candidates,
                            f"« {town or ''} » n'est pas une commune du code postal {cp} "
                            f"({noms}).")
    if approx:
        return Verification(COHERENT, commune, candidates,
                            f"« {town} » lu comme {_normal_postcode(cp)} {commune.nom} "
                            "(nom approché, à vérifier).", True)
    return Verification(COHERENT, commune, candidates,
                        f"{_normal_postcode(cp)} {commune.nom} : cohérent.")


def canonical_name(cp: str | None, town: str | None) -> str | None:
    commune = match(cp, town)
    return commune.nom if commune else None


def epci_of(cp: str | None, town: str | None) -> tuple[str, str] | None:
    commune = match(cp, town)
    if commune is None or not commune.epci_siren:
        return None
    return commune.epci_siren, commune.epci_nom or ""
