"""The pages in the browser (`asll servir`), through Django's test client: who sees what,
corrections written through the register, and the guards (session, CSRF, path traversal,
escaping, the login-attempt limit).

Django is configured once per test process (its settings can't change afterwards), with
its accounts in a workspace of the session; each test brings its own register and starts
with no account.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from asll.config import Config, Secteur
from asll.domain.model import Dossier, Personne
from asll.storage.store import RegisterStore

PASSWORD = "un mot de passe solide"
SECTEURS = (
    Secteur("Angoumois", "Camille Roux", ("Angoulême",)),
    Secteur("Cognaçais", "Jean Petit", ("Cognac",)),
)


@pytest.fixture(scope="session")
def django_ready(tmp_path_factory):
    from django.test.utils import setup_test_environment

    from asll.app.web.settings import configure

    configure(Config.for_workspace(tmp_path_factory.mktemp("comptes")))
    setup_test_environment()  # the test client's host name, outgoing mail kept in memory


@pytest.fixture
def workspace(config, django_ready):
    """A register with one dossier in each sector, the pages pointed at it, no account."""
    from django.core.management import call_command

    from asll.app.web import state

    config = replace(config, secteurs=SECTEURS)
    store = RegisterStore(config.registre)
    _put(
        store,
        Dossier(
            numero="ESU-2025-0001",
            nature="ESU",
            secteur="Angoumois",
            referent="Camille Roux",
            personnes=[Personne("MARTIN", "Julie")],
            commune="Angoulême",
            montant_dette=3412.87,
            date_audience=date(2025, 3, 14),
            bailleur="Logélia Charente",
            champs_incertains=["montant_dette"],
        ),
    )
    _put(
        store,
        Dossier(
            numero="ESU-2025-0002",
            nature="ESU",
            secteur="Cognaçais",
            referent="Jean Petit",
            personnes=[Personne("DUPONT", "Marc")],
            commune="Cognac",
            montant_dette=980.0,
        ),
    )
    store.flush()
    state.use(config)
    call_command("flush", verbosity=0, interactive=False)
    return config


def _put(store: RegisterStore, dossier: Dossier) -> None:
    store.record({"type": "import", "dossier": dossier.to_json(), "source": "essai", "ligne": 1})


def account(name: str, role: str) -> None:
    from asll.app.web.accounts import add_account

    add_account(name, role, PASSWORD)


def client_for(name: str | None = None, role: str = "travailleur", **kwargs):
    from django.test import Client

    client = Client(**kwargs)
    if name:
        account(name, role)
        response = client.post("/connexion/", {"username": name, "password": PASSWORD})
        assert response.status_code == 302, response.content.decode()
    return client


def text(response) -> str:
    return response.content.decode()


# ---------------------------------------------------------------- serve and accounts
def test_a_service_wide_address_is_refused_until_an_account_exists(workspace):
    from asll.app.web.server import ServeRefused, check_address

    with pytest.raises(ServeRefused, match="aucun compte n'existe encore"):
        check_address("0.0.0.0")
    check_address("127.0.0.1")  # this machine only: allowed, to create the first account
    account("Camille Roux", "responsable")
    check_address("0.0.0.0")


def test_asll_comptes_ajouter_reads_the_password_file_and_refuses_a_weak_one(
    workspace, tmp_path, capsys
):
    from django.contrib.auth.models import User

    from asll.app.cli import main

    good, weak = tmp_path / "bon", tmp_path / "faible"
    good.write_text(PASSWORD + "\n", encoding="utf-8")
    weak.write_text("1234\n", encoding="utf-8")
    base = ["--espace", str(workspace.base), "--mot-de-passe-fichier"]
    assert main(["comptes", "ajouter", "Jean Petit", "--role", "travailleur", *base, str(weak)])
    assert "trop court" in capsys.readouterr().err
    code = main(["comptes", "ajouter", "Jean Petit", "--role", "travailleur", *base, str(good)])
    assert code == 0
    user = User.objects.get(username="Jean Petit")
    assert user.check_password(PASSWORD) and user.password.startswith("argon2")
    assert main(["comptes", "ajouter", "jean petit", "--role", "agent", *base, str(good)]) == 2
    assert "existe déjà" in capsys.readouterr().err


def test_login_and_logout_in_french(workspace):
    client = client_for()
    page = text(client.get("/connexion/"))
    assert "Nom du compte" in page and "Mot de passe" in page and 'lang="fr"' in page
    account("Camille Roux", "travailleur")
    wrong = client.post("/connexion/", {"username": "Camille Roux", "password": "faux"})
    assert "Nom ou mot de passe incorrect" in text(wrong)
    ok = client.post("/connexion/", {"username": "Camille Roux", "password": PASSWORD})
    assert ok.status_code == 302
    assert "Se déconnecter" in text(client.get("/"))
    client.post("/deconnexion/")
    assert client.get("/").status_code == 302


# ---------------------------------------------------------------- the list and the page
def test_a_worker_sees_her_sectors_dossiers_only_and_a_responsable_all(workspace):
    worker = client_for("Camille Roux", "travailleur")
    page = text(worker.get("/"))
    assert "MARTIN" in page and "DUPONT" not in page
    assert worker.get("/dossiers/ESU-2025-0002/").status_code == 404
    assert "DUPONT" not in text(worker.get("/?q=dupont"))
    boss = client_for("Anne Lefèvre", "responsable")
    page = text(boss.get("/"))
    assert "MARTIN" in page and "DUPONT" in page
    assert "DUPONT" in text(boss.get("/dossiers/ESU-2025-0002/"))


def test_search_ignores_case_and_accents_and_shows_french_formats(workspace):
    boss = client_for("Anne Lefèvre", "responsable")
    page = text(boss.get("/?q=angouleme"))
    assert "MARTIN" in page and "DUPONT" not in page
    assert "3\u202f412,87\u00a0€" in page and "14/03/2025" in page
    assert "1 dossier pour « angouleme »" in page


def test_uncertain_values_come_first_and_highlighted(workspace):
    worker = client_for("Camille Roux", "travailleur")
    page = text(worker.get("/dossiers/ESU-2025-0001/"))
    first_field = page.index('class="champ ')
    assert page[first_field:].startswith('class="champ douteux" id="champ-montant_dette"')
    assert page.count("champ douteux") == 1 and "À vérifier" in page


def test_an_uncertain_field_the_list_does_not_show_is_named_not_counted(workspace):
    """A dossier whose commune is in no sector has its sector flagged: the page counts only
    the values it highlights and names the sector apart, in the list of dossiers too."""
    store = RegisterStore(workspace.registre)
    _put(
        store,
        Dossier(
            numero="ESU-2025-0003",
            nature="ESU",
            secteur="Angoumois",
            personnes=[Personne("BERNARD", "Lucie")],
            commune="Angoulême",
            montant_dette=512.0,
            champs_incertains=["montant_dette", "secteur", "ressources"],
        ),
    )
    store.flush()
    boss = client_for("Anne Lefèvre", "responsable")
    page = text(boss.get("/dossiers/ESU-2025-0003/"))
    assert "1 valeur à vérifier, en premier et surlignée" in page
    assert page.count("champ douteux") == 1
    assert "À vérifier aussi, dans le classeur : Secteur, Ressources." in page
    assert "Secteur, Ressources" in text(boss.get("/?q=bernard"))


def test_a_corrected_value_goes_into_the_register_with_the_accounts_name(workspace):
    worker = client_for("Camille Roux", "travailleur")
    response = worker.post("/dossiers/ESU-2025-0001/champs/montant_dette/", {"valeur": "3 521,40"})
    assert response.status_code == 302
    dossier = {d.numero: d for d in RegisterStore(workspace.registre).dossiers()}["ESU-2025-0001"]
    assert dossier.montant_dette == 3521.40 and dossier.champs_incertains == []
    # the audit trail names the account
    audit = RegisterStore(workspace.registre).history({"ESU-2025-0001"})
    changes = {(a["champ"], a["auteur"]) for a in audit}
    assert ("montant_dette", "Camille Roux") in changes
    assert ("champs_incertains", "Camille Roux") in changes
    page = text(worker.get("/dossiers/ESU-2025-0001/"))
    assert "3\u202f521,40\u00a0€" in page and "champ douteux" not in page


def test_confirming_keeps_the_value_and_clears_the_flag(workspace):
    worker = client_for("Camille Roux", "travailleur")
    worker.post("/dossiers/ESU-2025-0001/champs/montant_dette/", {"confirmer": "1"})
    dossier = {d.numero: d for d in RegisterStore(workspace.registre).dossiers()}["ESU-2025-0001"]
    assert dossier.montant_dette == 3412.87 and dossier.champs_incertains == []


def test_a_bad_value_is_refused_in_french_and_nothing_changes(workspace):
    worker = client_for("Camille Roux", "travailleur")
    response = worker.post(
        "/dossiers/ESU-2025-0001/champs/date_audience/", {"valeur": "32/13/2025"}
    )
    assert response.status_code == 400
    assert "Date illisible : « 32/13/2025 » (attendu : JJ/MM/AAAA)." in text(response)
    dossier = {d.numero: d for d in RegisterStore(workspace.registre).dossiers()}["ESU-2025-0001"]
    assert dossier.date_audience == date(2025, 3, 14)


def test_a_persons_name_is_corrected_in_the_list_of_adults(workspace):
    worker = client_for("Camille Roux", "travailleur")
    worker.post("/dossiers/ESU-2025-0001/champs/personne1.nom/", {"valeur": "MARTINEZ"})
    dossier = {d.numero: d for d in RegisterStore(workspace.registre).dossiers()}["ESU-2025-0001"]
    assert dossier.personnes[0].nom == "MARTINEZ" and dossier.personnes[0].prenom == "Julie"


# ---------------------------------------------------------------- security
def test_no_page_and_no_file_without_a_session(workspace):
    client = client_for()
    for url in (
        "/",
        "/dossiers/ESU-2025-0001/",
        "/dossiers/ESU-2025-0001/brouillons/ESU-2025-0001_MARTIN_rapport.docx",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    response = client.post("/dossiers/ESU-2025-0001/champs/montant_dette/", {"valeur": "1"})
    assert response.status_code == 302
    assert RegisterStore(workspace.registre).dossiers()[0].montant_dette == 3412.87


def test_no_correction_outside_ones_sectors(workspace):
    worker = client_for("Camille Roux", "travailleur")
    response = worker.post("/dossiers/ESU-2025-0002/champs/montant_dette/", {"valeur": "1"})
    assert response.status_code == 404
    dossier = {d.numero: d for d in RegisterStore(workspace.registre).dossiers()}["ESU-2025-0002"]
    assert dossier.montant_dette == 980.0


def test_csrf_is_refused(workspace):
    account("Camille Roux", "travailleur")
    client = client_for(enforce_csrf_checks=True)
    login = client.post("/connexion/", {"username": "Camille Roux", "password": PASSWORD})
    assert login.status_code == 403 and "Demande refusée" in text(login)
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="Camille Roux"))
    response = client.post("/dossiers/ESU-2025-0001/champs/montant_dette/", {"valeur": "1"})
    assert response.status_code == 403
    assert RegisterStore(workspace.registre).dossiers()[0].montant_dette == 3412.87
    # the same form with the page's token goes through
    client.get("/dossiers/ESU-2025-0001/")
    token = client.cookies["asll_csrf"].value
    response = client.post(
        "/dossiers/ESU-2025-0001/champs/montant_dette/",
        {"valeur": "1", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


def test_drafts_download_and_path_traversal_is_refused(workspace):
    store = RegisterStore(workspace.registre)
    name = "ESU-2025-0001_MARTIN_rapport.docx"
    (workspace.outbox / "Angoumois").mkdir(parents=True)
    (workspace.outbox / "Angoumois" / name).write_bytes(b"PK draft")
    (workspace.outbox / "secret.docx").write_bytes(b"PK other")
    store.record({"type": "brouillons", "dossier": "ESU-2025-0001", "brouillons": [name]})
    store.record(
        {"type": "brouillons", "dossier": "ESU-2025-0001", "brouillons": ["../secret.docx"]}
    )
    store.flush()
    worker = client_for("Camille Roux", "travailleur")
    page = text(worker.get("/dossiers/ESU-2025-0001/"))
    assert name in page and "secret.docx" not in page
    response = worker.get(f"/dossiers/ESU-2025-0001/brouillons/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK draft"
    assert response["Content-Disposition"].startswith("attachment")
    for hostile in (
        "..%2Fsecret.docx",
        "..%2F..%2Fregistre.xlsx",
        "%2Fetc%2Fpasswd",
        "..%5Csecret.docx",
        "secret.docx",
    ):
        assert worker.get(f"/dossiers/ESU-2025-0001/brouillons/{hostile}").status_code == 404
    # a draft of a dossier outside one's sectors
    assert worker.get(f"/dossiers/ESU-2025-0002/brouillons/{name}").status_code == 404


def test_a_hostile_name_is_shown_as_text(workspace):
    store = RegisterStore(workspace.registre)
    _put(
        store,
        Dossier(
            numero="ESU-2025-0003",
            nature="ESU",
            secteur="Angoumois",
            personnes=[Personne("<script>alert('x')</script>", "<img src=x onerror=alert(1)>")],
            commune="Angoulême",
        ),
    )
    store.flush()
    worker = client_for("Camille Roux", "travailleur")
    for url in ("/", "/dossiers/ESU-2025-0003/"):
        page = text(worker.get(url))
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page


def test_ten_wrong_passwords_lock_the_account(workspace):
    account("Camille Roux", "travailleur")
    client = client_for()
    for _ in range(10):
        client.post("/connexion/", {"username": "Camille Roux", "password": "pas le bon"})
    response = client.post("/connexion/", {"username": "Camille Roux", "password": PASSWORD})
    assert response.status_code == 429 and "Compte bloqué" in text(response)
    assert client.get("/").status_code == 302  # no session
    # another account is not locked
    account("Jean Petit", "travailleur")
    ok = client.post("/connexion/", {"username": "Jean Petit", "password": PASSWORD})
    assert ok.status_code == 302


# ---------------------------------------------------------------- Arrivées
def test_dropped_files_reach_the_inbox_under_safe_names_and_never_overwrite(workspace):
    from django.core.files.uploadedfile import SimpleUploadedFile

    (workspace.inbox / "courrier.pdf").write_bytes(b"%PDF-1.4 already there")
    agent = client_for("Léa Martin", "agent")
    files = [
        SimpleUploadedFile("courrier.pdf", b"%PDF-1.4 new"),
        SimpleUploadedFile("../../registre.xlsx", b"PK evil"),
        SimpleUploadedFile(".cache.pdf", b"%PDF-1.4 hidden"),
        SimpleUploadedFile('C:\\Users\\x\\a<b>"c".PDF', b"%PDF-1.4 windows"),
        SimpleUploadedFile("vide.pdf", b""),
    ]
    response = agent.post("/arrivees/", {"fichiers": files})
    assert response.status_code == 200
    names = sorted(p.name for p in workspace.inbox.iterdir())
    assert names == ["a-b--c-.pdf", "cache.pdf", "courrier-v2.pdf", "courrier.pdf", "registre.xlsx"]
    assert (workspace.inbox / "courrier.pdf").read_bytes() == b"%PDF-1.4 already there"
    assert not (workspace.base / "registre.xlsx").read_bytes().startswith(b"PK evil")
    page = text(response)
    assert 'vide.pdf : <span class="erreur">refusé, fichier vide</span>' in page
    assert "courrier.pdf (enregistré sous « courrier-v2.pdf »)" in page
    assert "courrier-v2.pdf : en attente" in page


def test_a_dropped_file_takes_the_inbox_path_and_its_outcome_shows(workspace):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from asll.app.cli import main
    from tests.test_extract_startup import SAMPLE

    agent = client_for("Léa Martin", "agent")
    agent.post(
        "/arrivees/",
        {
            "fichiers": [
                SimpleUploadedFile(SAMPLE.name, SAMPLE.read_bytes()),
                SimpleUploadedFile("assignation.pdf", b"ASSIGNATION\nMonsieur Jean MARTIN\n"),
            ]
        },
    )
    assert main(["traiter", "--espace", str(workspace.base)]) == 0
    page = text(agent.get("/arrivees/etat/"))
    assert "Aucun de vos fichiers n'attend." in page
    assert f"<td>{SAMPLE.name}</td>" in page and "traité" in page
    assert "quarantaine" in page and "n&#39;est pas un PDF" in page
    assert 'hx-trigger="every 3s"' in page


def test_arrivees_need_a_session_and_csrf(workspace):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for()
    response = client.post("/arrivees/", {"fichiers": [SimpleUploadedFile("a.pdf", b"%PDF")]})
    assert response.status_code == 302 and not list(workspace.inbox.iterdir())
    account("Léa Martin", "agent")
    from django.contrib.auth.models import User

    strict = client_for(enforce_csrf_checks=True)
    strict.force_login(User.objects.get(username="Léa Martin"))
    response = strict.post("/arrivees/", {"fichiers": [SimpleUploadedFile("a.pdf", b"%PDF")]})
    assert response.status_code == 403 and not list(workspace.inbox.iterdir())


# ---------------------------------------------------------------- Échéances
def test_echeances_late_in_red_by_worker_with_the_42_day_flag(workspace):
    from datetime import timedelta

    today = date.today()
    store = RegisterStore(workspace.registre)
    _put(
        store,
        Dossier(
            numero="ESU-2025-0010",
            nature="ESU",
            secteur="Angoumois",
            referent="Camille Roux",
            personnes=[Personne("BERNARD")],
            date_document=today - timedelta(days=20),
            date_audience=today + timedelta(days=2),  # report due before today: late
        ),
    )
    _put(
        store,
        Dossier(
            numero="ESU-2025-0011",
            nature="ESU",
            secteur="Cognaçais",
            referent="Jean Petit",
            personnes=[Personne("LEROY")],
            date_document=today - timedelta(days=60),
            date_entretien=today - timedelta(days=30),
            date_audience=today + timedelta(days=12),  # report due within the week
        ),
    )
    store.flush()
    boss = client_for("Anne Lefèvre", "responsable")
    page = text(boss.get("/echeances/"))
    assert page.index("<h2>Camille Roux</h2>") < page.index("<h2>Jean Petit</h2>")
    rows = page.split("<tr")
    late_row = next(r for r in rows if "ESU-2025-0010</a>" in r)
    assert late_row.startswith(' class="ligne-retard"') and "en retard de" in late_row
    assert '<span class="etiquette">42 jours</span> saisine reçue 22 jours avant' in late_row
    coming_row = next(r for r in rows if "ESU-2025-0011</a>" in r)
    assert not coming_row.startswith(' class="ligne-retard"') and "42 jours" not in coming_row
    worker = client_for("Camille Roux", "travailleur")
    page = text(worker.get("/echeances/"))
    assert "BERNARD" in page and "LEROY" not in page and "Jean Petit" not in page


# ---------------------------------------------------------------- Rédiger
def test_rediger_writes_a_draft_and_the_final_version_lists_what_is_missing(workspace):
    from docx import Document

    worker = client_for("Camille Roux", "travailleur")
    response = worker.post("/dossiers/ESU-2025-0001/rediger/", {"type": "esu"}, follow=True)
    page = text(response)
    assert "Rédigé : ESU-2025-0001_MARTIN" in page and "Dette locative" in page
    dossier = {d.numero: d for d in RegisterStore(workspace.registre).dossiers()}["ESU-2025-0001"]
    [name] = dossier.brouillons
    download = worker.get(f"/dossiers/ESU-2025-0001/brouillons/{name}")
    path = workspace.base / "telecharge.docx"
    path.write_bytes(b"".join(download.streaming_content))
    doc = Document(path)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    words = "\n".join([p.text for p in doc.paragraphs] + cells)
    assert "MARTIN" in words and "[à compléter]" in words
    final = worker.post("/dossiers/ESU-2025-0001/rediger/", {"type": "esu", "final": "1"})
    assert final.status_code == 400
    page = text(final)
    assert "Version définitive impossible" in page and "encore « à compléter »" in page
    assert page.count("<li>") > 3
    # a type the dossier has no template for, and a dossier outside one's sectors
    assert worker.post("/dossiers/ESU-2025-0001/rediger/", {"type": "bilan"}).status_code == 404
    assert worker.post("/dossiers/ESU-2025-0002/rediger/", {"type": "esu"}).status_code == 404


# ---------------------------------------------------------------- Rapports
def test_a_responsable_makes_the_gts_pack_and_downloads_it_others_cannot(workspace):
    from docx import Document

    worker = client_for("Camille Roux", "travailleur")
    assert worker.get("/rapports/").status_code == 404
    boss = client_for("Anne Lefèvre", "responsable")
    page = text(boss.post("/rapports/", {"rapport": "gts", "mois": "2025-13"}))
    assert "Mois invalide : « 2025-13 » (attendu : AAAA-MM)." in page
    page = text(boss.post("/rapports/", {"rapport": "gts", "mois": "2025-10"}))
    assert "Document de séance du GTS produit" in page
    [name] = [p.name for p in (workspace.outbox / "rapports").glob("*.docx")]
    assert f'href="/rapports/{name}"' in page
    response = boss.get(f"/rapports/{name}")
    path = workspace.base / "gts.docx"
    path.write_bytes(b"".join(response.streaming_content))
    assert "GTS" in "\n".join(p.text for p in Document(path).paragraphs)
    assert worker.get(f"/rapports/{name}").status_code == 404
    for hostile in ("..%2Fregistre.xlsx", "..%2F..%2Fregistre.xlsx", "%2Fetc%2Fpasswd"):
        assert boss.get(f"/rapports/{hostile}").status_code == 404


# ---------------------------------------------------------------- À trier et quarantaine
SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "documents"
FACTURE = SAMPLES / "Facture electricite 09-2025.pdf"


def _received_aside(workspace) -> Path:
    """The bill, dropped in the inbox and set aside « à trier » by `asll traiter`."""
    import shutil

    from asll.app.cli import main

    shutil.copy(FACTURE, workspace.inbox / FACTURE.name)
    assert main(["traiter", "--espace", str(workspace.base)]) == 0
    aside = workspace.a_trier / FACTURE.name
    assert aside.is_file() and (workspace.a_trier / f"{FACTURE.name}.txt").is_file()
    return aside


def _document(sha: str) -> dict:
    from asll.app.web import state

    return state.store().view().find_document(sha)


def test_a_trier_lists_the_files_with_their_reason_for_staff_only(workspace):
    _received_aside(workspace)
    agent = client_for("Léa Martin", "agent")
    page = text(agent.get("/a-trier/"))
    assert FACTURE.name in page and "pas été reconnu comme une assignation" in page
    assert "Classer dans le dossier" in page and "ESU-2025-0001" in page
    worker = client_for("Camille Roux", "travailleur")
    assert worker.get("/a-trier/").status_code == 404
    response = worker.post(
        "/a-trier/action/",
        {"dossier": "a-trier", "fichier": FACTURE.name, "action": "ecarter", "motif": "x"},
    )
    assert response.status_code == 404 and (workspace.a_trier / FACTURE.name).is_file()


def test_a_file_attached_to_a_dossier_is_filed_in_its_archive_and_the_register(workspace):
    from intake.pipeline import sha256_of

    aside = _received_aside(workspace)
    sha = sha256_of(aside)
    assert _document(sha)["resultat"] == "à trier"
    agent = client_for("Léa Martin", "agent")
    response = agent.post(
        "/a-trier/action/",
        {
            "dossier": "a-trier",
            "fichier": FACTURE.name,
            "action": "rattacher",
            "numero": "ESU-2025-0001",
        },
    )
    assert response.status_code == 200, text(response)
    assert "est classé dans le dossier ESU-2025-0001" in text(response)
    doc = _document(sha)
    assert doc["dossier"] == "ESU-2025-0001" and doc["resultat"] == "traité"
    filed = workspace.base / doc["classe_sous"]
    assert filed.is_file() and filed.read_bytes() == FACTURE.read_bytes()
    assert filed.parent.parent == workspace.archive
    assert not list(workspace.a_trier.iterdir())  # the note went with the file
    assert (filed.parent / f"{filed.name}.note-initiale.txt").is_file()
    history = [h for h in _store_history("ESU-2025-0001") if h["champ"] == "documents"]
    assert history and history[-1]["auteur"] == "Léa Martin"
    page = text(client_for("Chef", "responsable").get("/dossiers/ESU-2025-0001/"))
    assert FACTURE.name in page


def _store_history(numero: str) -> list[dict]:
    from asll.app.web import state

    return state.store().history({numero})


def test_a_file_set_aside_moves_with_its_reason_and_nothing_is_deleted(workspace):
    from intake.pipeline import sha256_of

    aside = _received_aside(workspace)
    sha = sha256_of(aside)
    agent = client_for("Léa Martin", "agent")
    empty = agent.post(
        "/a-trier/action/",
        {"dossier": "a-trier", "fichier": FACTURE.name, "action": "ecarter", "motif": " "},
    )
    assert empty.status_code == 400 and "Indiquez pourquoi" in text(empty) and aside.is_file()
    agent.post(
        "/a-trier/action/",
        {
            "dossier": "a-trier",
            "fichier": FACTURE.name,
            "action": "ecarter",
            "motif": "Facture du ménage, rendue en main propre",
        },
    )
    kept = workspace.base / "mis-de-cote" / FACTURE.name
    assert kept.read_bytes() == FACTURE.read_bytes() and not aside.exists()
    note = (workspace.base / "mis-de-cote" / f"{FACTURE.name}.txt").read_text(encoding="utf-8")
    assert "Motif : Facture du ménage, rendue en main propre" in note and "Léa Martin" in note
    assert "pas été reconnu" in note  # the first note is kept inside the new one
    doc = _document(sha)
    assert doc["resultat"] == "mis de côté" and doc["classe_sous"].startswith("mis-de-cote")


def test_a_file_read_again_with_the_chosen_type_becomes_a_dossier(workspace):
    """An assignation the classifier missed: set aside « à trier » (its register row says
    so), read again as an assignation, it opens its dossier, with its draft, not a
    « doublon »."""
    import shutil
    from datetime import datetime

    from asll.app.web import state
    from asll.storage.register import DocumentRecord
    from asll.storage.store import document_entry
    from intake.pipeline import sha256_of

    source = SAMPLES / "assignation MARTIN.pdf"
    aside = workspace.a_trier / source.name
    shutil.copy(source, aside)
    (workspace.a_trier / f"{source.name}.txt").write_text("Motif : non reconnu\n", "utf-8")
    sha = sha256_of(aside)
    state.store().record(
        document_entry(
            DocumentRecord(
                datetime(2025, 9, 1, 10, 0),
                source.name,
                sha,
                "Inconnu",
                None,
                "à trier",
                "non reconnu",
                f"a-trier/{source.name}",
            )
        )
    )
    agent = client_for("Léa Martin", "agent")
    refused = agent.post(
        "/a-trier/action/",
        {"dossier": "a-trier", "fichier": source.name, "action": "relire", "type": "inconnu"},
    )
    assert refused.status_code == 400 and aside.is_file()
    response = agent.post(
        "/a-trier/action/",
        {"dossier": "a-trier", "fichier": source.name, "action": "relire", "type": "assignation"},
    )
    assert response.status_code == 200 and "a été relu" in text(response), text(response)
    doc = _document(sha)
    assert doc["resultat"] == "traité" and doc["type"] == "Assignation" and doc["dossier"]
    assert doc["recu_le"] == datetime(2025, 9, 1, 10, 0)  # the same row, not a duplicate
    assert len([d for d in state.store().view().documents() if d["sha256"] == sha]) == 1
    dossier = state.store().view().get(doc["dossier"])
    assert dossier.nature == "ESU" and any(p.nom == "MARTIN" for p in dossier.personnes)
    assert dossier.brouillons  # the draft the pipeline writes for an assignation
    assert (workspace.base / doc["classe_sous"]).is_file() and not aside.exists()


def test_triage_refuses_paths_unknown_names_and_no_csrf(workspace):
    _received_aside(workspace)
    outside = workspace.base / "secret.pdf"
    outside.write_bytes(FACTURE.read_bytes())
    agent = client_for("Léa Martin", "agent")
    for key, name in (
        ("a-trier", "../secret.pdf"),
        ("a-trier", str(outside)),
        ("../", "secret.pdf"),
        ("archive", FACTURE.name),
    ):
        response = agent.post(
            "/a-trier/action/",
            {"dossier": key, "fichier": name, "action": "ecarter", "motif": "essai"},
        )
        assert response.status_code == 400, (key, name)
    assert outside.is_file() and (workspace.a_trier / FACTURE.name).is_file()
    assert not (workspace.base / "mis-de-cote").exists()
    from django.contrib.auth.models import User

    strict = client_for(enforce_csrf_checks=True)
    strict.force_login(User.objects.get(username="Léa Martin"))
    response = strict.post(
        "/a-trier/action/",
        {"dossier": "a-trier", "fichier": FACTURE.name, "action": "ecarter", "motif": "x"},
    )
    assert response.status_code == 403 and (workspace.a_trier / FACTURE.name).is_file()


def test_each_value_is_shown_beside_the_page_region_it_was_read_from(workspace):
    """The assignation filed by `asll traiter`: the dossier page shows, beside the tenant's
    name, the image of the line that names him, drawn from the archived PDF; nobody outside
    the dossier's sectors gets it, nor any file the dossier does not hold."""
    import io
    import re
    import shutil
    from html import unescape

    from PIL import Image

    from asll.app.cli import main
    from asll.storage.provenance import load_provenance
    from intake.pipeline import sha256_of

    source = SAMPLES / "assignation MARTIN.pdf"
    sha = sha256_of(source)
    shutil.copy(source, workspace.inbox / source.name)
    assert main(["traiter", "--espace", str(workspace.base)]) == 0
    numero = _document(sha)["dossier"]
    assert load_provenance(workspace.registre, sha)["personnes"]["boite"]

    chef = client_for("Chef", "responsable")
    page = text(chef.get(f"/dossiers/{numero}/"))
    block = re.search(r'id="champ-personne1-nom".*?</div>\s*<div class="actions">', page, re.S)
    assert block and "MARTIN" in block.group(0)
    img = re.search(r'<img class="apercu" src="([^"]+)" alt="([^"]+)"', block.group(0))
    assert img and img.group(2) == "Extrait de la page 1 du document"
    url = unescape(img.group(1))
    assert url.startswith(f"/dossiers/{numero}/apercu/{sha}/1.png?boite=")

    response = chef.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    width, height = image.size  # one line of an A4 page and a margin, at 144 dpi
    assert 400 < width <= 1200 and 25 < height < 150 and width > 5 * height
    assert len(image.getcolors(1 << 16) or range(100)) > 2  # ink, not a blank page

    # another sector's worker: as if the dossier did not exist
    worker = client_for("Jean Petit", "travailleur")
    assert worker.get(url).status_code == 404
    # a SHA-256 the dossier does not hold, a page it does not have, a box that is not one
    other = url.replace(sha, "0" * 64)
    assert chef.get(other).status_code == 404
    assert chef.get(url.replace("/1.png", "/9.png")).status_code == 404
    assert chef.get(url.split("?")[0] + "?boite=../../etc").status_code == 404
    assert client_for().get(url).status_code == 302  # no session: to the login page


