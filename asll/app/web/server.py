"""`asll serve` and `asll comptes`: start the pages, add an account.

The server listens on the loopback address unless told otherwise; an address the whole
service can reach is refused while no account exists (nobody could log in, and the first
person to reach it would find it open to set up). Waitress serves the pages: a maintained
pure-Python WSGI server, fit for a service's own network.
"""

from __future__ import annotations

from asll.app.web.accounts import AccountError, add_account, has_accounts
from asll.app.web.settings import configure, is_loopback
from asll.config import Config

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
THREADS = 8


class ServeRefused(Exception):
    """Why the server won't start, in French."""


def check_address(host: str) -> None:
    if not is_loopback(host) and not has_accounts():
        raise ServeRefused(
            f"Adresse {host} refusée : aucun compte n'existe encore. Créez d'abord un compte "
            "(asll comptes ajouter NOM --role responsable), ou écoutez sur 127.0.0.1."
        )


def application(config: Config, host: str = DEFAULT_HOST):
    """The WSGI application of this workspace."""
    configure(config, host)
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def serve(config: Config, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    app = application(config, host)
    check_address(host)
    import waitress

    waitress.serve(app, host=host, port=port, threads=THREADS, ident="asll")


def create_account(config: Config, name: str, role: str, password: str) -> None:
    configure(config)
    add_account(name, role, password)


__all__ = ["AccountError", "ServeRefused", "check_address", "create_account", "serve"]
