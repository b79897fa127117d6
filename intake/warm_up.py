"""Imported once by the forkserver: what every read needs first is done here, and each
child process forked for a file inherits it instead of doing it again.

Compiling the bundled rules' regular expressions takes ~0.15 s, more than reading a Word
form. A service's own rules (`[dossiers] regles`) are merged in each child; their bundled
part is then found in `re`'s cache.
"""
from intake.extract import _rules

try:
    _rules(None)
except Exception:  # noqa: BLE001 - a broken rule file is reported by the read itself
    pass
