"""Measure the extractor against a labelled corpus: `asll evaluate DIR [--attendu DIR]`.

    evaluate(documents_dir, expected_dir) -> Report
    format_report(report) -> str

Every document of `documents_dir` that has `<expected_dir>/<file name>.json` is read and
extracted (`intake.extract.extract_document`), then compared key by key with the expected
object for the keys of the contract (shared/spec/extraction.md):

- strings, dates and codes: exact equality;
- numbers (`loyer_mensuel`, `montant_dette`, resource amounts): equal to the cent;
- `personnes`: order-insensitive, as a set of (civilite, nom, prenom, date_naissance);
- `ressources`: order-insensitive, as a multiset of (type, montant to the cent);
- `fichier` and `champs_incertains` are not scored.

Every contract key is scored on every document, including keys expected null (an extractor
that invents a value where the document is silent is wrong). A document that cannot be read
counts every key as wrong. Documents are grouped as "scans" (read by OCR: kind `image` or
`pdf_scan`, or a file name containing "scan") or "textes et formulaires".
"""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SCORED_FIELDS = (
    "type_document", "personnes", "adresse", "code_postal", "commune", "bailleur",
    "loyer_mensuel", "montant_dette", "date_dette", "juridiction", "date_audience",
    "heure_audience", "commissaire_justice", "reference", "date_document", "date_limite",
    "type_mesure", "prescripteur", "organisme_prescripteur", "composition", "nb_enfants",
    "statut_occupation", "ressources",
)
NUMBER_FIELDS = ("loyer_mensuel", "montant_dette")
GROUP_TEXT = "textes et formulaires"
GROUP_SCAN = "scans"
GROUPS = (GROUP_TEXT, GROUP_SCAN)


@dataclass
class Mismatch:
    fichier: str
    champ: str
    attendu: object
    obtenu: object


@dataclass
class DocumentResult:
    fichier: str
    type_document: str  # the expected type
    groupe: str
    kind: str | None  # how it was read (pdf_text, docx, image...), None when unreadable
    correct: dict[str, bool] = field(default_factory=dict)
    erreur: str | None = None
    secondes: float = 0.0

    @property
    def exact(self) -> bool:
        return all(self.correct.values())


@dataclass
class Score:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += bool(ok)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass
class Report:
    documents: list[DocumentResult] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    sans_attendu: list[str] = field(default_factory=list)  # documents without expected JSON

    def _score(self, docs, fields=SCORED_FIELDS) -> Score:
        s = Score()
        for d in docs:
            for f in fields:
                if f in d.correct:
                    s.add(d.correct[f])
        return s

    @property
    def global_score(self) -> Score:
        return self._score(self.documents)

    def by_group(self) -> dict[str, Score]:
        return {g: self._score([d for d in self.documents if d.groupe == g]) for g in GROUPS
                if any(d.groupe == g for d in self.documents)}

    def by_type(self) -> dict[str, Score]:
        types = sorted({d.type_document for d in self.documents})
        return {t: self._score([d for d in self.documents if d.type_document == t]) for t in types}

    def by_field(self, groupe: str | None = None) -> dict[str, Score]:
        docs = [d for d in self.documents if groupe is None or d.groupe == groupe]
        return {f: self._score(docs, (f,)) for f in SCORED_FIELDS}

    def accuracy(self, groupe: str | None = None) -> float | None:
        if groupe is None:
            return self.global_score.accuracy
        return self.by_group().get(groupe, Score()).accuracy


# --- comparison ---------------------------------------------------------------------------

def _cents(x) -> int | None:
    if x is None or isinstance(x, bool):
        return None
    try:
        return round(float(x) * 100)
    except (TypeError, ValueError):
        return None


def _persons_key(persons) -> frozenset | None:
    if not isinstance(persons, list):
        return None
    out = set()
    for p in persons:
        if not isinstance(p, dict):
            return None
        out.add((p.get("civilite"), p.get("nom"), p.get("prenom"), p.get("date_naissance")))
    return frozenset(out)


def _resources_key(resources) -> Counter | None:
    if not isinstance(resources, list):
        return None
    out = Counter()
    for r in resources:
        if not isinstance(r, dict):
            return None
        montant = r.get("montant")
        out[(r.get("type"), None if montant is None else _cents(montant))] += 1
    return out


def same_value(name: str, expected, got) -> bool:
    """Is `got` the right value of contract key `name`?"""
    if name == "personnes":
        return _persons_key(expected or []) == _persons_key(got if got is not None else [])
    if name == "ressources":
        return _resources_key(expected or []) == _resources_key(got if got is not None else [])
    if name in NUMBER_FIELDS:
        if expected is None or got is None:
            return expected is None and got is None
        return _cents(expected) == _cents(got)
    if name == "nb_enfants":
        if expected is None or got is None:
            return expected is None and got is None
        return isinstance(got, int) and not isinstance(got, bool) and int(expected) == got
    return expected == got


# --- running --------------------------------------------------------------------------------

def is_scan(fichier: str, kind: str | None) -> bool:
    return kind in ("image", "pdf_scan") or "scan" in fichier.lower()


def expected_files(documents_dir: Path, expected_dir: Path) -> tuple[list[Path], list[str]]:
    """(documents that have an expected JSON, names of documents that have none)."""
    with_json, without = [], []
    for path in sorted(Path(documents_dir).iterdir(), key=lambda p: p.name):
        if not path.is_file() or path.name.startswith("."):
            continue
        if (Path(expected_dir) / f"{path.name}.json").is_file():
            with_json.append(path)
        else:
            without.append(path.name)
    return with_json, without


