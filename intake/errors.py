"""Errors intake reports to the service's staff, always with a one-line French reason."""


class UnreadableDocument(Exception):
    """The file cannot be read: empty, corrupt, encrypted, mislabelled, unsupported, blank.

    `str(exc)` (also `exc.raison`) is a one-line French sentence meant for staff.
    """

    def __init__(self, raison: str):
        super().__init__(raison)
        self.raison = raison
