"""Imported once by the forkserver: what every read needs first is done here, and each
child process forked for a file inherits it instead of doing it again.

Compiling the bundled rules' regular expressions takes ~0.15 s, more than reading a Word
form; patterns are otherwise compiled on first use (`engine.compile_pattern`), so here
every one is compiled ahead, in the forms most texts need (numbers in figures; the
"L'an deux mille…" of acts); other numbers in words are compiled when a text has them. A service's own rules (`[dossiers] regles`) are merged in each
child; their bundled part is then found in the compiled cache.
"""

from intake.extract import USUAL_SPELLED, compile_ahead

try:
    for spelled in (frozenset(), USUAL_SPELLED):  # numbers in figures, and acts' "L'an…"
        for _ in compile_ahead(None, spelled):
            pass
except Exception:  # noqa: BLE001 - a broken rule file is reported by the read itself
    pass
