"""Which sector and référent a household belongs to, from its commune (asll.toml)."""

from __future__ import annotations

from dataclasses import dataclass

from asll.config import Config
from asll.domain.communes import fold as place_key


@dataclass(frozen=True)
class Affectation:
    secteur: str
    referent: str | None
    connue: bool  # False: the commune is in no sector, the default was used


def commune_key(name: str) -> str:
    """'SAINT-DIZIER', 'St Dizier' and 'saint dizier' give the same key: the communes
    table's own key (asll/domain/communes.py), so that asll.toml and the table agree."""
    return place_key(name)


def assign(commune: str | None, config: Config) -> Affectation | None:
    """None when the service has no sectors configured."""
    if not config.secteurs:
        return None
    key = commune_key(commune or "")
    for secteur in config.secteurs:
        if key and key in {commune_key(c) for c in secteur.communes}:
            return Affectation(secteur.nom, secteur.referent or None, True)
    return Affectation(config.secteur_par_defaut, None, False)


def epci_of(commune: str | None, config: Config, code_postal: str | None = None) -> str | None:
    """The EPCI asll.toml names for the commune; else, with a postcode, the official one."""
    key = commune_key(commune or "")
    for epci, communes in config.epci.items():
        if key in {commune_key(c) for c in communes}:
            return epci
    from asll.domain.epci import epci_for  # loads the communes table only when needed

    configured = {c: epci for epci, communes in config.epci.items() for c in communes}
    return epci_for(commune, code_postal, configured) if code_postal else None
