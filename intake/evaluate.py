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

Families (corpus/families.py): an expected JSON may carry `"famille"` (one law office,
préfecture or département style) and `"reglage"` (true: a family the rule writers may look
at; false: held out, only its scores are shown). Documents without them belong to the
family "corpus" (tuned). The held-out figure is the one that measures generalisation.

Uncertainty (`champs_incertains` of the extraction), decided as follows:
- a wrong field is *flagged* when its key is in `champs_incertains`; the flag recall is
  flagged wrong fields / wrong fields (target >= 90 %), the flag rate is flagged fields /
  all scored fields (target <= 15 %);
- a field left empty (null or []) where a value was expected is wrong; unflagged, it is a
  *manque non signalé* (staff see an empty cell but not that the document states it);
- a wrong non-empty value that is not flagged is an *erreur silencieuse*, the worst case:
  staff would trust it;
- a document that cannot be read (or that makes the extractor fail) counts every field as
  wrong and unflagged, but apart: "champs de documents illisibles", neither silent nor
  missing (staff see the file set aside; a legible one set aside is still a failure).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SCORED_FIELDS = (
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
    signale: bool = False  # the key was in champs_incertains


@dataclass
class DocumentResult:
    fichier: str
    type_document: str  # the expected type
    groupe: str
    kind: str | None  # how it was read (pdf_text, docx, image...), None when unreadable
    correct: dict[str, bool] = field(default_factory=dict)
    erreur: str | None = None
    secondes: float = 0.0
    famille: str = "corpus"
    reglage: bool = True  # a family the rule writers may look at
    flagged: dict[str, bool] = field(default_factory=dict)  # key in champs_incertains
    empty: dict[str, bool] = field(default_factory=dict)  # extracted value null or []

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
        return {
            g: self._score([d for d in self.documents if d.groupe == g])
            for g in GROUPS
            if any(d.groupe == g for d in self.documents)
        }

    def by_type(self) -> dict[str, Score]:
        types = sorted({d.type_document for d in self.documents})
        return {t: self._score([d for d in self.documents if d.type_document == t]) for t in types}

    def by_field(self, groupe: str | None = None) -> dict[str, Score]:
        docs = [d for d in self.documents if groupe is None or d.groupe == groupe]
        return {f: self._score(docs, (f,)) for f in SCORED_FIELDS}

    def accuracy(self, groupe: str | None = None, reglage: bool | None = None) -> float | None:
        docs = [
            d
            for d in self.documents
            if (groupe is None or d.groupe == groupe) and (reglage is None or d.reglage == reglage)
        ]
        return self._score(docs).accuracy

    @property
    def has_families(self) -> bool:
        return any(d.famille != "corpus" for d in self.documents)

    def families(self) -> dict[str, list[DocumentResult]]:
        out: dict[str, list[DocumentResult]] = {}
        for d in self.documents:
            out.setdefault(d.famille, []).append(d)
        return out

    def uncertainty(self, docs=None) -> "Uncertainty":
        u = Uncertainty()
        for d in self.documents if docs is None else docs:
            for f, ok in d.correct.items():
                flag = d.flagged.get(f, False)
                u.total += 1
                u.flagged += flag
                if not ok:
                    u.wrong += 1
                    u.wrong_flagged += flag
                    if d.erreur:
                        u.unreadable += 1
                    elif not flag:
                        if d.empty.get(f, False):
                            u.missing_unflagged += 1
                        else:
                            u.silent += 1
        return u


@dataclass
class Uncertainty:
    total: int = 0
    flagged: int = 0
    wrong: int = 0
    wrong_flagged: int = 0
    silent: int = 0  # wrong non-empty value, not flagged
    missing_unflagged: int = 0  # empty where a value was expected, not flagged
    unreadable: int = 0  # fields of documents that could not be read or extracted

    @property
    def recall(self) -> float | None:
        return self.wrong_flagged / self.wrong if self.wrong else None

    @property
    def rate(self) -> float | None:
        return self.flagged / self.total if self.total else None


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


def evaluate(
    documents_dir: Path,
    expected_dir: Path | None = None,
    *,
    only: list[str] | None = None,
    extra_rules_dir: Path | None = None,
) -> Report:
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
            fichier=path.name,
            type_document=expected.get("type_document", "inconnu"),
            groupe=GROUP_SCAN if is_scan(path.name, kind) else GROUP_TEXT,
            kind=kind,
            erreur=erreur,
            secondes=time.monotonic() - start,
            famille=str(expected.get("famille") or "corpus"),
            reglage=bool(expected.get("reglage", True)),
        )
        incertains = set(got.get("champs_incertains") or []) if got is not None else set()
        for name in SCORED_FIELDS:
            exp = expected.get(name)
            val = got.get(name) if got is not None else f"<illisible : {erreur}>"
            ok = got is not None and same_value(name, exp, val)
            result.correct[name] = ok
            result.flagged[name] = name in incertains
            result.empty[name] = got is not None and val in (None, [], "")
            if not ok:
                report.mismatches.append(Mismatch(path.name, name, exp, val, name in incertains))
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
        cells = [
            str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(r)
        ]
        return "  ".join(cells).rstrip()

    return [title, line(header), "  ".join("-" * w for w in widths), *map(line, rows), ""]


