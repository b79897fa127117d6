"""Imported once by the forkserver: what every read needs first is done here, and each
child process forked for a file inherits it instead of doing it again.

Compiling the bundled rules' regular expressions takes ~0.15 s, more than reading a Word
form; patterns are otherwise compiled on first use (`engine.compile_pattern`), so here
every one is compiled ahead. A service's own rules (`[dossiers] regles`) are merged in each
child; their bundled part is then found in the compiled cache.
"""

from intake.engine import compile_pattern
from intake.extract import rules_for


def _compile_strings(value) -> None:
    """Every string of the rule files' free sections (anchors, cues…), compiled."""
    if isinstance(value, str):
        try:
            compile_pattern(value)
        except Exception:  # noqa: BLE001 - not every string is a pattern (option values)
            pass
    elif isinstance(value, list):
        for item in value:
            _compile_strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            _compile_strings(item)


try:
    for _rs in rules_for(None).values():
        for _rule in _rs.fields.values():
            _rule.patterns, _rule.weak  # noqa: B018 - compiled and cached on access
        _compile_strings(_rs.data)
except Exception:  # noqa: BLE001 - a broken rule file is reported by the read itself
    pass
