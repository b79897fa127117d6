"""`intake.evaluate`: scoring rules, French report, and a run on the bundled samples."""

from __future__ import annotations

import json
from pathlib import Path

from intake.evaluate import GROUP_TEXT, SCORED_FIELDS, evaluate, format_report, pct, same_value

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_same_value_rules():
    p1 = {"civilite": "M.", "nom": "MARTIN", "prenom": "Kévin", "date_naissance": None}
    p2 = {"civilite": "Mme", "nom": "LEROY", "prenom": "Jessica", "date_naissance": None}
    assert same_value("personnes", [p1, p2], [p2, p1])
    assert not same_value("personnes", [p1, p2], [p1])
    assert same_value("personnes", [], None)
    assert same_value("montant_dette", 3412.87, 3412.870000001)
    assert not same_value("montant_dette", 3412.87, 3412.8)
    assert not same_value("montant_dette", None, 0)
    assert same_value("loyer_mensuel", 510, 510.0)
    assert same_value(
        "ressources",
        [{"type": "apl", "montant": 212}, {"type": "rsa", "montant": None}],
        [{"type": "rsa", "montant": None}, {"type": "apl", "montant": 212.0}],
    )
    assert not same_value(
        "ressources",
        [{"type": "apl", "montant": 212}],
        [{"type": "apl", "montant": 212}, {"type": "apl", "montant": 212}],
    )
    assert same_value("commune", "Saint-Dizier", "Saint-Dizier")
    assert not same_value("commune", "Saint-Dizier", "SAINT-DIZIER")
    assert not same_value("nb_enfants", 0, None)
    assert pct(0.974) == "97,4\u00a0%"
    assert pct(1) == "100,0\u00a0%"


def test_evaluate_samples(tmp_path):
    report = evaluate(SAMPLES / "documents", SAMPLES / "attendu")
    names = {d.fichier for d in report.documents}
    assert len(names) == 16
    assert "Nouveau document.pdf" in report.sans_attendu  # no expected JSON: not scored
    assert all(d.groupe == GROUP_TEXT for d in report.documents)
    assert all(len(d.correct) == len(SCORED_FIELDS) for d in report.documents)
    # the extractor is tuned on the samples: they must stay fully right
    assert report.accuracy() == 1.0, format_report(report)
    text = format_report(report)
    assert "100,0\u00a0%" in text and "Par champ" in text and "Aucun écart" in text


def test_mismatches_are_listed(tmp_path):
    docs, att = tmp_path / "documents", tmp_path / "attendu"
    docs.mkdir(), att.mkdir()
    name = "assignation MARTIN.pdf"
    (docs / name).write_bytes((SAMPLES / "documents" / name).read_bytes())
    data = json.loads((SAMPLES / "attendu" / f"{name}.json").read_text(encoding="utf-8"))
    data["montant_dette"] = 1.0
    data["champs_incertains"] = ["adresse"]  # not scored
    (att / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    (docs / "illisible.pdf").write_bytes(b"")
    (att / "illisible.pdf.json").write_text(json.dumps(data), encoding="utf-8")
    report = evaluate(docs, att)
    ok = [m for m in report.mismatches if m.fichier == name]
    assert [(m.champ, m.attendu, m.obtenu) for m in ok] == [("montant_dette", 1.0, 3412.87)]
    bad = [m for m in report.mismatches if m.fichier == "illisible.pdf"]
    assert len(bad) == len(SCORED_FIELDS)
    text = format_report(report)
    assert "montant_dette : attendu 1.0, obtenu 3412.87" in text


def test_uncertainty_measures_and_failure_classes():
    from intake.evaluate import DocumentResult, Mismatch, Report, failure_classes

    def doc(name, reglage, wrong, flagged, empty=()):
        d = DocumentResult(
            name, "assignation", GROUP_TEXT, "pdf_text", famille="f", reglage=reglage
        )
        for f in SCORED_FIELDS:
            d.correct[f] = f not in wrong
            d.flagged[f] = f in flagged
            d.empty[f] = f in empty
        return d

    report = Report(
        documents=[
            doc("a.pdf", True, {"bailleur", "adresse"}, {"bailleur"}, empty={"adresse"}),
            doc("b.pdf", False, {"bailleur", "personnes"}, {"reference"}),
        ],
        mismatches=[
            Mismatch("a.pdf", "bailleur", "Vienne Habitat", "Office Public de l'Habitat"),
            Mismatch("a.pdf", "adresse", "3 rue Pasteur", None),
            Mismatch("b.pdf", "bailleur", "SCI DU PARC", "demandeur ci-dessus désigné"),
            Mismatch("b.pdf", "personnes", [], [{"nom": "MARTIN"}]),
        ],
    )
    u = report.uncertainty()
    assert (u.wrong, u.wrong_flagged, u.flagged, u.total) == (4, 1, 2, 2 * len(SCORED_FIELDS))
    assert u.recall == 0.25 and (u.silent, u.missing_unflagged) == (2, 1)
    assert report.accuracy(reglage=False) == (len(SCORED_FIELDS) - 2) / len(SCORED_FIELDS)
    # classes come from tuned families only unless asked
    tuned = [(c, n, k) for c, n, k, _ in failure_classes(report)]
    assert tuned == [("adresse", "manquant", 1), ("bailleur", "faux", 1)]
    every = {(c, n) for c, n, _, _ in failure_classes(report, None)}
    assert ("personnes", "inventé") in every
    text = format_report(report)
    assert "demandeur ci-dessus" not in text and "2 écarts des familles tenues à l'écart" in text
    assert "Erreurs silencieuses" in text and "25,0\u00a0%" in text
    # per field, held out beside tuned: scores and counts, never a value
    by_family = text.split("Par champ, selon la famille")[1].split("\n\n")[0]
    row = next(r for r in by_family.splitlines() if r.startswith("personnes "))
    assert row.split() == ["personnes", "0,0", "%", "1", "100,0", "%", "0"]  # held out, tuned


def test_families_are_deterministic_and_labelled(tmp_path):
    from corpus.families import generate, manifest

    some = ["etude-marchal-reims", "avocat-duval-tours", "ddets-marne", "cd-nord-reperage"]
    a = generate(tmp_path / "a", n_per_family=2, seed=7, scans_per_family=0, families=some)
    b = generate(tmp_path / "b", n_per_family=2, seed=7, scans_per_family=0, families=some)
    assert a == b and len(a) == 8
    for lab in a:
        assert lab["famille"] in some and lab["reglage"] == manifest()[lab["famille"]]["reglage"]
        assert (tmp_path / "a" / "documents" / lab["fichier"]).is_file()
        stored = json.loads(
            (tmp_path / "a" / "attendu" / f"{lab['fichier']}.json").read_text("utf-8")
        )
        assert stored == lab and set(SCORED_FIELDS) <= set(stored)
    pdfs = sorted(p.name for p in (tmp_path / "a" / "documents").glob("*.pdf"))
    assert all(
        (tmp_path / "a" / "documents" / n).read_bytes()
        == (tmp_path / "b" / "documents" / n).read_bytes()
        for n in pdfs
    )
    other = generate(tmp_path / "c", n_per_family=2, seed=8, scans_per_family=0, families=some)
    assert [x["personnes"] for x in other] != [x["personnes"] for x in a]