def _show(value) -> str:
    if isinstance(value, str):
        return value if value.startswith("<illisible") else json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


TYPE_LABELS = {
    "assignation": "assignations",
    "saisine_prefecture": "courriers de préfecture",
    "fiche_prescription": "fiches de prescription",
    "inconnu": "documents sans rapport",
}


def failure_nature(m: Mismatch) -> str:
    """'manquant' (nothing extracted), 'inventé' (the document is silent) or 'faux'."""
    empty = (None, [], "")
    if isinstance(m.obtenu, str) and m.obtenu.startswith("<illisible"):
        return "illisible"
    if m.obtenu in empty:
        return "manquant"
    if m.attendu in empty:
        return "inventé"
    return "faux"


def failure_classes(
    report: Report, reglage: bool | None = True
) -> list[tuple[str, str, int, Mismatch]]:
    """(field, nature, count, first example), most frequent first, over the chosen families."""
    docs = {d.fichier: d for d in report.documents}
    counts: dict[tuple[str, str], list[Mismatch]] = {}
    for m in report.mismatches:
        if reglage is not None and docs[m.fichier].reglage != reglage:
            continue
        nature = failure_nature(m)
        if nature == "illisible":  # one class per document, not one per field
            if m.champ != SCORED_FIELDS[0]:
                continue
            counts.setdefault(("(document entier)", nature), []).append(m)
            continue
        counts.setdefault((m.champ, nature), []).append(m)
    rows = [(c, n, len(ms), ms[0]) for (c, n), ms in counts.items()]
    return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))


def _uncertainty_lines(u: "Uncertainty") -> list[str]:
    return [
        f"Champs faux signalés dans champs_incertains : {pct(u.recall)} "
        f"({u.wrong_flagged}/{u.wrong}) — objectif ≥ 90\u00a0%.",
        f"Part de tous les champs signalés : {pct(u.rate)} ({u.flagged}/{u.total}) — "
        "objectif ≤ 15\u00a0%.",
        f"Erreurs silencieuses (valeur fausse non signalée) : {u.silent} ; "
        f"manques non signalés (vide alors que le document l'indique) : {u.missing_unflagged} ; "
        f"champs de documents illisibles : {u.unreadable}.",
    ]


def _generalisation(report: Report) -> list[str]:
    out = ["Généralisation (familles tenues à l'écart d'abord : c'est le chiffre qui compte)"]
    rows = []
    for label, reg in (("tenues à l'écart", False), ("réglées", True)):
        docs = [d for d in report.documents if d.reglage == reg]
        if not docs:
            continue
        cells = [pct(report._score([d for d in docs if d.groupe == g]).accuracy) for g in GROUPS]
        u = report.uncertainty(docs)
        rows.append(
            (
                label,
                str(len(docs)),
                *cells,
                pct(report._score(docs).accuracy),
                pct(u.recall),
                pct(u.rate),
                str(u.silent),
            )
        )
    out += _table(
        "",
        ("familles", "documents", *GROUPS, "ensemble", "faux signalés", "signalés", "silencieuses"),
        rows,
    )[1:]
    out += _uncertainty_lines(report.uncertainty())
    out.append("")
    rows = []
    fams = report.families()
    for name in sorted(fams, key=lambda n: (fams[n][0].reglage, n)):
        docs = fams[name]
        u = report.uncertainty(docs)
        rows.append(
            (
                name,
                "réglée" if docs[0].reglage else "à l'écart",
                TYPE_LABELS.get(docs[0].type_document, docs[0].type_document),
                str(len(docs)),
                pct(report._score(docs).accuracy),
                pct(u.recall),
                str(u.silent),
            )
        )
    out += _table(
        "Par famille",
        ("famille", "statut", "type", "documents", "exactitude", "faux signalés", "silencieuses"),
        rows,
    )
    rows = []
    for t in sorted({d.type_document for d in report.documents}):
        cells = []
        for reg in (False, True):
            docs = [d for d in report.documents if d.type_document == t and d.reglage == reg]
            cells.append(pct(report._score(docs).accuracy) if docs else "—")
        rows.append((TYPE_LABELS.get(t, t), *cells))
    out += _table("Par type de document", ("type", "tenues à l'écart", "réglées"), rows)
    # Per-field scores of the held-out families say which kind of field fails on documents
    # the rules were not written against, without showing a single value of theirs.
    rows = []
    for f in SCORED_FIELDS:
        cells = []
        for reg in (False, True):
            s = report._score([d for d in report.documents if d.reglage == reg], (f,))
            cells += [pct(s.accuracy), str(s.total - s.correct)]
        rows.append((f, *cells))
    out += _table(
        "Par champ, selon la famille",
        ("champ", "tenues à l'écart", "erreurs", "réglées", "erreurs"),
        rows,
    )
    return out


