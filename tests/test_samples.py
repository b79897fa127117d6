"""Sanity checks of the bundled sample corpus (samples/), not of the extractor.

Each expected JSON in samples/attendu/ must follow the extraction contract
(shared/spec/extraction.md, plus the extra keys complement_adresse, enfants, objectifs),
and each readable document must really contain what its expected JSON says: the persons'
surnames and the debt amount, written in some form.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DOCS = SAMPLES / "documents"
SCANS = SAMPLES / "scans"
ATTENDU = SAMPLES / "attendu"

CONTRACT_KEYS = (
    "fichier",
    "type_document",
    "personnes",
    "adresse",
    "code_postal",
    "commune",
    "bailleur",
    "loyer_mensuel",
    "montant_dette",
    "date_dette",
    "juridiction",
    "date_audience",
    "heure_audience",
    "commissaire_justice",
    "reference",
    "date_document",
    "date_limite",
    "type_mesure",
    "prescripteur",
    "organisme_prescripteur",
    "composition",
    "nb_enfants",
    "statut_occupation",
    "ressources",
    "champs_incertains",
)
EXTRA_KEYS = ("complement_adresse", "enfants", "objectifs")
DATE_KEYS = ("date_dette", "date_audience", "date_document", "date_limite")
TYPES_DOCUMENT = ("assignation", "saisine_prefecture", "fiche_prescription", "inconnu")
TYPES_MESURE = ("acces", "maintien", "renouvellement", "diagnostic")
COMPOSITIONS = ("femme_seule", "homme_seul", "couple")
STATUTS = (
    "locataire_public",
    "locataire_prive",
    "sous_locataire",
    "heberge",
    "proprietaire",
    "sans_logement",
)
TYPES_RESSOURCE = (
    "salaire",
    "chomage",
    "rsa",
    "aah",
    "pension",
    "prestations_familiales",
    "apl",
    "ij",
    "autre",
)
OBJECTIFS = (
    "projet_logement",
    "installation",
    "budget",
    "dette_apurement",
    "usage_logement",
    "integration",
)
# Files that must make `asll extract` fail: no expected JSON for them.
UNREADABLE = (
    "assignation PETIT (copie).pdf",
    "Nouveau document.pdf",
    "Fiche prescription DURAND.docx",
)

EXPECTED = sorted(ATTENDU.glob("*.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(data: dict) -> Path:
    for folder in (DOCS, SCANS):
        if (folder / data["fichier"]).exists():
            return folder / data["fichier"]
    raise AssertionError(f"no document for {data['fichier']}")


def _is_iso(value) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    date.fromisoformat(value)
    return True


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_personne(p: dict, where: str) -> None:
    assert set(p) == {"civilite", "nom", "prenom", "date_naissance"}, where
    assert p["civilite"] in ("M.", "Mme", None), where
    assert isinstance(p["nom"], str) and p["nom"].strip(), where
    assert " épouse " not in p["nom"] and " née " not in p["nom"], where
    assert p["prenom"] is None or isinstance(p["prenom"], str), where
    assert p["date_naissance"] is None or _is_iso(p["date_naissance"]), where


def test_corpus_is_complete():
    assert len(EXPECTED) >= 16
    docs = {p.name for p in DOCS.iterdir()}
    for name in UNREADABLE:
        assert name in docs
        assert not (ATTENDU / f"{name}.json").exists()
    for name in docs - set(UNREADABLE):
        assert (ATTENDU / f"{name}.json").exists(), name
    kinds = [_load(p)["type_document"] for p in EXPECTED]
    for kind in TYPES_DOCUMENT:
        assert kind in kinds
    total = sum(p.stat().st_size for p in SAMPLES.rglob("*") if p.is_file())
    assert total < 3_000_000


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name)
def test_expected_follows_contract(path: Path):
    data = _load(path)
    assert path.name == data["fichier"] + ".json"
    _source(data)
    for key in CONTRACT_KEYS + EXTRA_KEYS:
        assert key in data, key
    assert data["type_document"] in TYPES_DOCUMENT
    assert data["champs_incertains"] == []
    for p in data["personnes"] + data["enfants"]:
        _check_personne(p, path.name)
    for key in DATE_KEYS:
        assert data[key] is None or _is_iso(data[key]), key
    for key in ("loyer_mensuel", "montant_dette"):
        assert data[key] is None or _is_number(data[key]), key
    assert data["heure_audience"] is None or re.fullmatch(
        r"[0-2]\d:[0-5]\d", data["heure_audience"]
    )
    assert data["code_postal"] is None or re.fullmatch(r"\d{5}", data["code_postal"])
    assert data["type_mesure"] in TYPES_MESURE + (None,)
    assert data["composition"] in COMPOSITIONS + (None,)
    assert data["statut_occupation"] in STATUTS + (None,)
    assert data["nb_enfants"] is None or (
        isinstance(data["nb_enfants"], int) and data["nb_enfants"] >= 0
    )
    for r in data["ressources"]:
        assert set(r) == {"type", "montant"}
        assert r["type"] in TYPES_RESSOURCE
        assert r["montant"] is None or _is_number(r["montant"])
    assert all(o in OBJECTIFS for o in data["objectifs"])
    if data["adresse"]:  # street part only: no postcode, no town
        assert not re.search(r"\b\d{5}\b", data["adresse"])
        assert data["commune"] not in data["adresse"]
    if data["type_document"] == "fiche_prescription":
        assert data["nb_enfants"] == len(data["enfants"])
        assert data["composition"] == (
            "couple" if len(data["personnes"]) == 2 else data["composition"]
        )
    else:
        assert data["enfants"] == [] and data["objectifs"] == []
        assert data["type_mesure"] is None and data["composition"] is None
    if data["type_document"] == "inconnu":
        assert data["personnes"] == [] and data["montant_dette"] is None
    if data["type_document"] in ("assignation", "saisine_prefecture"):
        assert data["personnes"] and data["date_audience"] and data["juridiction"]


# --------------------------------------------------------------------------- document text


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).lower()


def _pdf_text(path: Path) -> str:
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    with pdfplumber.open(path) as pdf:
        parts = [page.extract_text() or "" for page in pdf.pages]
        form = resolve1(pdf.doc.catalog.get("AcroForm"))
        for ref in (resolve1(form.get("Fields")) if form else None) or []:
            value = resolve1(resolve1(ref).get("V"))
            if isinstance(value, bytes):
                value = value.decode("utf-16" if value[:2] == b"\xfe\xff" else "latin-1")
            if isinstance(value, str):
                parts.append(value)
    return "\n".join(parts)


def _docx_text(path: Path) -> str:
    import docx

    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def _amount_forms(x: float) -> list[str]:
    euros, cents = f"{x:.2f}".split(".")
    grouped = f"{int(euros):,}"
    return [
        f"{euros},{cents}",
        f"{euros}.{cents}",
        f"{grouped.replace(',', ' ')},{cents}",
        f"{grouped.replace(',', '.')},{cents}",
    ]


READABLE = [p for p in EXPECTED if (DOCS / _load(p)["fichier"]).exists()]


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_document_contains_expected_values(path: Path):
    data = _load(path)
    src = DOCS / data["fichier"]
    text = _norm(_pdf_text(src) if src.suffix == ".pdf" else _docx_text(src))
    assert len(text) > 200
    for p in data["personnes"]:
        assert _norm(p["nom"]) in text, p["nom"]
        if p["prenom"]:
            assert _norm(p["prenom"]) in text, p["prenom"]
    if data["montant_dette"] is not None:
        assert any(f in text for f in _amount_forms(data["montant_dette"])), data["montant_dette"]
    for key in ("reference", "code_postal"):
        if data[key]:
            assert _norm(data[key]) in text, key
    if data["bailleur"]:
        assert _norm(data["bailleur"]) in text
    if data["commissaire_justice"]:
        assert _norm(data["commissaire_justice"]) in text


def test_scan_has_no_text_layer():
    import pdfplumber

    with pdfplumber.open(SCANS / "scan_20250915_0932.pdf") as pdf:
        assert len(pdf.pages) == 1
        assert not (pdf.pages[0].extract_text() or "").strip()
        assert pdf.pages[0].images


def test_unreadable_files_are_unreadable():
    assert (DOCS / "Nouveau document.pdf").stat().st_size == 0
    corrupt = (DOCS / "assignation PETIT (copie).pdf").read_bytes()
    assert corrupt.startswith(b"%PDF") and b"%%EOF" not in corrupt
    lying = (DOCS / "Fiche prescription DURAND.docx").read_bytes()
    assert not lying.startswith(b"PK")
