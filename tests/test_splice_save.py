"""Saving only the changed rows gives the file openpyxl would have written, part for part."""

from __future__ import annotations

import random
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

import asll.storage.register as register_module
from asll.domain.deadlines import deadlines_for
from asll.domain.model import Dossier, Personne
from asll.storage.register import DocumentRecord, Register
from asll.storage.splice_save import fingerprint, save_spliced


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        # core.xml holds the time of the save; openpyxl's first save of a new sheet leaves
        # out outlineLevelCol="0", its later ones write it
        return {
            n: archive.read(n).replace(b' outlineLevelCol="0"', b"")
            for n in archive.namelist()
            if n != "docProps/core.xml"
        }


def _same_as_openpyxl(workbook, spliced: Path, tmp_path: Path) -> None:
    reference = tmp_path / "openpyxl.xlsx"
    workbook.save(reference)
    got, want = _parts(spliced), _parts(reference)
    assert sorted(got) == sorted(want)
    for name in want:
        assert got[name] == want[name], name


@pytest.fixture
def spy(monkeypatch):
    """Counts the saves that went through `save_spliced` (which still runs for real)."""
    calls = []

    def counting(*args, **kwargs):
        calls.append(args[3])
        return save_spliced(*args, **kwargs)

    monkeypatch.setattr(register_module, "save_spliced", counting)
    return calls


def _dossier(i: int, nom: str) -> Dossier:
    opened = date(2025, 1, 6) + timedelta(days=3 * i)
    return Dossier(
        numero=f"ESU-2025-{i:04d}",
        nature="ESU",
        statut="Nouveau",
        date_ouverture=opened,
        personnes=[Personne(nom, "Léa", "Mme")],
        adresse=f"{i} rue des Acacias",
        commune="Angoulême",
        bailleur="Logélia",
        montant_dette=1200.5 + i,
        date_audience=opened + timedelta(days=70),
        date_document=opened,
        champs_incertains=["bailleur"] if i % 3 else [],
    )


def _document(i: int, numero: str, seq: int) -> DocumentRecord:
    return DocumentRecord(
        recu_le=datetime(2025, 3, 1, 9, 30) + timedelta(hours=i),
        fichier=f"Courrier SP {i}.pdf",
        sha256=f"{i:064x}",
        type="Courrier préfecture",
        dossier=numero,
        resultat="traité",
        classe_sous=f"archive/2025-03/Courrier SP {i}.pdf",
        journal=seq,
    )


def _save_with_deadlines(register: Register) -> None:
    register.put_deadlines([x for d in register.dossiers() for x in deadlines_for(d)])
    register.save()


def test_register_saves_after_the_first_write_only_changed_rows(tmp_path, spy):
    path = tmp_path / "registre.xlsx"
    register = Register.create(path)
    for i in range(1, 41):
        register.put(_dossier(i, f"NOM{i}"))
        register.add_document(_document(i, f"ESU-2025-{i:04d}", i))
    register.journal_seq = 40
    _save_with_deadlines(register)
    assert spy == []  # the first save writes everything

    # a letter joins dossier 7, a new dossier arrives, one household is anonymised
    joined = register.get("ESU-2025-0007")
    joined.reference, joined.champs_incertains = "EXP 2025-1187", ["reference"]
    register.put(joined)
    register.put(_dossier(41, '=HYPERLIEN("x")'))  # formula-looking text stays text
    register.add_document(_document(41, "ESU-2025-0041", 41))
    register.anonymise_documents("ESU-2025-0012", "[anonymisé]")
    register.journal_seq = 41
    _save_with_deadlines(register)

    assert spy == [
        {
            "Dossiers": {8, 42},
            "Documents reçus": {13, 42},  # "Échéances" changed:
            "_donnees": {8, 42},
            "_etat": {1},
            "Listes": set(),
        }
    ]  # written whole
    _same_as_openpyxl(register.wb, path, tmp_path)
    again = Register.open(path)
    assert again.get("ESU-2025-0007").reference == "EXP 2025-1187"
    assert again.get("ESU-2025-0041").personnes[0].nom == '=HYPERLIEN("x")'
    assert len(again.dossiers()) == 41 and again.journal_seq == 41


def test_deadlines_sheet_is_copied_while_the_deadlines_stay_the_same(tmp_path, spy):
    path = tmp_path / "registre.xlsx"
    register = Register.create(path)
    for i in range(1, 6):
        register.put(_dossier(i, f"NOM{i}"))
    _save_with_deadlines(register)
    renamed = register.get("ESU-2025-0003")
    renamed.bailleur = "Domofrance"  # no date changes: the same deadlines
    register.put(renamed)
    _save_with_deadlines(register)
    assert spy[-1]["Échéances"] == set()  # copied from the previous file
    _same_as_openpyxl(register.wb, path, tmp_path)