def test_a_value_read_from_a_scan_is_shown_and_stays_shown_once_corrected(workspace):
    """A préfecture's letter scanned to PNG, dropped in the inbox: the dossier page shows,
    beside the tenant's name, the region of the scan that names her (drawn from the image
    file filed in the archive). Once a person corrects the name, the page says who did it
    and when (from the audit trail), and keeps the scan's region as the original reading."""
    import io
    import random
    import re
    from html import unescape

    import pytesseract
    from PIL import Image

    from asll.app.cli import main
    from corpus.families import scanner
    from intake.pipeline import sha256_of

    scan = workspace.inbox / "scan_20250912.png"
    assert scanner(
        SAMPLES / "Courrier Préfecture Charente EXP 2025-1187.pdf", scan, random.Random(3), "png"
    )
    sha = sha256_of(scan)
    assert main(["traiter", "--espace", str(workspace.base)]) == 0
    numero = _document(sha)["dossier"]

    chef = client_for("Chef", "responsable")
    page = text(chef.get(f"/dossiers/{numero}/"))
    block = re.search(r'id="champ-personne1-nom".*?<div class="actions">', page, re.S)
    assert block and "ROUSSEAU" in block.group(0)
    img = re.search(r'<img class="apercu" src="([^"]+)"', block.group(0))
    assert img and "Lu dans « scan_20250912.png », page 1." in block.group(0)
    url = unescape(img.group(1))
    assert url.startswith(f"/dossiers/{numero}/apercu/{sha}/1.png?boite=")
    response = chef.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    region = Image.open(io.BytesIO(response.content))
    assert region.width > 3 * region.height
    assert "ROUSSEAU" in pytesseract.image_to_string(region, lang="fra")

    response = chef.post(f"/dossiers/{numero}/champs/personne1.nom/", {"valeur": "ROUSSEAUX"})
    assert response.status_code == 302
    page = text(chef.get(f"/dossiers/{numero}/"))
    block = re.search(r'id="champ-personne1-nom".*?<div class="actions">', page, re.S).group(0)
    when = re.search(r"Corrigé par Chef le (\d\d/\d\d/\d{4} à \d\d:\d\d)\.", block)
    assert when and "ROUSSEAUX" in block
    assert "Lecture d'origine, avant correction : « scan_20250912.png », page 1." in block
    assert unescape(re.search(r'<img class="apercu" src="([^"]+)"', block).group(1)) == url
    # a value nobody changed says nothing of the kind
    other = re.search(r'id="champ-date_audience".*?<div class="actions">', page, re.S).group(0)
    assert "Corrigé" not in other and "Lu dans « scan_20250912.png »" in other


