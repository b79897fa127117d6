"""Fixtures shared by the tests."""

from __future__ import annotations

import pytest

from asll.app.logs import close_file_log
from asll.config import Config, Service

# The service whose letterhead the drafts and reports of the tests carry.
SERVICE = Service(
    nom="Service logement – Solidarités Charente",
    adresse="8 place du Champ-de-Mars",
    code_postal="16000",
    commune="Angoulême",
    telephone="05 45 00 00 00",
    courriel="asll@exemple.fr",
    signataire="Camille Roux",
    departement="Charente",
)


@pytest.fixture
def config(tmp_path) -> Config:
    """A workspace of its own (inbox, outbox, archive… under a temporary folder), with the
    test service; the log file it may open is closed afterwards."""
    config = Config.for_workspace(tmp_path / "espace", service=SERVICE)
    config.ensure_folders()
    yield config
    close_file_log()