def test_a_workbook_saved_by_someone_else_is_written_whole(tmp_path, spy):
    path = tmp_path / "registre.xlsx"
    register = Register.create(path)
    register.put(_dossier(1, "MARTIN"))
    register.save()
    other = load_workbook(path)  # a person opens it, types a note and saves
    other["Dossiers"]["BM2"] = "rappeler lundi"
    other.save(path)

    register.put(_dossier(2, "BERNARD"))
    register.save()
    assert spy == []  # not the file it wrote: nothing is copied from it
    register.put(_dossier(3, "PETIT"))
    register.save()
    assert len(spy) == 1


def _fill_randomly(ws, rnd: random.Random, rows: range, styles) -> set[int]:
    touched = set()
    for _ in range(25):
        row, column = rnd.choice(rows), rnd.randrange(1, 9)
        value = rnd.choice(
            [
                "texte",
                " espace ",
                "é€ <&>",
                42,
                3.5,
                date(2025, 5, 2),
                datetime(2025, 5, 2, 14, 5),
                None,
                "=A1+1",
            ]
        )
        cell = ws.cell(row=row, column=column, value=value)
        if rnd.random() < 0.3:
            cell.font, cell.fill = rnd.choice(styles)
        touched.add(row)
    return touched


@pytest.mark.parametrize("seed", range(8))
def test_random_edits_give_the_same_file_as_openpyxl(tmp_path, seed):
    """Rows replaced, inserted between others, appended, on empty and full sheets."""
    rnd = random.Random(seed)
    styles = [
        (Font(bold=True), PatternFill("solid", fgColor="FFD966")),
        (Font(italic=True, color="9C0006"), PatternFill()),
    ]
    wb = Workbook()
    sheets = [wb.active, wb.create_sheet("Vide"), wb.create_sheet("Autre")]
    for row in range(1, 60, 2):  # every other row, so that rows can come in between
        sheets[0].append([f"ligne {row}", row])
        sheets[0].append([])
    _fill_randomly(sheets[2], rnd, range(1, 30), styles)
    previous = tmp_path / "avant.xlsx"
    wb.save(previous)

    changed = {ws.title: _fill_randomly(ws, rnd, range(1, 90), styles) for ws in sheets[:2]}
    spliced = tmp_path / "apres.xlsx"
    with open(spliced, "wb") as handle:
        save_spliced(wb, handle, previous, changed)
    _same_as_openpyxl(wb, spliced, tmp_path)


def test_sheets_with_links_or_comments_are_written_whole(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "Notice"
    ws["A1"].hyperlink = "https://www.service-public.fr"
    previous = tmp_path / "avant.xlsx"
    wb.save(previous)
    ws["A2"] = "nouvelle ligne"
    spliced = tmp_path / "apres.xlsx"
    with open(spliced, "wb") as handle:
        save_spliced(wb, handle, previous, {ws.title: {2}})
    _same_as_openpyxl(wb, spliced, tmp_path)
    assert load_workbook(spliced).active["A1"].hyperlink.target == "https://www.service-public.fr"


def test_fingerprint_changes_when_the_content_does(tmp_path):
    path = tmp_path / "classeur.xlsx"
    wb = Workbook()
    wb.active["A1"] = "un"
    wb.save(path)
    first = fingerprint(path)
    assert first == fingerprint(path)
    wb.active["A1"] = "deux"
    wb.save(path)
    assert fingerprint(path) != first
    assert fingerprint(tmp_path / "absent.xlsx") is None


def test_a_row_emptied_since_the_last_save_is_left_out(tmp_path):
    wb = Workbook()
    ws = wb.active
    for row in range(1, 6):
        ws.append([f"ligne {row}", row])
    previous = tmp_path / "avant.xlsx"
    wb.save(previous)
    del ws._cells[(3, 1)], ws._cells[(3, 2)]  # what ws.delete_rows leaves behind
    spliced = tmp_path / "apres.xlsx"
    with open(spliced, "wb") as handle:
        save_spliced(wb, handle, previous, {ws.title: {3}})
    _same_as_openpyxl(wb, spliced, tmp_path)
    assert [r[0] for r in load_workbook(spliced).active.iter_rows(values_only=True)] == [
        "ligne 1",
        "ligne 2",
        None,
        "ligne 4",
        "ligne 5",
    ]
