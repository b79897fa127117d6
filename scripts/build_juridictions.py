#!/usr/bin/env python3
"""Build asll/domain/data/juridictions.tsv from scripts/sources/coj_tableau_iv.txt.

The source is the list of seats of the Code de l'organisation judiciaire, Annexe Tableau IV
(copied by hand from Légifrance's consolidated text, see its header). This script turns it
into one row per court with its official name, seat commune (INSEE code, from Etalab's
table shipped in asll/domain/data/communes.tsv.gz), département, parent tribunal judiciaire
and cour d'appel. It fails loudly when a seat is not an actual commune of its département,
so a typo in the source cannot reach the shipped table.

Usage: python scripts/build_juridictions.py [--sortie FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from asll.domain import communes  # asll installed (make setup: pip install -e .)

ROOT = Path(__file__).resolve().parent.parent

SOURCE = ROOT / "scripts" / "sources" / "coj_tableau_iv.txt"
DEFAULT_OUT = ROOT / "asll" / "domain" / "data" / "juridictions.tsv"
COLUMNS = ("type", "nom", "siege", "insee", "departement", "tribunal_judiciaire", "cour_d_appel")
KINDS = {
    "TJ": ("tribunal_judiciaire", "Tribunal judiciaire"),
    "P": ("tribunal_de_proximite", "Tribunal de proximité"),
    "TPI": ("tribunal_de_premiere_instance", "Tribunal de première instance"),
}
# Seats that are not communes of Etalab's table (Wallis-et-Futuna has no communes).
NOT_A_COMMUNE = {"Mata-Utu"}


def with_preposition(prefix: str, place: str) -> str:
    """'Tribunal judiciaire' + 'Le Mans' -> 'Tribunal judiciaire du Mans'."""
    if place.startswith("Le "):
        return f"{prefix} du {place[3:]}"
    if place.startswith("Les "):
        return f"{prefix} des {place[4:]}"
    if place[0] in "AEIOUYÉÈÂÎ":
        return f"{prefix} d'{place}"
    return f"{prefix} de {place}"


def cour_name(place: str) -> str:
    if place == "Saint-Pierre":
        return "Tribunal supérieur d'appel de Saint-Pierre"
    return with_preposition("Cour d'appel", place)


def parse(lines: list[str]) -> list[dict]:
    rows: list[dict] = []
    cour = dep = parent = ""
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        tag, _, rest = line.partition(" ")
        if tag == "CA":
            cour = cour_name(rest)
            continue
        if tag == "D":
            dep = communes.departement_code(rest) or ""
            if not dep:
                raise ValueError(f"département inconnu : {rest}")
            continue
        rest, _, explicit_parent = rest.partition(" <")
        rest, _, explicit_dep = rest.partition(" @")
        rest, _, renamed = rest.partition(" =")
        seat, seat_dep = rest.strip(), explicit_dep or dep
        kind, prefix = KINDS[tag]
        found = communes.communes_named(renamed or seat, seat_dep)
        if len(found) != 1 and seat not in NOT_A_COMMUNE:
            raise ValueError(f"siège introuvable ou ambigu : {seat} ({seat_dep})")
        commune, official_seat = found[0] if found else (None, seat)  # Evreux -> Évreux
        if renamed:
            official_seat = seat  # the court keeps the name the Code gives it
        name = with_preposition(prefix, official_seat)
        if tag == "TJ":
            parent = name
        tj = ""
        if tag == "P":
            tj = (
                with_preposition("Tribunal judiciaire", explicit_parent)
                if explicit_parent
                else parent
            )
        rows.append(
            {
                "type": kind,
                "nom": name,
                "siege": official_seat,
                "insee": commune.insee if commune else "",
                "departement": seat_dep,
                "tribunal_judiciaire": tj,
                "cour_d_appel": cour,
            }
        )
    return rows


def render(rows: list[dict]) -> str:
    out = ["\t".join(COLUMNS)]
    out += ["\t".join(row[c] for c in COLUMNS) for row in rows]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Construit la table des juridictions.")
    parser.add_argument("--sortie", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    rows = parse(SOURCE.read_text(encoding="utf-8").splitlines())
    args.sortie.write_text(render(rows), encoding="utf-8")
    counts = {k: sum(1 for r in rows if r["type"] == k) for k, _ in KINDS.values()}
    print(f"{args.sortie} : " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
