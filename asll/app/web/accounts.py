"""Accounts and what each role may see.

Three roles, kept as Django groups: an *agent* (reception, files the mail) and a
*responsable* see every dossier; a *travailleur* sees the dossiers of her sectors, the
sectors whose référent she is in asll.toml (matched without case or accents, so that the
account « Camille Roux » is the référent « CAMILLE ROUX »).
"""

from __future__ import annotations

from asll.config import Config
from asll.domain.model import Dossier
from asll.domain.text import fold

ROLES = ("agent", "travailleur", "responsable")
ROLE_LABELS = {"agent": "Agent", "travailleur": "Travailleur social", "responsable": "Responsable"}


class AccountError(Exception):
    """A refused account change, explained in French."""


def role_of(user) -> str | None:
    names = {g.name for g in user.groups.all()}
    return next((r for r in ROLES if r in names), None)


def sectors_of(user, config: Config) -> set[str] | None:
    """The sectors this account may see; None means all of them."""
    if role_of(user) != "travailleur":
        return None
    me = fold(user.username)
    return {s.nom for s in config.secteurs if s.referent and fold(s.referent) == me}


def may_see(user, dossier: Dossier, config: Config) -> bool:
    sectors = sectors_of(user, config)
    return sectors is None or (dossier.secteur or "") in sectors


# Django's models can only be imported once the settings are made (settings.configure).
def has_accounts() -> bool:
    from django.contrib.auth.models import User

    return User.objects.exists()


def add_account(name: str, role: str, password: str) -> None:
    """Create an account (Django's password validators apply; Argon2 hashes it)."""
    from django.contrib.auth.models import Group, User
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.db import transaction

    name = name.strip()
    if role not in ROLES:
        raise AccountError(f"Rôle inconnu : {role} (agent, travailleur ou responsable).")
    if not name or len(name) > 150:
        raise AccountError("Le nom du compte est vide ou trop long (150 caractères au plus).")
    if User.objects.filter(username__iexact=name).exists():
        raise AccountError(f"Le compte « {name} » existe déjà.")
    user = User(username=name)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise AccountError(" ".join(exc.messages)) from exc
    with transaction.atomic():
        user.set_password(password)
        user.save()
        group, _ = Group.objects.get_or_create(name=role)
        user.groups.add(group)
