"""The Jinja2 environment of the pages: autoescaping on (Django's default for Jinja2),
`url()` for Django's routes, and the French formats of dates and amounts."""

from __future__ import annotations

from datetime import date, datetime

from django.urls import reverse
from jinja2 import Environment

from generators.formatting import montant_fr


def date_courte(value) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y à %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value or ""


def montant(value) -> str:
    return montant_fr(value) if isinstance(value, (int, float)) else ""


def environment(**options) -> Environment:
    env = Environment(**options)
    env.globals["url"] = lambda name, *args: reverse(name, args=args)
    env.filters["date_fr"] = date_courte
    env.filters["montant"] = montant
    return env
