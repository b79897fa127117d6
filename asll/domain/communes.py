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
  only by similarity (worth flagging as uncertain). A CEDEX postcode is unknown by nature:
  ``commune`` is then still filled when the name is exact in the département — right for
  an organisation's letterhead, a reason for doubt on a household's address.
- ``canonical_name(cp, town) -> str | None``: the official spelling ("ANGOULEME" ->
  "Angoulême", "SAINT DIZIER" -> "Saint-Dizier"), None when there is no match.
- ``epci_of(cp, town) -> (siren, nom) | None``.
- Helpers: ``fold(name)`` (the comparison key), ``communes_named(name, departement)``,
  ``departement_code(name)`` / ``departement_name(code)``, ``source()``.

The table loads on first use (under 0.1 s here) and is cached; a look-up by exact name
then takes about 20 µs, one that needs the similarity ratio about 0.3 ms.
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from asll.domain.text import strip_accents

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


class _Table:
    """The data file's sorted lines, read on demand by prefix (bisect): loading is one
    gunzip and one split, with no pass over the 35 000 communes."""

    def __init__(self, header: str, lines: list[str]):
        self.source = header
        self.lines = lines  # sorted, so every kind and key is one contiguous run
        self.by_postcode = {
            cp: tuple(codes.split())
            for cp, codes in (line.split("\t")[1:3] for line in self._run("P\t"))
        }
        self.departements = dict(line.split("\t")[1:3] for line in self._run("D\t"))

    def _run(self, prefix: str) -> list[str]:
        start = bisect_left(self.lines, prefix)
        end = bisect_left(self.lines, prefix[:-1] + chr(ord(prefix[-1]) + 1), start)
        return self.lines[start:end]

    @cache  # noqa: B019 - one table per process, alive as long as it
    def commune(self, insee: str) -> Commune:
        _, _, nom, dep, cps, siren = self._run(f"C\t{insee}\t")[0].split("\t")
        epci = self._run(f"E\t{siren}\t") if siren else []
        return Commune(
            insee,
            nom,
            dep,
            tuple(cps.split()),
            siren or None,
            epci[0].split("\t")[2] if epci else None,
        )

    @cache  # noqa: B019 - one table per process, alive as long as it
    def other_names(self, insee: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Names of former communes (déléguées, associées) and arrondissements, with the
        postcodes they are limited to (none: all the commune's)."""
        rows = (line.split("\t") for line in self._run(f"A\t{insee}\t"))
        return tuple((r[2], tuple(r[3].split())) for r in rows)

    @cache  # noqa: B019 - one table per process, alive as long as it
    def in_departement(self, departement: str) -> tuple[str, ...]:
        """INSEE codes of a département's communes (an INSEE code starts with it)."""
        return tuple(
            line.split("\t")[1]
            for line in self._run(f"C\t{departement}")
            if line.split("\t")[3] == departement
        )


@cache
def _table() -> _Table:
    with gzip.open(DATA_FILE, "rb") as f:
        text = f.read().decode("utf-8")
    header, _, body = text.partition("\n")
    return _Table(header.strip("# "), body.splitlines())


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
    text = strip_accents(text).lower()
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


def communes_named(name: str | None, departement: str | None = None) -> list[tuple[Commune, str]]:
    """Actual communes answering to `name` (own name, else a former commune's name such as
    'Vire' in Vire Normandie), optionally in one département, with the official spelling
    of the name that matched."""
    table = _table()
    wanted = fold(name)
    for key in (wanted, "~" + wanted):  # own names first, then former communes'
        # the data file's name index (N rows): one bisection, no pass over the communes
        found = []
        for line in table._run(f"N\t{key}\t"):
            row = line.split("\t")
            commune = table.commune(row[2])
            if departement is None or commune.departement == departement:
                # a former commune's row carries its spelling; an own name is the commune's
                found.append((commune, row[3] if len(row) > 3 else commune.nom))
        if found:
            return found
    return []


def communes_for_postcode(cp: str | None) -> list[Commune]:
    table = _table()
    return [table.commune(i) for i in table.by_postcode.get(_normal_postcode(cp), ())]


def _names(table: _Table, commune: Commune, cp: str) -> tuple[str, ...]:
    return _folded_names(commune.insee, cp)


@cache
def _folded_names(insee: str, cp: str) -> tuple[str, ...]:
    """The folded names a commune answers to at that postcode."""
    table = _table()
    names = [fold(table.commune(insee).nom)]
    for other, postcodes in table.other_names(insee):
        if not postcodes or cp in postcodes:
            names.append(fold(other))
    return tuple(names)


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
    for commune in candidates:
        names = _names(table, commune, cp)
        if wanted in names or squeezed in {n.replace(" ", "") for n in names}:
            return commune, False
    # No exact name: the similarity ratio, costlier, only now.
    scored = [
        (max(_ratio(wanted, n) for n in _names(table, commune, cp)), commune)
        for commune in candidates
    ]
    scored.sort(key=lambda s: s[0], reverse=True)
    best, commune = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    if best >= SIMILARITY_MIN and best - second >= SIMILARITY_MARGIN:
        return commune, True
    return None


def _match_in_departement(table: _Table, cp: str, wanted: str) -> Commune | None:
    """A CEDEX or otherwise unlisted postcode: an exact name in the département, if unique."""
    found = [
        table.commune(i)
        for dep in _departements_of(cp)
        for i in table.in_departement(dep)
        if wanted in _names(table, table.commune(i), cp)
    ]
    return found[0] if len(found) == 1 else None


def check(cp: str | None, town: str | None) -> Verification:
    candidates = tuple(communes_for_postcode(cp))
    found = _match(cp, town)
    commune, approx = found if found else (None, False)
    if not candidates:
        return Verification(
            CODE_POSTAL_INCONNU,
            commune,
            (),
            f"Code postal {cp or '(vide)'} absent de la liste officielle"
            + (f" (CEDEX ?) ; commune reconnue : {commune.nom}." if commune else "."),
        )
    if commune is None:
        noms = ", ".join(c.nom for c in candidates)
        if not fold(town):
            return Verification(
                COMMUNE_ABSENTE,
                None,
                candidates,
                f"Commune non lue pour le code postal {cp} ({noms}).",
            )
        return Verification(
            COMMUNE_ABSENTE,
            None,
            candidates,
            f"« {town} » n'est pas une commune du code postal {cp} ({noms}).",
        )
    if approx:
        return Verification(
            COHERENT,
            commune,
            candidates,
            f"« {town} » lu comme {_normal_postcode(cp)} {commune.nom} (nom approché, à vérifier).",
            True,
        )
    return Verification(
        COHERENT, commune, candidates, f"{_normal_postcode(cp)} {commune.nom} : cohérent."
    )


def canonical_name(cp: str | None, town: str | None) -> str | None:
    commune = match(cp, town)
    return commune.nom if commune else None


def epci_of(cp: str | None, town: str | None) -> tuple[str, str] | None:
    commune = match(cp, town)
    if commune is None or not commune.epci_siren:
        return None
    return commune.epci_siren, commune.epci_nom or ""