def evaluate(documents_dir: Path, expected_dir: Path | None = None, *,
             only: list[str] | None = None, extra_rules_dir: Path | None = None) -> Report:
    """Extract every labelled document of `documents_dir` and compare with the expected JSON.

    `expected_dir` defaults to `<documents_dir>/../attendu`. `only`, when given, restricts the
    run to these file names.
    """
    from .extract import extract_document
    from .readers import read_document

    documents_dir = Path(documents_dir)
    expected_dir = Path(expected_dir) if expected_dir else documents_dir.parent / "attendu"
    report = Report()
    paths, report.sans_attendu = expected_files(documents_dir, expected_dir)
    for path in paths:
        if only is not None and path.name not in only:
            continue
        expected = json.loads((expected_dir / f"{path.name}.json").read_text(encoding="utf-8"))
        start = time.monotonic()
        kind, erreur, got = None, None, None
        try:
            doc = read_document(path)
            kind = doc.kind
            got = extract_document(doc, path.name, extra_rules_dir=extra_rules_dir).to_json()
        except Exception as exc:  # unreadable file or extractor crash: every key is wrong
            erreur = f"{type(exc).__name__}: {exc}".strip()
        result = DocumentResult(
            fichier=path.name, type_document=expected.get("type_document", "inconnu"),
            groupe=GROUP_SCAN if is_scan(path.name, kind) else GROUP_TEXT, kind=kind,
            erreur=erreur, secondes=time.monotonic() - start)
        for name in SCORED_FIELDS:
            exp = expected.get(name)
            val = got.get(name) if got is not None else f"<illisible : {erreur}>"
            ok = got is not None and same_value(name, exp, val)
            result.correct[name] = ok
            if not ok:
                report.mismatches.append(Mismatch(path.name, name, exp, val))
        report.documents.append(result)
    return report


# --- French report --------------------------------------------------------------------------

def pct(x: float | None) -> str:
    """0.974 -> "97,4 %"."""
    if x is None:
        return "—"
    return f"{x * 100:.1f}".replace(".", ",") + "\u00a0%"


def _table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(r):
        cells = [str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i])
                 for i, c in enumerate(r)]
        return "  ".join(cells).rstrip()

    return [title, line(header), "  ".join("-" * w for w in widths), *map(line, rows), ""]


def _show(value) -> str:
    if isinstance(value, str):
        return value if value.startswith("<illisible") else json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


TYPE_LABELS = {
    "assignation": "assignations", "saisine_prefecture": "courriers de préfecture",
    "fiche_prescription": "fiches de prescription", "inconnu": "documents sans rapport",
}


def format_report(report: Report, max_mismatches: int | None = None) -> str:
    """The evaluation as French text tables (percentages written "97,4 %")."""
    if not report.documents:
        return "Aucun document évalué (aucun fichier attendu correspondant).\n"
    out: list[str] = []
    g = report.global_score
    n_exact = sum(d.exact for d in report.documents)
    out.append(f"Évaluation de l'extraction : {len(report.documents)} documents, "
               f"{len(SCORED_FIELDS)} champs par document.")
    out.append(f"Exactitude globale : {pct(g.accuracy)} ({g.correct}/{g.total} champs) ; "
               f"documents entièrement justes : {n_exact}/{len(report.documents)}.")
    out.append("")

    rows = []
    for name, s in report.by_group().items():
        docs = [d for d in report.documents if d.groupe == name]
        rows.append((name, str(len(docs)), f"{s.correct}/{s.total}", pct(s.accuracy)))
    out += _table("Par groupe", ("groupe", "documents", "champs justes", "exactitude"), rows)

    rows = []
    for t, s in report.by_type().items():
        docs = [d for d in report.documents if d.type_document == t]
        rows.append((TYPE_LABELS.get(t, t), str(len(docs)), f"{s.correct}/{s.total}",
                     pct(s.accuracy)))
    out += _table("Par type de document", ("type", "documents", "champs justes", "exactitude"),
                  rows)

    groups = list(report.by_group())
    per_group = {name: report.by_field(name) for name in groups}
    allf = report.by_field()
    rows = []
    for f in SCORED_FIELDS:
        rows.append((f, *(pct(per_group[name][f].accuracy) for name in groups),
                     pct(allf[f].accuracy), str(allf[f].total - allf[f].correct)))
    out += _table("Par champ", ("champ", *groups, "ensemble", "erreurs"), rows)

    rows = [(d.fichier, d.kind or "illisible", pct(report._score([d]).accuracy),
             f"{d.secondes:.1f} s") for d in report.documents]
    out += _table("Par document", ("fichier", "lecture", "exactitude", "durée"), rows)

    if report.mismatches:
        shown = report.mismatches if max_mismatches is None else report.mismatches[:max_mismatches]
        out.append(f"Écarts ({len(report.mismatches)})")
        for m in shown:
            out.append(f"- {m.fichier} — {m.champ} : attendu {_show(m.attendu)}, "
                       f"obtenu {_show(m.obtenu)}")
        if len(shown) < len(report.mismatches):
            out.append(f"… et {len(report.mismatches) - len(shown)} autres écarts.")
        out.append("")
    else:
        out.append("Aucun écart.")
        out.append("")
    if report.sans_attendu:
        out.append("Sans fichier attendu (non évalués) : " + ", ".join(report.sans_attendu))
        out.append("")
    return "\n".join(out)


def niveau(report: Report) -> dict:
    """Accuracy per group, rounded down to 0.1 %, as recorded in corpus/niveau.json."""
    import math

    out = {}
    for name, s in report.by_group().items():
        out[name] = math.floor(s.accuracy * 1000) / 10 if s.accuracy is not None else None
    return out
