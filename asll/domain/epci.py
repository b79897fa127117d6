"""A dossier's EPCI: the one asll.toml names for its commune, else the official one.

``epci_for(commune, code_postal, configured)`` where `configured` maps commune names to
EPCI labels as written in asll.toml's [epci] table:

1. the label asll.toml gives the commune (any spelling: "ST DIZIER" = "Saint-Dizier");
2. else the commune's official EPCI (Etalab), found from its postcode and name — under the
   label asll.toml uses for that same EPCI when it names another of its member communes,
   so that a report counts one EPCI once; else under its official name;
3. None when the postcode and the commune do not agree (nothing is guessed).
"""

from __future__ import annotations

from typing import Mapping

from asll.domain import communes


def epci_for(
    commune: str | None, code_postal: str | None, configured: Mapping[str, str]
) -> str | None:
    by_name = {communes.fold(name): label for name, label in configured.items()}
    label = by_name.get(communes.fold(commune))
    if label or not commune:
        return label
    found = communes.match(code_postal, commune)
    if found is None or not found.epci_siren:
        return None
    for name, label in configured.items():
        for member, _ in communes.communes_named(name, found.departement):
            if member.epci_siren == found.epci_siren:
                return label
    return found.epci_nom
