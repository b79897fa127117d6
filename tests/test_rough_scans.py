"""corpus.rough_scans: a generated corpus's documents as a fax, a photocopy or a stamped
scan, every page, with their expected values unchanged."""

from __future__ import annotations

import json

import pypdfium2 as pdfium
from PIL import Image

from corpus import rough_scans
from corpus.families import generate


def test_rough_scans_keep_every_page_and_the_expected_values(tmp_path):
    source = tmp_path / "corpus"
    # a letter with the copy of the assignation behind it (several pages) and a Word form
    generate(
        source,
        n_per_family=2,
        scans_per_family=0,
        families=["ddets-saone-et-loire-copie", "gip-charente-colonnes"],
    )
    labels = rough_scans.generate(source, tmp_path / "rugueux", per_family=2, seed=7)
    assert len(labels) == 4
    assert {label["fichier"].split()[1] for label in labels} == set(rough_scans.MANNERS)
    for label in labels:
        path = tmp_path / "rugueux" / "documents" / label["fichier"]
        original = json.loads(
            next(
                (source / "attendu").glob(f"*{label['fichier'].split(' ', 2)[2][:-4]}*")
            ).read_text()
        )
        assert {**original, "fichier": label["fichier"]} == label
        saved = json.loads(
            (tmp_path / "rugueux" / "attendu" / f"{label['fichier']}.json").read_text()
        )
        assert saved == label
        if path.suffix == ".pdf":
            pdf = pdfium.PdfDocument(str(path))
            pages = len(pdf)
            assert pdf[0].get_textpage().get_text_range().strip() == ""  # image only
        else:
            with Image.open(path) as tif:
                pages = tif.n_frames
                assert tif.mode == "1"  # a fax is black and white
        if label["famille"] == "ddets-saone-et-loire-copie":
            assert pages >= 2  # the letter and the act behind it
