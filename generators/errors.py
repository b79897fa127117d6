"""Errors of the document generators, explained in French for the staff."""


class TemplateError(Exception):
    """A Word template could not be rendered: the message names the template and the tag."""

    def __init__(self, message: str, modele: str = "", balise: str = ""):
        super().__init__(message)
        self.modele = modele
        self.balise = balise


class IncompleteDocument(Exception):
    """A final version was asked while fields are still « [à compléter] », or while an item
    that needs a ticked box has none.

    `champs` holds their French labels, in the document's order; the message lists them.
    """

    def __init__(self, document: str, champs: list[str]):
        self.document = document
        self.champs = list(champs)
        liste = "\n".join(f"  – {c}" for c in self.champs)
        super().__init__(
            f"Version définitive impossible : {len(self.champs)} point(s) encore "
            f"« à compléter » dans « {document} » :\n{liste}"
        )
