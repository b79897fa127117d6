"""French wording for argparse's own messages (usage, help, errors).

argparse looks its messages up through gettext; there is no French catalogue in the
standard library, so the few messages a user can meet are translated here.
"""

import argparse

_FRENCH = {
    "usage: ": "utilisation : ",
    "show this help message and exit": "afficher cette aide et quitter",
    "options": "options",
    "positional arguments": "arguments",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (possibles : %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "expected one argument": "une valeur est attendue",
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s) : %(value)r",
}


def _translate(message: str) -> str:
    return _FRENCH.get(message, message)


argparse._ = _translate
