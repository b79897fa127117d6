"""A burst of letters is written to the register in a few saves, none lost."""

from openpyxl import load_workbook

from asll.config import PROJECT_ROOT, Config
from intake.pipeline import Intake

SAMPLES = PROJECT_ROOT / "samples" / "documents"


def test_forty_letters_make_a_few_saves_and_every_row(tmp_path):
    config = Config.for_workspace(tmp_path, stabilite_secondes=0)
    config.ensure_folders()
    source = SAMPLES / "SP Langres - D'ALMEIDA.pdf"
    paths = []
    for i in range(40):  # distinct bytes, same household: one dossier, forty documents
        path = config.inbox / f"courrier {i:02d}.pdf"
        path.write_bytes(source.read_bytes() + f"\n%copie {i}\n".encode())
        paths.append(path)
    ticks = iter(range(0, 10_000, 1))  # each clock reading is one second later
    intake = Intake(config, flush_seconds=15, clock=lambda: next(ticks))
    results = list(intake.handle_many(paths))
    intake.flush()
    assert [r.resultat for r in results] == ["traité"] * 40
    assert 1 < intake.saves <= 10
    wb = load_workbook(config.registre)
    assert wb["Documents reçus"].max_row == 41
    assert wb["Dossiers"].max_row == 2
    assert not list(config.inbox.iterdir())
