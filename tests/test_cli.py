"""The `asll` command as staff and scripts use it: exit codes, French messages, JSON."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from asll.config import PROJECT_ROOT

SAMPLES = PROJECT_ROOT / "samples" / "documents"
EXPECTED = PROJECT_ROOT / "samples" / "attendu"
CONTRACT_KEYS = {
    "fichier",
    "type_document",
    "personnes",
    "adresse",
    "code_postal",
    "commune",
    "bailleur",
    "loyer_mensuel",
    "montant_dette",
    "date_dette",
    "juridiction",
    "date_audience",
    "heure_audience",
    "commissaire_justice",
    "reference",
    "date_document",
    "date_limite",
    "type_mesure",
    "prescripteur",
    "organisme_prescripteur",
    "composition",
    "nb_enfants",
    "statut_occupation",
    "ressources",
    "champs_incertains",
}
needs_samples = pytest.mark.skipif(not EXPECTED.exists(), reason="échantillons absents")


def asll(*args, cwd=None, timeout=300):
    return subprocess.run(
        [sys.executable, "-m", "asll", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )


def workspace_args(base: Path) -> list[str]:
    return ["--espace", base]


@needs_samples
def test_extract_json_prints_the_contract_and_writes_nothing(tmp_path):
    sample = next(
        p for p in sorted(SAMPLES.glob("*.pdf")) if (EXPECTED / (p.name + ".json")).exists()
    )
    copy = tmp_path / sample.name
    copy.write_bytes(sample.read_bytes())
    result = asll("extract", copy, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert CONTRACT_KEYS <= set(data)
    assert data["fichier"] == sample.name
    assert sorted(p.name for p in tmp_path.iterdir()) == [sample.name]


@pytest.mark.parametrize(
    "name,content,words",
    [
        ("vide.pdf", b"", "vide"),
        ("abime.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj <<", "PDF"),
        ("faux.docx", b"Ceci est un simple texte, pas un document Word.", "Word"),
    ],
)
def test_extract_unreadable_file_fails_with_one_french_line(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    result = asll("extract", path, "--json")
    assert result.returncode != 0
    assert result.stdout == ""
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and words.lower() in message.lower()


@needs_samples
def test_ingest_exits_zero_when_every_file_is_handled_even_quarantined(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sample = next(
        p for p in sorted(SAMPLES.glob("*.pdf")) if (EXPECTED / (p.name + ".json")).exists()
    )
    (inbox / sample.name).write_bytes(sample.read_bytes())
    (inbox / "illisible.pdf").write_bytes(b"pas un pdf")
    result = asll("ingest", *workspace_args(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "En quarantaine            : 1" in result.stdout
    assert list(inbox.iterdir()) == []
    rows = list(load_workbook(tmp_path / "registre.xlsx")["Dossiers"].iter_rows(min_row=2))
    assert len(rows) == 1


def test_watch_stops_cleanly_on_ctrl_c(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "asll", "watch", *map(str, workspace_args(tmp_path))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    deadline = time.monotonic() + 30
    while not (tmp_path / "inbox").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Surveillance arrêtée" in err


def test_unknown_command_is_refused_in_french():
    result = asll("inconnue")
    assert result.returncode == 2
    assert "erreur" in result.stderr and "choix invalide" in result.stderr


@needs_samples
def test_demo_prints_a_summary_of_real_work(tmp_path):
    result = asll("demo", "--dossier", tmp_path / "demo", cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Dossiers dans le registre" in out and "Brouillons rédigés" in out
    dossiers = int(out.split("Dossiers dans le registre : ")[1].split()[0])
    drafts = int(out.split("Brouillons rédigés        : ")[1].split()[0])
    assert dossiers >= 8 and drafts >= 8
    assert any((tmp_path / "demo" / "outbox").rglob("*.docx"))
    assert any((tmp_path / "demo" / "quarantaine").glob("*.txt"))
    assert str(tmp_path / "demo" / "registre.xlsx") in out


@needs_samples
def test_statut_tells_an_agent_what_is_waiting_and_why(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sample = SAMPLES / "assignation MARTIN.pdf"
    (inbox / sample.name).write_bytes(sample.read_bytes())
    (inbox / "vide.pdf").write_bytes(b"")
    assert asll("ingest", *workspace_args(tmp_path)).returncode == 0
    (tmp_path / "~$registre.xlsx").write_bytes(b"verrou")  # a worker opens it in Excel
    (inbox / "courrier.pdf").write_bytes(sample.read_bytes() + b"\n%autre")
    (inbox / ".courrier caché.pdf").write_bytes(sample.read_bytes())
    (inbox / "~$brouillon.docx").write_bytes(b"verrou Word")
    out = asll("statut", *workspace_args(tmp_path)).stdout
    assert "1 fichier(s) du dossier d'arrivée ne seront jamais lus" in out
    assert ".courrier caché.pdf" in out and "~$brouillon" not in out
    assert "La surveillance du dossier d'arrivée n'est pas en marche." in out
    assert "1 fichier(s) dans le dossier d'arrivée, pas encore traités" in out
    assert "vide.pdf : Le fichier est vide." in out
    assert "Registre : à jour." in out

    asll("ingest", *workspace_args(tmp_path))  # the register is open: the change waits
    out = asll("statut", *workspace_args(tmp_path)).stdout
    assert "changement(s) en attente, car le registre est ouvert dans Excel" in out


@needs_samples
def test_generate_redrafts_without_overwriting_and_final_lists_what_is_missing(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sample = SAMPLES / "assignation MARTIN.pdf"
    (inbox / sample.name).write_bytes(sample.read_bytes())
    assert asll("ingest", *workspace_args(tmp_path)).returncode == 0
    (first,) = (tmp_path / "outbox").rglob("*_rapport-esu.docx")
    numero = first.name.split("_")[0]
    first_bytes = first.read_bytes()

    result = asll("generate", "esu", numero, *workspace_args(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "rapport-esu-v2.docx" in result.stdout
    assert first.read_bytes() == first_bytes  # never overwritten

    final = asll("generate", "esu", numero, "--final", *workspace_args(tmp_path))
    assert final.returncode != 0
    assert "[à compléter]" in final.stderr or "à compléter" in final.stderr

    missing = asll("generate", "bilan", "ESU-1999-0001", *workspace_args(tmp_path))
    assert missing.returncode != 0 and "absent du registre" in missing.stderr
