"""Errors of the document generators, explained in French for the staff."""


class TemplateError(Exception):
    """A Word template could not be rendered: the message names the template and the tag."""

    def __init__(self, message: str, modele: str = "", balise: str = ""):
        super().__init__(message)
        self.modele = modele
        self.balise = balise