def format_report(
    report: Report,
    max_mismatches: int | None = None,
    details_reserve: bool = False,
    max_classes: int = 10,
) -> str:
    """The evaluation as French text tables (percentages written "97,4 %").

    With families, the held-out figures come first and the mismatches of held-out families
    are not listed unless `details_reserve` is true (their failures must not guide the rules).
    """
    if not report.documents:
        return "Aucun document évalué (aucun fichier attendu correspondant).\n"
    out: list[str] = []
    if report.has_families:
        out += _generalisation(report)
    g = report.global_score
    n_exact = sum(d.exact for d in report.documents)
    out.append(
        f"Évaluation de l'extraction : {len(report.documents)} documents, "
        f"{len(SCORED_FIELDS)} champs par document."
    )
    out.append(
        f"Exactitude globale : {pct(g.accuracy)} ({g.correct}/{g.total} champs) ; "
        f"documents entièrement justes : {n_exact}/{len(report.documents)}."
    )
    out.append("")

    rows = []
    for name, s in report.by_group().items():
        docs = [d for d in report.documents if d.groupe == name]
        rows.append((name, str(len(docs)), f"{s.correct}/{s.total}", pct(s.accuracy)))
    out += _table("Par groupe", ("groupe", "documents", "champs justes", "exactitude"), rows)

    rows = []
    for t, s in report.by_type().items():
        docs = [d for d in report.documents if d.type_document == t]
        rows.append(
            (TYPE_LABELS.get(t, t), str(len(docs)), f"{s.correct}/{s.total}", pct(s.accuracy))
        )
    out += _table(
        "Par type de document", ("type", "documents", "champs justes", "exactitude"), rows
    )

    groups = list(report.by_group())
    per_group = {name: report.by_field(name) for name in groups}
    allf = report.by_field()
    rows = []
    for f in SCORED_FIELDS:
        rows.append(
            (
                f,
                *(pct(per_group[name][f].accuracy) for name in groups),
                pct(allf[f].accuracy),
                str(allf[f].total - allf[f].correct),
            )
        )
    out += _table("Par champ", ("champ", *groups, "ensemble", "erreurs"), rows)

    rows = [
        (d.fichier, d.kind or "illisible", pct(report._score([d]).accuracy), f"{d.secondes:.1f} s")
        for d in report.documents
    ]
    out += _table("Par document", ("fichier", "lecture", "exactitude", "durée"), rows)

    if not report.has_families:
        out += _uncertainty_lines(report.uncertainty())
        out.append("")
    docs = {d.fichier: d for d in report.documents}
    mismatches = report.mismatches
    hidden = 0
    if not details_reserve:
        mismatches = [m for m in report.mismatches if docs[m.fichier].reglage]
        hidden = len(report.mismatches) - len(mismatches)
    classes = failure_classes(report, None if details_reserve else True)
    if classes and report.has_families:
        rows = [
            (
                c,
                n,
                str(k),
                f"{m.fichier} : attendu {_show(m.attendu)}, obtenu {_show(m.obtenu)}"[:110],
            )
            for c, n, k, m in classes[:max_classes]
        ]
        out += _table(
            "Classes d'échec les plus fréquentes"
            + ("" if details_reserve else " (familles réglées)"),
            ("champ", "nature", "nombre", "exemple"),
            rows,
        )
    if hidden:
        out.append(
            f"{hidden} écarts des familles tenues à l'écart ne sont pas montrés "
            "(option --details-reserve pour les voir)."
        )
        out.append("")
    if mismatches:
        shown = mismatches if max_mismatches is None else mismatches[:max_mismatches]
        out.append(f"Écarts ({len(mismatches)})")
        for m in shown:
            out.append(
                f"- {m.fichier} — {m.champ} : attendu {_show(m.attendu)}, "
                f"obtenu {_show(m.obtenu)}{' (signalé)' if m.signale else ''}"
            )
        if len(shown) < len(mismatches):
            out.append(f"… et {len(mismatches) - len(shown)} autres écarts.")
        out.append("")
    elif not hidden:
        out.append("Aucun écart.")
        out.append("")
    if report.sans_attendu:
        out.append("Sans fichier attendu (non évalués) : " + ", ".join(report.sans_attendu))
        out.append("")
    return "\n".join(out)


def _floor(x: float | None) -> float | None:
    import math

    return math.floor(x * 1000) / 10 if x is not None else None


def niveau(report: Report) -> dict:
    """Accuracy per group, rounded down to 0.1 %, as recorded in corpus/niveau.json.

    With families: {"réglées": {group: level}, "tenues à l'écart": {group: level}} plus the
    flag recall and flag rate in %.
    """
    if not report.has_families:
        return {name: _floor(s.accuracy) for name, s in report.by_group().items()}
    out: dict = {}
    for label, reg in (("réglées", True), ("tenues à l'écart", False)):
        out[label] = {
            g: _floor(report.accuracy(g, reg))
            for g in GROUPS
            if report.accuracy(g, reg) is not None
        }
    u = report.uncertainty()
    out["faux signalés"] = _floor(u.recall)
    out["champs signalés"] = _floor(u.rate)
    return out