def test_a_word_document_shows_the_paragraph_a_value_came_from(workspace):
    """Word has no page to draw: the page says so and shows the paragraph instead."""
    import re
    import shutil

    from asll.app.cli import main
    from intake.pipeline import sha256_of

    source = SAMPLES / "Fiche prescription ASLL - CCAS Cognac.docx"
    shutil.copy(source, workspace.inbox / source.name)
    assert main(["traiter", "--espace", str(workspace.base)]) == 0
    numero = _document(sha256_of(source))["dossier"]
    page = text(client_for("Chef", "responsable").get(f"/dossiers/{numero}/"))
    block = re.search(r'id="champ-adresse".*?<div class="actions">', page, re.S).group(0)
    assert '<blockquote class="extrait">Adresse : 7 allée des Vignes' in block
    assert "n'a pas d'image de page" in block and "<img" not in block


def test_the_set_aside_folder_is_the_one_asll_toml_names(workspace):
    """[dossiers] mis_de_cote: the file and its note go there, and the page says where."""
    from asll.app.web import state

    aside = _received_aside(workspace)
    folder = workspace.base / "Écartés par l'équipe"
    state.use(replace(workspace, mis_de_cote=folder))
    agent = client_for("Léa Martin", "agent")
    assert "« Écartés par l&#39;équipe »" in text(agent.get("/a-trier/"))
    response = agent.post(
        "/a-trier/action/",
        {"dossier": "a-trier", "fichier": FACTURE.name, "action": "ecarter", "motif": "Facture"},
    )
    assert "(dossier « Écartés par l&#39;équipe »)" in text(response)
    assert (folder / FACTURE.name).read_bytes() == FACTURE.read_bytes() and not aside.exists()
    assert "Motif : Facture" in (folder / f"{FACTURE.name}.txt").read_text(encoding="utf-8")
    assert not (workspace.base / "mis-de-cote").exists()
