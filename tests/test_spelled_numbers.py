"""Numbers in words: a text is searched with the rules' patterns stripped of the spelled-out
numbers it cannot hold (they compile several times faster), and finds exactly the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.engine import compile_pattern, find_field
from intake.errors import UnreadableDocument
from intake.extract import rules_for
from intake.french import SPELLED_FORMS, spelled_forms
from intake.readers import read_document

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("L'AN DEUX MILLE VINGT-CINQ ET LE QUATORZE MARS", {"an"}),
        ("L'an 2025, le 14 mars, à la requête de", {"an"}),
        ("audience du quatorze mars 2025", {"date"}),
        ("signifié le 14 mars deux mille vingt-cinq", {"date"}),
        ("le 1er avril deux mille vingt-cinq", {"date"}),
        ("à neuf heures trente", {"heure"}),
        ("date et heure de l'audience", {"heure"}),
        ("la somme de CINQ CENT TROIS EUROS (503,00 €)", {"montant"}),
        ("le 14/03/2025 à 9h30, une dette de 1 250,00 € arrêtée au 1er mars 2025", set()),
        ("une maison de ville, les mois de mars à juin", set()),
    ],
)
def test_spelled_forms_names_the_numbers_in_words_of_a_text(text, kinds):
    assert spelled_forms(text) == kinds


def _texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "samples" / "documents").iterdir()):
        try:
            out.append((path.name, read_document(path).text))
        except UnreadableDocument:
            continue
    return out


def test_patterns_without_the_absent_numbers_in_words_find_the_same_in_real_documents():
    texts = _texts()
    assert len(texts) >= 10
    # the shortcut is taken on these documents (otherwise this test proves nothing)
    assert sum(spelled_forms(t) != SPELLED_FORMS for _, t in texts) >= len(texts) // 2
    rules = rules_for(None)
    sources = {s for rs in rules.values() for rule in rs.fields.values() for s in rule.sources} | {
        s for rs in rules.values() for rule in rs.fields.values() for s in rule.weak_sources
    }
    for name, text in texts:
        spelled = spelled_forms(text)
        for source in sources:
            whole = [(m.span(), m.groupdict()) for m in compile_pattern(source).finditer(text)]
            short = [
                (m.span(), m.groupdict()) for m in compile_pattern(source, spelled).finditer(text)
            ]
            assert short == whole, (name, source)
        for rs in rules.values():
            for rule in rs.fields.values():
                a, b = find_field(rule, text), find_field(rule, text, spelled=spelled)
                assert (a and (a.value, a.start, a.uncertain)) == (
                    b and (b.value, b.start, b.uncertain)
                ), (name, rule.name)


def test_a_shortened_pattern_really_leaves_the_words_out():
    source = "audience\\s+du\\s+(?P<v>{DATE})\\s+[àa]\\s+{HEURE}"
    whole, short = compile_pattern(source), compile_pattern(source, frozenset())
    assert len(short.pattern) * 3 < len(whole.pattern)
    text = "audience du quatorze mars deux mille vingt-cinq à neuf heures"
    assert whole.search(text) and not short.search(text)
    assert compile_pattern(source, spelled_forms(text)).search(text)
