"""Imported once by the forkserver: what every read needs first is done here, and each
child process forked for a file inherits it instead of doing it again.

Compiling the bundled rules' regular expressions takes ~0.4 s, more than reading a Word
form; patterns are otherwise compiled on first use (`engine.compile_pattern`), so here
every one is compiled ahead, in each form that texts need (a pattern compiles without
the numbers in words its text cannot hold): numbers in figures, the "L'an deux mille…"
of acts, hours in words, and every number in words. A service's own rules (`[dossiers]
regles`) are merged in each child; their bundled part is then found in the compiled cache.
"""

from intake.extract import USUAL_SPELLED, compile_ahead

SPELLED_VARIANTS = (
    frozenset(),
    USUAL_SPELLED,
    frozenset({"heure"}),
    USUAL_SPELLED | {"heure"},
    None,  # all of them
)

try:
    for spelled in SPELLED_VARIANTS:
        for _ in compile_ahead(None, spelled):
            pass
except Exception:  # noqa: BLE001 - a broken rule file is reported by the read itself
    pass
