"""The register's database, on SQLite and PostgreSQL: migrated schema, one transaction per
document, duplicates and numbers decided by the database even when sites race, the old
workbook-and-journal register taken in once, conflicts between a person and the tool."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import threading
from datetime import date, datetime

import sqlalchemy as sa
from openpyxl import load_workbook

from asll.domain.model import Dossier, Extraction, Personne
from asll.storage.database import Database, DuplicateDocument, dispose_all, sqlite_url
from asll.storage.register import DocumentRecord, Register
from asll.storage.schema import metadata
from asll.storage.store import RegisterStore, document_entry


def _url(tmp_path, register_url):
    return register_url or sqlite_url(tmp_path / "registre.sqlite")


def _saisine(nom: str, commune: str = "Saint-Dizier", dette: float | None = 1520.4) -> Extraction:
    return Extraction(
        fichier=f"{nom}.pdf",
        type_document="saisine_prefecture",
        personnes=[Personne(nom, "Paul", "M.")],
        adresse="3 rue Jean Jaurès",
        code_postal="52100",
        commune=commune,
        montant_dette=dette,
        date_audience=date(2025, 11, 4),
    )


def _record(nom: str, sha: str) -> DocumentRecord:
    return DocumentRecord(
        datetime(2025, 9, 1, 9, 30), f"{nom}.pdf", sha, "Saisine de la préfecture", None, "traité"
    )


def test_the_migrated_schema_is_the_one_the_code_uses(tmp_path, register_url):
    db = Database(_url(tmp_path, register_url))
    inspector = sa.inspect(db.engine)
    for table in metadata.sorted_tables:
        migrated = {c["name"] for c in inspector.get_columns(table.name)}
        assert migrated == set(table.c.keys()), table.name
        indexes = {i["name"] for i in inspector.get_indexes(table.name)}
        assert {i.name for i in table.indexes} <= indexes, table.name
    # every field of a dossier has its column (a new field needs a migration)
    fields = {f.name for f in dataclasses.fields(Dossier)} - {"brouillons"}
    assert fields == set(metadata.tables["dossiers"].c.keys()) - {"revision"}
    Database(_url(tmp_path, register_url))  # opening again migrates nothing, loses nothing


def test_two_sites_filing_the_same_file_at_once_make_one_dossier(tmp_path, register_url):
    url = _url(tmp_path, register_url)
    sites = [Database(url, site="Chaumont"), Database(url, site="Saint-Dizier")]
    outcomes, start = [], threading.Barrier(2)

    def file(db):
        start.wait()
        try:
            outcomes.append(
                db.file_document(_record("MOREAU", "a" * 64), _saisine("MOREAU"), match=True)
            )
        except DuplicateDocument as duplicate:
            outcomes.append(duplicate)

    threads = [threading.Thread(target=file, args=(db,)) for db in sites]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    duplicates = [o for o in outcomes if isinstance(o, DuplicateDocument)]
    assert len(duplicates) == 1 and duplicates[0].known["dossier"] == "ESU-2025-0001"
    assert list(sites[0].dossiers()) == ["ESU-2025-0001"]


def test_dossier_numbers_come_from_the_database_without_duplicates(tmp_path, register_url):
    url = _url(tmp_path, register_url)
    sites = [Database(url, site=f"site {i}") for i in range(2)]
    numbers: list[str] = []

    def file(db, first):
        for i in range(first, first + 20):
            filed = db.file_document(
                _record(f"NOM{i}", f"{i:064d}"), _saisine(f"NOM{i}", f"Commune {i}"), match=True
            )
            numbers.append(filed.numero)

    threads = [threading.Thread(target=file, args=(db, 20 * n)) for n, db in enumerate(sites)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(numbers) == [f"ESU-2025-{i:04d}" for i in range(1, 41)]


def test_a_letter_joins_the_dossier_another_site_opened(tmp_path, register_url):
    url = _url(tmp_path, register_url)
    first = Database(url, site="Chaumont").file_document(
        _record("MOREAU", "a" * 64), _saisine("MOREAU", dette=None), match=True
    )
    other = Database(url, site="Langres")
    other.dossiers()  # its memory of the register, before the letter
    letter = _saisine("MOREAU")
    letter.type_document, letter.montant_dette = "assignation", 1800.0
    second = other.file_document(_record("MOREAU lettre", "b" * 64), letter, match=True)
    assert (second.numero, second.nouveau) == (first.numero, False)
    assert other.get(first.numero).montant_dette == 1800.0
    changes = [
        (a["champ"], a["nouvelle_valeur"], a["auteur"]) for a in other.history({first.numero})
    ]
    assert ("montant_dette", "1800.0", "asll (Saisine de la préfecture)") in changes


def _old_register(tmp_path):
    """A register kept by the previous versions: a workbook (with a worker's edit) and a
    journal holding one more document than the workbook."""
    path = tmp_path / "registre.xlsx"
    register = Register.create(path)
    dossier = Dossier(numero="ESU-2025-0001", nature="ESU", personnes=[Personne("MOREAU")])
    dossier.statut, dossier.date_ouverture = "En cours", date(2025, 9, 1)
    register.put(dossier)
    first = _record("MOREAU", "a" * 64)
    first.dossier, first.journal = "ESU-2025-0001", 1
    register.add_document(first)
    register.journal_seq = 1
    register.save()
    journal = tmp_path / ".asll" / "journal.jsonl"
    journal.parent.mkdir()
    lines = [
        {
            "type": "document",
            "seq": seq,
            "horodatage": "2025-09-01T09:30:00",
            "document": {
                "recu_le": "2025-09-01T09:30:00",
                "fichier": f"{nom}.pdf",
                "sha256": sha,
                "type": "Saisine de la préfecture",
                "dossier": numero,
                "resultat": "traité",
                "remarque": "",
                "classe_sous": "",
                "journal": None,
            },
            "extraction": _saisine(nom).to_json(),
            "affectation": None,
        }
        for seq, nom, sha, numero in (
            (1, "MOREAU", "a" * 64, "ESU-2025-0001"),
            (2, "PETIT", "b" * 64, "ESU-2025-0002"),
        )
    ]
    journal.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_asll_migrer_takes_an_old_register_in_once(tmp_path):
    path = _old_register(tmp_path)

    first = subprocess.run(
        [sys.executable, "-m", "asll", "migrer", "--espace", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    again = subprocess.run(
        [sys.executable, "-m", "asll", "migrer", "--espace", str(tmp_path)],
        capture_output=True,
        text=True,
    )

    assert first.returncode == 0, first.stderr
    assert "chaque dossier et chaque document est dans la base" in first.stdout
    assert again.returncode == 0 and "0 dossier(s) et 0 document(s) ajoutés" in again.stdout
    store = RegisterStore(path)
    assert [d.numero for d in store.dossiers()] == ["ESU-2025-0001", "ESU-2025-0002"]
    assert store.view().get("ESU-2025-0001").statut == "En cours"  # the worker's edit kept
    ws = load_workbook(path)["Documents reçus"]
    assert ws.max_row == 3  # each document once
    assert not (tmp_path / ".asll" / "journal.jsonl").exists()  # kept among the backups
    assert list((tmp_path / ".asll" / "sauvegardes").glob("journal-*.jsonl"))
    assert store.view().next_numero("ESU", 2025) == "ESU-2025-0003"


def _edit(path, numero, header, value, who):
    wb = load_workbook(path)
    ws = wb["Dossiers"]
    headers = {c.value: c.column for c in ws[1]}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == numero)
    ws.cell(row=row, column=headers[header], value=value)
    wb.properties.lastModifiedBy = who
    wb.save(path)


def test_a_conflict_keeps_the_persons_value_and_is_listed(tmp_path, register_url):
    path = tmp_path / "registre.xlsx"
    store = RegisterStore(path, register_url)
    store.record(
        document_entry(_record("MOREAU", "a" * 64), _saisine("MOREAU", dette=None), match=True)
    )
    store.flush()
    # the tool learns the debt while a worker types it by hand
    letter = _saisine("MOREAU")
    letter.type_document, letter.montant_dette = "assignation", 1800.0
    store.record(document_entry(_record("MOREAU 2", "b" * 64), letter, match=True))
    _edit(path, "ESU-2025-0001", "Dette locative", 1750.0, "Claire Vidal")

    assert store.flush() is None

    assert store.view().get("ESU-2025-0001").montant_dette == 1750.0
    row = next(load_workbook(path)["Dossiers"].iter_rows(min_row=2, values_only=True))
    (conflict,) = store.conflicts()
    assert (conflict["champ"], conflict["valeur_personne"], conflict["valeur_outil"]) == (
        "Dette locative",
        "1750.0",
        "1800.0",
    )
    assert conflict["auteur"] == "Claire Vidal" and 1750.0 in row


def test_statut_lists_a_conflict_and_ingest_with_an_empty_inbox_catches_up(tmp_path):
    path = tmp_path / "registre.xlsx"
    (tmp_path / "inbox").mkdir()
    store = RegisterStore(path)
    store.record(document_entry(_record("MOREAU", "a" * 64), _saisine("MOREAU"), match=True))
    store.flush()
    lock = tmp_path / ".~lock.registre.xlsx#"
    lock.write_text("verrou")
    store.record(
        document_entry(_record("PETIT", "b" * 64), _saisine("PETIT", "Langres", None), match=True)
    )
    store.flush()

    def asll(*args):
        return subprocess.run(
            [sys.executable, "-m", "asll", *args, "--espace", str(tmp_path)],
            capture_output=True,
            text=True,
        )

    assert (
        "1 changement(s) en attente, car le registre est ouvert dans LibreOffice"
        in asll("statut").stdout
    )
    lock.unlink()  # LibreOffice closed, nothing new arrives
    assert asll("ingest").returncode == 0
    numbers = [r[0] for r in load_workbook(path)["Dossiers"].iter_rows(min_row=2, values_only=True)]
    assert numbers == ["ESU-2025-0001", "ESU-2025-0002"]
    assert "Registre : à jour." in asll("statut").stdout

    _edit(path, "ESU-2025-0002", "Dette locative", 1750.0, "Claire Vidal")
    letter = _saisine("PETIT", "Langres", 1800.0)
    letter.type_document = "assignation"
    RegisterStore(path).record(
        document_entry(_record("PETIT 2", "c" * 64), letter, "ESU-2025-0002")
    )
    status = asll("statut").stdout
    assert "1 cellule(s) modifiée(s) à la fois dans le classeur et par l'outil" in status
    assert "ESU-2025-0002, Dette locative : « 1\u202f750 » gardé (Claire Vidal)" in status
    assert "l'outil avait « 1\u202f800 »" in status


def test_an_imported_dossier_keeps_its_number_and_moves_the_counter(tmp_path, register_url):
    store = RegisterStore(tmp_path / "registre.xlsx", register_url)
    dossier = Dossier(numero="ESU-2025-0041", nature="ESU", personnes=[Personne("LEROY")])
    store.record(
        {"type": "import", "source": "ancien.xlsx", "ligne": 2, "dossier": dossier.to_json()}
    )
    filed = store.record(
        document_entry(_record("MOREAU", "a" * 64), _saisine("MOREAU"), match=True)
    )
    assert filed["dossier"] == "ESU-2025-0042"


def test_asll_migrer_moves_a_site_from_sqlite_to_postgresql(tmp_path, pg_url):
    path = tmp_path / "registre.xlsx"
    local = RegisterStore(path)
    local.record(document_entry(_record("MOREAU", "a" * 64), _saisine("MOREAU"), match=True))
    local.record({"type": "brouillons", "dossier": "ESU-2025-0001", "brouillons": ["esu.docx"]})
    local.flush()
    _edit(path, "ESU-2025-0001", "Statut", "En cours", "Claire Vidal")
    local.flush()
    (tmp_path / "asll.toml").write_text(f'[registre]\nbase = "{pg_url}"\n', encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "asll", "migrer", "--config", str(tmp_path / "asll.toml")],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "chaque dossier et chaque document est dans la base" in result.stdout
    shared = RegisterStore(path, pg_url)
    (dossier,) = shared.dossiers()
    assert (dossier.statut, dossier.brouillons) == ("En cours", ["esu.docx"])
    assert shared.view().find_document("a" * 64)["dossier"] == "ESU-2025-0001"
    dispose_all()


def test_a_database_of_an_older_version_is_migrated_with_its_dossiers(tmp_path, register_url):
    from alembic import command
    from alembic.config import Config as AlembicConfig

    from asll.storage.database import make_engine, migrations_dir

    url = _url(tmp_path, register_url)
    engine = make_engine(url)
    config = AlembicConfig()
    config.set_main_option("script_location", migrations_dir())
    with engine.begin() as conn:  # the first schema, as the first version made it
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(
            sa.text(
                "INSERT INTO dossiers (numero, nature, statut, personnes, revision) "
                "VALUES ('ESU-2025-0001', 'ESU', 'En cours', '[{\"nom\": \"MOREAU\"}]', 0)"
            )
        )
    engine.dispose()

    db = Database(url)  # opening applies the later migrations

    dossier = db.get("ESU-2025-0001")
    assert (dossier.statut, dossier.personnes[0].nom) == ("En cours", "MOREAU")
    assert dossier.reprise_paiement is None  # a column added by a later migration
    db.file_document(_record("PETIT", "b" * 64), _saisine("PETIT", "Langres"), match=True)
    assert sorted(db.dossiers()) == ["ESU-2025-0001", "ESU-2025-0002"]


def test_a_command_reads_only_the_dossiers_and_fields_it_needs(tmp_path, register_url):
    db = Database(_url(tmp_path, register_url))
    statuses = ("En cours", "Clos", "Clôturé", "Nouveau", "termine", "")
    found = []
    for i, statut in enumerate(statuses, 1):
        d = Dossier(numero=f"ESU-2025-{i:04d}", nature="ESU", statut=statut)
        d.personnes = [Personne(f"NOM{i}", "Paul", "M.")]
        d.date_audience, d.montant_dette = date(2025, 11, i), 100.0 * i
        d.brouillons = [f"esu-{i}.docx"]
        found.append(d)
    db.import_register(found, [], "essai")
    whole = db.dossiers()
    assert db.select() == list(whole.values())  # every field, drafts included
    opened = db.select(open_only=True)
    assert [d.numero for d in opened] == ["ESU-2025-0001", "ESU-2025-0004", "ESU-2025-0006"]
    assert opened[0] == whole["ESU-2025-0001"]
    light = db.select(("statut", "date_audience"), numeros={"ESU-2025-0002", "ESU-2025-0005"})
    assert [(d.numero, d.statut, d.date_audience) for d in light] == [
        ("ESU-2025-0002", "Clos", date(2025, 11, 2)),
        ("ESU-2025-0005", "termine", date(2025, 11, 5)),
    ]
    # the fields not asked keep their defaults
    assert (light[0].personnes, light[0].montant_dette, light[0].brouillons) == ([], None, [])
    assert db.select(numeros=set()) == []
