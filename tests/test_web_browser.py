"""The pages in a real browser: Debian's chromium driven by Playwright against `asll servir`
and `asll surveiller` running as staff run them. A person logs in, drops an assignation,
watches it become a dossier, corrects a value and sees the register change; axe-core
checks each page. The screenshots of the user guide (docs/images/web-*.png) are made here.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from asll.storage.store import RegisterStore

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "documents" / "assignation MARTIN.pdf"
CHROMIUM = Path("/usr/bin/chromium")
IMAGES = ROOT / "docs" / "images"
PASSWORD = "un mot de passe solide"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="chromium absent : scripts/install-system-deps.sh --tests"
)


def _asll(*args, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "asll", *args], env=env, **kwargs)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if process.poll() is not None:
            raise AssertionError(f"asll servir s'est arrêté ({process.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("asll servir ne répond pas")


@pytest.fixture
def served(tmp_path):
    """A workspace with one sector and its worker's account, its pages served and its inbox
    watched."""
    espace = tmp_path / "espace"
    espace.mkdir()
    config = espace / "asll.toml"
    config.write_text(
        '[[secteurs]]\nnom = "Nord"\nreferent = "Camille Roux"\n'
        'communes = ["Saint-Dizier", "Wassy"]\n',
        encoding="utf-8",
    )
    secret = tmp_path / "mot-de-passe"
    secret.write_text(PASSWORD, encoding="utf-8")
    made = _asll(
        "comptes", "ajouter", "Camille Roux", "--role", "travailleur",
        "--config", str(config), "--mot-de-passe-fichier", str(secret),
    )  # fmt: skip
    assert made.wait(120) == 0
    port = _free_port()
    log = open(tmp_path / "servir.log", "wb")
    server = _asll("servir", "--config", str(config), "--port", str(port), stdout=log, stderr=log)
    watcher = _asll("surveiller", "--config", str(config), stdout=log, stderr=log)
    try:
        _wait_for_port(port, server)
        yield espace, f"http://127.0.0.1:{port}"
    finally:
        for process in (watcher, server):
            process.send_signal(signal.SIGINT)
        for process in (watcher, server):
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


def _check_accessibility(page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_log_in_drop_an_assignation_and_correct_a_value(served):
    from playwright.sync_api import expect, sync_playwright

    espace, base = served
    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        # the browser's own words (the file picker) in French, as staff see them
        french = dict(os.environ, LANGUAGE="fr", LANG="fr_FR.UTF-8")
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--lang=fr-FR"], env=french
        )
        page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="fr-FR")
        page.goto(base + "/")
        expect(page).to_have_url(base + "/connexion/?next=/")
        _check_accessibility(page)
        # the keyboard alone: the name field has the focus, Tab to the password, Enter
        page.keyboard.type("Camille Roux")
        page.keyboard.press("Tab")
        page.keyboard.type(PASSWORD)
        page.screenshot(path=IMAGES / "web-connexion.png")
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", name="Dossiers")).to_be_visible()

        page.get_by_role("link", name="Arrivées").click()
        page.get_by_label("Déposez ici").set_input_files(str(SAMPLE))
        page.get_by_role("button", name="Envoyer").click()
        expect(page.get_by_text("1 fichier déposé dans le dossier d'arrivée.")).to_be_visible()
        # htmx asks for the outcome again until the watcher has filed the file
        row = page.locator("#etat tr", has_text=SAMPLE.name)
        expect(row).to_contain_text("traité", timeout=120_000)
        _check_accessibility(page)
        page.screenshot(path=IMAGES / "web-arrivees.png", full_page=True)

        row.get_by_role("link").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("MARTIN")
        _check_accessibility(page)
        page.screenshot(path=IMAGES / "web-dossier.png")
        numero = page.url.rstrip("/").rsplit("/", 1)[1]
        line = page.locator("#champ-montant_dette")
        line.get_by_text("Corriger").click()
        line.get_by_label("Valeur corrigée").fill("3 500,00")
        line.get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_role("status")).to_have_text("Enregistré dans le registre.")
        expect(page.locator("#champ-montant_dette .valeur")).to_have_text("3\u202f500,00\u00a0€")
        page.screenshot(path=IMAGES / "web-correction.png")

        page.get_by_role("link", name="Dossiers", exact=True).click()
        page.get_by_label("Rechercher").fill("martin")
        page.get_by_label("Rechercher").press("Enter")
        expect(page.get_by_role("link", name=numero)).to_be_visible()
        _check_accessibility(page)
        page.screenshot(path=IMAGES / "web-dossiers.png")

        page.get_by_role("link", name="Échéances").click()
        expect(page.get_by_role("heading", name="Camille Roux")).to_be_visible()
        late = page.locator("tr.ligne-retard", has_text="Rapport ESU / DSF au juge")
        expect(late.get_by_role("link", name=numero)).to_be_visible()
        _check_accessibility(page)
        page.screenshot(path=IMAGES / "web-echeances.png")
        browser.close()

    dossier = {d.numero: d for d in RegisterStore(espace / "registre.xlsx").dossiers()}[numero]
    assert dossier.montant_dette == 3500.0


FACTURE = ROOT / "samples" / "documents" / "Facture electricite 09-2025.pdf"


def test_an_agent_sorts_an_a_trier_file_and_downloads_a_draft(served, tmp_path):
    from docx import Document
    from playwright.sync_api import expect, sync_playwright

    espace, base = served
    secret = tmp_path / "mot-de-passe-agent"
    secret.write_text(PASSWORD, encoding="utf-8")
    made = _asll(
        "comptes", "ajouter", "Léa Martin", "--role", "agent",
        "--config", str(espace / "asll.toml"), "--mot-de-passe-fichier", str(secret),
    )  # fmt: skip
    assert made.wait(120) == 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="fr-FR")
        page.goto(base + "/connexion/")
        page.get_by_label("Nom du compte").fill("Léa Martin")
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_label("Mot de passe").press("Enter")
        page.get_by_role("link", name="Arrivées").click()
        page.get_by_label("Déposez ici").set_input_files([str(SAMPLE), str(FACTURE)])
        page.get_by_role("button", name="Envoyer").click()
        row = page.locator("#etat tr", has_text=SAMPLE.name)
        expect(row).to_contain_text("traité", timeout=120_000)
        expect(page.locator("#etat tr", has_text=FACTURE.name).first).to_contain_text(
            "à trier", timeout=120_000
        )
        numero = row.get_by_role("link").inner_text()

        page.get_by_role("link", name="À trier").click()
        section = page.get_by_role("region", name=FACTURE.name)
        expect(section).to_contain_text("pas été reconnu")
        _check_accessibility(page)
        page.screenshot(path=IMAGES / "web-a-trier.png", full_page=True)
        section.get_by_label("Classer dans le dossier").select_option(numero)
        section.get_by_role("button", name="Classer").click()
        expect(page.get_by_role("status")).to_contain_text(f"classé dans le dossier {numero}")
        expect(page.get_by_role("region", name=FACTURE.name)).to_have_count(0)

        page.goto(f"{base}/dossiers/{numero}/")
        expect(page.get_by_text(FACTURE.name)).to_be_visible()
        link = page.locator("#brouillons ~ ul a").first
        with page.expect_download() as info:
            link.click()
        download = info.value
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        browser.close()

    assert saved.suffix == ".docx"
    draft = Document(saved)
    cells = [c.text for t in draft.tables for r in t.rows for c in r.cells]
    words = "\n".join([p.text for p in draft.paragraphs] + cells)
    assert "Diagnostic social et financier" in words and "MARTIN" in words
    assert list((espace / "archive").rglob(FACTURE.name))
    assert not (espace / "a-trier" / FACTURE.name).exists()


def test_serving_the_whole_service_is_refused_while_no_account_exists(tmp_path):
    run = _asll(
        "servir", "--espace", str(tmp_path / "espace"), "--adresse", "0.0.0.0",
        "--port", str(_free_port()), stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    _, err = run.communicate(timeout=120)
    assert run.returncode == 2
    assert "Adresse 0.0.0.0 refusée : aucun compte n'existe encore." in err


def _login(base: str, name: str):
    """An HTTP client with its own cookies, logged in the way a browser does (CSRF token)."""
    import http.cookiejar
    import urllib.parse
    import urllib.request

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/connexion/").read()
    token = next(c.value for c in jar if c.name == "asll_csrf")
    form = {"username": name, "password": PASSWORD, "csrfmiddlewaretoken": token}
    request = urllib.request.Request(
        base + "/connexion/",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": base + "/connexion/"},
    )
    assert opener.open(request).geturl() == base + "/"
    return opener


def test_twenty_sessions_at_once_on_loopback(served):
    from concurrent.futures import ThreadPoolExecutor

    espace, base = served
    openers = [_login(base, "Camille Roux") for _ in range(20)]

    def browse(opener) -> list[int]:
        codes = []
        for url in ("/", "/?q=martin", "/echeances/", "/arrivees/etat/", "/"):
            with opener.open(base + url) as response:
                response.read()
                codes.append(response.status)
        return codes

    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(browse, openers))
    assert results == [[200] * 5] * 20


LETTER = ROOT / "samples" / "documents" / "Courrier Préfecture Charente EXP 2025-1187.pdf"


def test_a_scanned_letter_shows_its_lines_and_the_rapports_page_is_accessible(served, tmp_path):
    """A responsable drops a préfecture's letter scanned to PNG: its dossier shows each
    value beside the region of the scan it was read from (images really drawn, at
    1280 px); axe-core checks that page and the Rapports page."""
    import random

    from playwright.sync_api import expect, sync_playwright

    from corpus.families import scanner

    espace, base = served
    secret = tmp_path / "mot-de-passe-responsable"
    secret.write_text(PASSWORD, encoding="utf-8")
    made = _asll(
        "comptes", "ajouter", "Nadia Leroy", "--role", "responsable",
        "--config", str(espace / "asll.toml"), "--mot-de-passe-fichier", str(secret),
    )  # fmt: skip
    assert made.wait(120) == 0
    scan = tmp_path / "scan_20250912_1015.png"
    assert scanner(LETTER, scan, random.Random(3), "png")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="fr-FR")
        page.goto(base + "/connexion/")
        page.get_by_label("Nom du compte").fill("Nadia Leroy")
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_label("Mot de passe").press("Enter")
        page.get_by_role("link", name="Arrivées").click()
        page.get_by_label("Déposez ici").set_input_files(str(scan))
        page.get_by_role("button", name="Envoyer").click()
        row = page.locator("#etat tr", has_text=scan.name)
        expect(row).to_contain_text("traité", timeout=180_000)
        row.get_by_role("link").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("ROUSSEAU")

        name = page.locator("#champ-personne1-nom")
        image = name.locator("img.apercu")
        expect(image).to_have_attribute("alt", "Extrait de la page 1 du document")
        expect(name.locator("figcaption")).to_have_text(f"Lu dans « {scan.name} », page 1.")
        images = page.locator("img.apercu")
        assert images.count() >= 4
        for i in range(images.count()):  # every region drawn, none broken
            images.nth(i).scroll_into_view_if_needed()
            expect(images.nth(i)).to_have_js_property("complete", True)
            assert images.nth(i).evaluate("img => img.naturalWidth") > 100
        # wide enough to read, inside its column at 1280 px
        box = image.bounding_box()
        assert box["width"] > 300 and box["x"] + box["width"] <= 1280
        page.evaluate("window.scrollTo(0, 0)")
        _check_accessibility(page)
        page.screenshot(path=IMAGES / "web-dossier-scan.png")

        page.get_by_role("link", name="Rapports").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Rapports")
        _check_accessibility(page)
        browser.close()
