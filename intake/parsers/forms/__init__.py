"""Referral forms (fiche de prescription, demande d'ASLL / de diagnostic), whatever the layout.

A form is read as label/value pairs and sections (`structure`), ticked boxes (`ticks`), then
its stages (`stages`) fill the household (`people`), the prescriber (`prescripteur`), the
address, rent and resources (`money`)."""

from .stages import parse_form

__all__ = ["parse_form"]
