"""Django's settings, made in code from the workspace (no settings file for staff to edit).

The accounts and sessions live in a SQLite file inside the workspace's state folder
(`.asll/comptes.sqlite3` beside the register); the secret key that signs sessions is
generated once, stored there with permissions 0600, and read again at each start.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import socket
from datetime import timedelta
from pathlib import Path

from asll.app.web import state
from asll.config import Config
from asll.storage.store import state_dir

HERE = Path(__file__).resolve().parent
ACCOUNTS_DB = "comptes.sqlite3"
SECRET_FILE = "cle-secrete-web"
LOGIN_ATTEMPTS = 10
LOCKOUT = timedelta(minutes=15)
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def secret_key(folder: Path) -> str:
    """The key in `folder`, made on first use, readable by its owner only."""
    path = folder / SECRET_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key)
    return key


def allowed_hosts(host: str) -> list[str]:
    """Host names the server answers to: loopback names, and when it listens for the whole
    service, the machine's names and address (a foreign Host header is refused)."""
    hosts = list(LOOPBACK_HOSTS)
    if not is_loopback(host):
        if host in ("0.0.0.0", "::"):
            return ["*"]
        hosts += [host, socket.gethostname(), socket.getfqdn()]
    return hosts


def configure(config: Config, host: str = "127.0.0.1") -> None:
    """Configure Django for this workspace and set up its tables (once per process)."""
    import django
    from django.conf import settings
    from django.core.management import call_command

    state.use(config)
    if settings.configured:
        return
    folder = state_dir(config.registre)
    folder.mkdir(parents=True, exist_ok=True)
    settings.configure(
        DEBUG=False,
        SECRET_KEY=secret_key(folder),
        ALLOWED_HOSTS=allowed_hosts(host),
        ROOT_URLCONF="asll.app.web.urls",
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
            "axes",
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
            "axes.middleware.AxesMiddleware",  # last, as django-axes asks
        ],
        AUTHENTICATION_BACKENDS=[
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
        ],
        PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"],
        AUTH_PASSWORD_VALIDATORS=[
            {
                "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
                "OPTIONS": {"min_length": 10},
            },
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
        ],
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(folder / ACCOUNTS_DB),
                "OPTIONS": {"timeout": 20},
            }
        },
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.jinja2.Jinja2",
                "DIRS": [str(HERE / "templates")],
                "OPTIONS": {"environment": "asll.app.web.jinja.environment"},
            }
        ],
        LOGIN_URL="connexion",
        LOGIN_REDIRECT_URL="dossiers",
        LOGOUT_REDIRECT_URL="connexion",
        SESSION_COOKIE_AGE=8 * 3600,  # a working day
        SESSION_EXPIRE_AT_BROWSER_CLOSE=True,
        SESSION_COOKIE_NAME="asll_session",
        CSRF_COOKIE_NAME="asll_csrf",
        CSRF_FAILURE_VIEW="asll.app.web.views.csrf_failure",
        X_FRAME_OPTIONS="DENY",
        SECURE_REFERRER_POLICY="same-origin",
        # One account is locked after LOGIN_ATTEMPTS wrong passwords, from any address.
        AXES_FAILURE_LIMIT=LOGIN_ATTEMPTS,
        AXES_COOLOFF_TIME=LOCKOUT,
        AXES_LOCKOUT_PARAMETERS=["username"],
        AXES_RESET_ON_SUCCESS=True,
        AXES_LOCKOUT_CALLABLE="asll.app.web.views.locked_out",
        AXES_VERBOSE=False,
        LANGUAGE_CODE="fr",
        USE_I18N=True,
        TIME_ZONE="Europe/Paris",
        USE_TZ=True,
        DATA_UPLOAD_MAX_NUMBER_FILES=50,
        FILE_UPLOAD_MAX_MEMORY_SIZE=5 * 1024 * 1024,
        LOGGING_CONFIG=None,
    )
    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
