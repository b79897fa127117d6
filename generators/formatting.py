"""French formatting of dates, amounts, hours and names for the Word drafts.

Spaces follow French typography (and Unicode CLDR, as Word and LibreOffice do):
a narrow no-break space (U+202F) groups thousands and precedes « ; ! ? », a regular
no-break space (U+00A0) precedes « : » and « € » and sits inside « guillemets ». Neither
lets Word break the line inside « 3 412,87 € » or « 9 h 30 ».
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

ESPACE_INSECABLE = "\u00a0"
ESPACE_FINE = "\u202f"

MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

CIVILITES = {
    "m.": "Monsieur",
    "m": "Monsieur",
    "mr": "Monsieur",
    "monsieur": "Monsieur",
    "mme": "Madame",
    "mme.": "Madame",
    "madame": "Madame",
    "mlle": "Madame",
    "mademoiselle": "Madame",
}


def date_fr(value: date | datetime) -> str:
    """`date(2025, 3, 14)` → « 14 mars 2025 » ; the first of the month is « 1er avril 2025 »."""
    jour = "1er" if value.day == 1 else str(value.day)
    return f"{jour} {MOIS[value.month - 1]} {value.year}"


def montant_fr(value: float | int, symbole: bool = True) -> str:
    """`3412.87` → « 3 412,87 € » (narrow no-break space for thousands, no-break space before €)."""
    negatif = value < 0
    texte = f"{abs(value):,.2f}".replace(",", ESPACE_FINE).replace(".", ",")
    if negatif:
        texte = "−" + texte  # U+2212, the typographic minus
    return texte + (ESPACE_INSECABLE + "€" if symbole else "")


def heure_fr(value: str) -> str:
    """« 09:30 » → « 9 h 30 » ; « 14:00 » → « 14 h » (no-break spaces)."""
    m = re.fullmatch(r"\s*(\d{1,2})\s*[:hH.]\s*(\d{2})?\s*", value or "")
    if not m:
        return value.strip()
    heures, minutes = int(m.group(1)), int(m.group(2) or 0)
    if minutes:
        return f"{heures}{ESPACE_INSECABLE}h{ESPACE_INSECABLE}{minutes:02d}"
    return f"{heures}{ESPACE_INSECABLE}h"


def civilite_fr(civilite: str | None) -> str:
    """« Mme » → « Madame », « M. » → « Monsieur », unknown → ""."""
    if not civilite:
        return ""
    return CIVILITES.get(civilite.strip().lower(), civilite.strip())


def nom_fr(nom: str) -> str:
    """Surname in capitals, accents kept: « d'Almeida » → « D'ALMEIDA »."""
    return " ".join(nom.split()).upper()


def prenom_fr(prenom: str) -> str:
    """« jean-pierre » → « Jean-Pierre » ; already mixed-case first names are kept."""
    prenom = " ".join(prenom.split())
    if prenom.isupper() or prenom.islower():
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), prenom)
    return prenom


def nom_complet(nom: str, prenom: str | None = None, civilite: str | None = None) -> str:
    """« Madame Sophie MARTIN » (civility and first name when known)."""
    parties = [civilite_fr(civilite), prenom_fr(prenom) if prenom else "", nom_fr(nom)]
    return " ".join(p for p in parties if p)


def age_fr(naissance: date, le: date) -> str:
    """Age in years (« 7 ans », « 1 an ») or months under two (« 18 mois »)."""
    mois = (le.year - naissance.year) * 12 + le.month - naissance.month - (le.day < naissance.day)
    if mois < 0:
        return ""
    if mois < 24:
        return f"{mois}{ESPACE_INSECABLE}mois"
    ans = mois // 12
    return f"{ans}{ESPACE_INSECABLE}an" + ("s" if ans > 1 else "")


def typo_fr(texte: str) -> str:
    """French spacing in running text: no-break spaces before : ; ! ? €, « guillemets » for "…",
    and after « n° » (a number never starts a line without its sign)."""
    texte = re.sub(r'"([^"\n]+)"', r"«\1»", texte)  # straight "…" → « … »
    texte = re.sub(r"\b([nN]°) +(?=\w)", "\\1" + ESPACE_INSECABLE, texte)
    texte = re.sub(r"[ \u00a0\u202f]*:(?=\s|$)", ESPACE_INSECABLE + ":", texte)
    texte = re.sub(r"[ \u00a0\u202f]+([;!?])", ESPACE_FINE + r"\1", texte)
    texte = re.sub(r"(?<=[\w»)])([;!?]+)(?=\s|$)", ESPACE_FINE + r"\1", texte)
    texte = re.sub(r"[ \u00a0\u202f]+€", ESPACE_INSECABLE + "€", texte)
    texte = re.sub(r"«[ \u00a0\u202f]*", "«" + ESPACE_INSECABLE, texte)
    texte = re.sub(r"[ \u00a0\u202f]*»", ESPACE_INSECABLE + "»", texte)
    return texte


_DATE_ECRITE = re.compile(
    r"(\d{1,2})(?:er)?[\s\u00a0\u202f]+([^\W\d_]+)[\s\u00a0\u202f]+(\d{4})"
    r"|(\d{1,2})/(\d{1,2})/(\d{4})"
)


def lire_date_fr(texte: str) -> date | None:
    """The first date written as `date_fr` writes it (« 1er avril 2025 ») or as 01/04/2025."""
    mois = {_sans_accents(m): i for i, m in enumerate(MOIS, start=1)}
    for m in _DATE_ECRITE.finditer(texte or ""):
        try:
            if m.group(1):
                numero = mois.get(_sans_accents(m.group(2)))
                if numero:
                    return date(int(m.group(3)), numero, int(m.group(1)))
            else:
                return date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
        except ValueError:
            continue
    return None


def _sans_accents(mot: str) -> str:
    return unicodedata.normalize("NFKD", mot.lower()).encode("ascii", "ignore").decode()
