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

from docx import Document

from generators.cases import cases_du_document

RUBRIQUES_DSF = (
    "1. Identité et coordonnées du rédacteur",
    "2. Présence du locataire à l'entretien",
    "3. Transmission du diagnostic",
    "4. Identité du ou des locataires",
    "5. Situation familiale",
    "6. Accompagnement social, juridique ou judiciaire en cours",
    "7. Situation locative",
    "8. Dette locative",
    "9. Dispositifs de traitement de la dette mobilisés ou mobilisables",
    "10. Reprise du paiement du loyer",
    "11. Capacité de remboursement",
    "12. Préconisations et observations du rédacteur",
    "13. Observations écrites du rédacteur, du locataire ou du bailleur",
    "14. Besoin de relogement et démarches engagées",
    "15. Saisine de la CCAPEX et préconisations",
)
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
