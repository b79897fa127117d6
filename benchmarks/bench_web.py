"""6. The pages of `asll servir` on a register of 20,000 dossiers: the dossier list and a
search, answered by Django for a logged-in responsable (who sees every dossier), compared
with the same pages on a register of 20 dossiers. Target: under 200 ms each at 20,000.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from statistics import median

from benchmarks.bench_register import build

PAGES = {"liste": "/", "recherche": "/?q=martin"}
RUNS = 7


def _pages(workspace: Path, n: int, first: bool) -> dict:
    from asll.app.web import state
    from asll.app.web.settings import configure
    from asll.config import Config

    config = Config.for_workspace(workspace)
    build(config.registre, n)
    configure(config)  # Django's settings first: its models can't be imported before
    from django.contrib.auth.models import User
    from django.test import Client
    from django.test.utils import setup_test_environment

    from asll.app.web.accounts import add_account

    if first:
        setup_test_environment()
        add_account("Responsable", "responsable", "cheval bleu agrafe 42")
    state.use(config)
    client = Client()
    client.force_login(User.objects.get(username="Responsable"))
    out = {}
    for name, url in PAGES.items():
        assert client.get(url).status_code == 200  # the register read once, then kept
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - t0)
            assert response.status_code == 200
        out[name] = median(times)
    return out


def run(rapide: bool = False) -> dict:
    n = 1000 if rapide else 20000
    with tempfile.TemporaryDirectory(prefix="asll-bench-pages-") as tmp:
        small = _pages(Path(tmp) / "petit", 20, first=True)
        big = _pages(Path(tmp) / "gros", n, first=False)
    return {"dossiers": n, "petit": small, "gros": big, "cible": 0.2}
