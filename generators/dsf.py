"""The diagnostic social et financier (DSF): its 15 items and which of them the judge needs
answered by a ticked box before the report is final.

The items are those of art. 2 of décret n° 2021-8 du 5 janvier 2021, in its order (the
CERFA 16227*01 form follows it). Items 2 (presence), 8 (debt), 9 (schemes), 10 (resumption
of payment) and 14 (rehousing) are answered by boxes. When the household was not met,
the schemes it could be helped to (9) and its rehousing need (14) cannot be known: the
not-met form does not demand them.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.oxml.ns import qn

from asll.domain.model import DISPOSITIFS
from generators.cases import cases_du_document, choix_coches
from generators.formatting import lire_date_fr

RUBRIQUES_DSF = (
    "1. Identité et coordonnées du rédacteur",
    "2. Présence du locataire à l'entretien",
    "3. Transmission du diagnostic",
    "4. Identité du ou des locataires",
    "5. Situation familiale",
    "6. Accompagnement social, juridique et juridictionnel en cours",
    "7. Situation locative",
    "8. Dette locative",
    "9. Dispositifs de traitement de la dette mobilisés ou mobilisables",
    "10. Reprise du paiement du loyer",
    "11. Capacité de remboursement",
    "12. Préconisations et observations du rédacteur",
    "13. Observations écrites du rédacteur, du locataire ou du bailleur",
    "14. Besoin de relogement et démarches engagées",
    "15. Saisine de la CCAPEX et ses recommandations",
)
# Closed lists of the register a final DSF answers with its boxes (tag `champ=valeur`).
CHAMPS_COCHES = ("menage_rencontre", "reprise_paiement") + tuple(
    f"{code}_statut" for code in DISPOSITIFS
)
# Sentences of the form that carry a date the register follows (item 2, item 3).
DATES_ECRITES = {
    "date_entretien": re.compile(r"rencontré en entretien,? le (.+)", re.IGNORECASE),
    "date_envoi_rapport": re.compile(r"Date d.envoi\s*:(.+)", re.IGNORECASE),
}
# Items that need a ticked box, by form (the file-name suffix of the draft).
RUBRIQUES_A_COCHER = {
    "rapport-esu": (2, 8, 9, 10, 14),
    "rapport-esu-non-rencontre": (2, 8, 10),
}


def rubriques_sans_case(docx: bytes, forme: str) -> list[str]:
    """French names of the items of `forme` that need a ticked box and have none."""
    requises = RUBRIQUES_A_COCHER.get(forme, ())
    if not requises:
        return []
    doc = Document(io.BytesIO(docx))
    cochees = {c.rubrique for c in cases_du_document(doc.element.body) if c.cochee}
    return [f"Rubrique {titre(n)} : aucune case cochée" for n in requises if n not in cochees]


def titre(numero: int) -> str:
    """« 9 « Dispositifs de traitement de la dette mobilisés ou mobilisables » »."""
    texte = RUBRIQUES_DSF[numero - 1].split(". ", 1)[1]
    return f"{numero} « {texte} »"


def suivi_du_dsf(docx: bytes) -> dict:
    """What a completed DSF states that the register follows: the choices ticked
    (`CHAMPS_COCHES`) and the interview and sending dates written in items 2 and 3.
    Only what the document answers: a box left empty or a date left to complete gives
    nothing."""
    doc = Document(io.BytesIO(docx))
    out: dict = dict(choix_coches(doc.element.body, CHAMPS_COCHES))
    for p in doc.element.body.iter(qn("w:p")):
        texte = "".join(t.text or "" for t in p.iter(qn("w:t")))
        for champ, motif in DATES_ECRITES.items():
            m = motif.search(texte)
            if m and champ not in out:
                jour = lire_date_fr(m.group(1))
                if jour:
                    out[champ] = jour
    if out.get("menage_rencontre") == "Non":
        out.pop("date_entretien", None)  # the line of the box not ticked
    return out
