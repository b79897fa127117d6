#!/usr/bin/env python3
"""Build asll/domain/data/communes.tsv.gz from Etalab's @etalab/decoupage-administratif.

Usage:
    python scripts/build_communes.py [PACKAGE_DIR] [--sortie FILE]

PACKAGE_DIR is the unpacked npm package (the folder holding data/communes.json and
data/epci.json). Without it, the script runs `npm pack @etalab/decoupage-administratif`
in a temporary folder and unpacks it there, so users of asll never need npm.

The output is a gzipped, tab-separated text file, identical from one run to the next for
the same package version (sorted rows, gzip mtime 0):

    # source=@etalab/decoupage-administratif@<version>  licence=...  rows=<n>  sha256=<hex>
    C  insee  nom  departement  codes_postaux(space-separated)  epci_siren
    A  insee  other_name  codes_postaux   (commune déléguée / associée, arrondissement)
    E  siren  nom
    D  code  nom   (départements, for names printed in full)
    P  code_postal  insee insee ...   (the index asll reads at start-up, so that loading
                                       needs no pass over every commune)
    N  folded_name  insee  [spelling] (the index of names: a commune's own name, or
                                       "~" + a former commune's with its spelling, folded by
                                       asll.domain.communes.fold; a look-up by name is then
                                       one bisection, not a fold of 37 000 names)

sha256 is that of the UTF-8 body (every line after the header, newline-terminated); the
same figures are written in asll/domain/data/README.md, and a test checks both agree.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
from asll.domain.communes import fold  # noqa: E402 - the key asll looks names up by

PACKAGE = "@etalab/decoupage-administratif"
LICENCE = "Licence Ouverte (Etalab)"
DEFAULT_OUT = (
    Path(__file__).resolve().parent.parent / "asll" / "domain" / "data" / "communes.tsv.gz"
)
# Alternative names printed on addresses that belong to an actual commune.
ALIAS_TYPES = {"commune-deleguee", "commune-associee", "arrondissement-municipal"}


def body_lines(communes: list[dict], epcis: list[dict], departements: list[dict] = ()) -> list[str]:
    """The table's rows, sorted, without the header."""
    epci_of = {m["code"]: e["code"] for e in epcis for m in e["membres"]}
    actual = {c["code"]: c for c in communes if c["type"] == "commune-actuelle"}
    rows = []
    for c in actual.values():
        rows.append(
            "\t".join(
                (
                    "C",
                    c["code"],
                    c["nom"],
                    c["departement"],
                    " ".join(c.get("codesPostaux") or ()),
                    epci_of.get(c["code"], ""),
                )
            )
        )
    for c in communes:
        if c["type"] not in ALIAS_TYPES:
            continue
        parent = actual.get(c.get("commune") or c.get("chefLieu") or "")
        if parent is None or parent["nom"] == c["nom"]:
            continue  # an alias equal to its commune's own name says nothing
        rows.append(
            "\t".join(("A", parent["code"], c["nom"], " ".join(c.get("codesPostaux") or ())))
        )
    for e in epcis:
        rows.append("\t".join(("E", e["code"], e["nom"])))
    for d in departements:
        rows.append("\t".join(("D", d["code"], d["nom"])))
    by_postcode: dict[str, list[str]] = {}
    for c in sorted(actual.values(), key=lambda c: c["code"]):
        for cp in c.get("codesPostaux") or ():
            by_postcode.setdefault(cp, []).append(c["code"])
    for cp, codes in by_postcode.items():
        rows.append("\t".join(("P", cp, " ".join(codes))))
    rows += name_rows(rows)
    for row in rows:
        if "\n" in row or row.count("\t") > 5:
            raise ValueError(f"caractère inattendu dans la ligne {row!r}")
    # Sort once so that a rebuild from the same package gives the same bytes.
    return sorted(rows)


def name_rows(rows: list[str]) -> list[str]:
    """The index by folded name of the C (own name) and A (former commune's name) rows."""
    index = []
    for row in rows:
        kind, insee, name = row.split("\t")[:3]
        if kind in ("C", "A"):
            own = kind == "C"  # its spelling is the C row's
            key = fold(name) if own else "~" + fold(name)
            index.append("\t".join(("N", key, insee) if own else ("N", key, insee, name)))
    return index


def render(lines: list[str], version: str) -> tuple[bytes, str]:
    body = "".join(line + "\n" for line in lines).encode("utf-8")
    digest = hashlib.sha256(body).hexdigest()
    header = (
        f"# source={PACKAGE}@{version}\tlicence={LICENCE}\trows={len(lines)}\tsha256={digest}\n"
    ).encode("utf-8")
    return header + body, digest


def build(package_dir: Path, out: Path) -> dict:
    data = package_dir / "data"
    version = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))["version"]
    communes = json.loads((data / "communes.json").read_text(encoding="utf-8"))
    epcis = json.loads((data / "epci.json").read_text(encoding="utf-8"))
    departements = json.loads((data / "departements.json").read_text(encoding="utf-8"))
    lines = body_lines(communes, epcis, departements)
    content, digest = render(lines, version)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(content)
    kinds = {k: sum(1 for line in lines if line[0] == k) for k in "CAEDPN"}
    return {
        "version": version,
        "rows": len(lines),
        "sha256": digest,
        "communes": kinds["C"],
        "alias": kinds["A"],
        "epci": kinds["E"],
        "departements": kinds["D"],
        "bytes": out.stat().st_size,
    }


def fetch_package(into: Path) -> Path:
    """npm pack into `into` and unpack; returns the package folder."""
    subprocess.run(
        ["npm", "pack", "--loglevel=error", PACKAGE], cwd=into, check=True, stdout=subprocess.PIPE
    )
    tgz = next(into.glob("*.tgz"))
    with tarfile.open(tgz) as tar:
        tar.extractall(into, filter="data")
    return into / "package"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Construit la table des communes (Etalab).")
    parser.add_argument(
        "paquet", nargs="?", type=Path, help="dossier du paquet npm décompressé (sinon : npm pack)"
    )
    parser.add_argument("--sortie", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if args.paquet:
        info = build(args.paquet, args.sortie)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            info = build(fetch_package(Path(tmp)), args.sortie)
    print(
        f"{args.sortie} : {PACKAGE}@{info['version']}, {info['communes']} communes, "
        f"{info['alias']} autres noms, {info['epci']} EPCI, {info['departements']} départements, "
        f"{info['rows']} lignes, "
        f"sha256 {info['sha256']}, {info['bytes']} octets"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
