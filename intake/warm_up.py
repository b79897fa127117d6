"""Imported once by the forkserver: what every read needs first is done here, and each
child process forked for a file inherits it instead of doing it again.

Compiling the bundled rules' regular expressions takes ~0.15 s, more than reading a Word
form; patterns are otherwise compiled on first use (`engine.compile_pattern`), so here
every one is compiled ahead. A service's own rules (`[dossiers] regles`) are merged in each
child; their bundled part is then found in the compiled cache.
"""

from intake.extract import compile_ahead

try:
    for _ in compile_ahead(None):
        pass
except Exception:  # noqa: BLE001 - a broken rule file is reported by the read itself
    pass
