"""Photos of a letter as a household or a colleague sends them: taken upright by a phone
(pixels stored sideways, an EXIF tag saying how to turn them), in an iPhone's HEIC, or a
page scanned sideways with no tag at all. Each must be read, not set aside as blank."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pillow_heif
from PIL import Image, ImageDraw, ImageFont

from intake.extract import extract
from intake.readers import read_document

LETTER = Path(__file__).parent / "fixtures" / "textes" / "saisine DDETSPP 16 PEREIRA.txt"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
ORIENTATION = 0x0112  # EXIF tag; 6: « turn 90° clockwise to view »


def _page() -> Image.Image:
    """The letter as a 150-dpi A4 page."""
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 28)
    y = 80
    for paragraph in LETTER.read_text(encoding="utf-8").split("\n"):
        for line in textwrap.wrap(paragraph, 72) or [""]:
            draw.text((60, y), line, font=font, fill=0)
            y += 38
    return img


def _sideways() -> Image.Image:
    return _page().rotate(90, expand=True)  # a quarter turn to the left


def _read_right(path: Path) -> None:
    assert "Angoulême" in read_document(path).text
    ex = extract(path)
    assert [(p.nom, p.prenom) for p in ex.personnes] == [
        ("Pereira", "Antonio"),
        ("Pereira", "Lucia"),
    ]
    assert ex.reference == "DDETSPP16/PCS/2026-0871"


def test_a_phone_photo_stored_sideways_is_read_upright(tmp_path):
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    path = tmp_path / "photo.jpg"
    _sideways().save(path, exif=exif, quality=90)
    _read_right(path)


def test_an_iphone_heic_photo_is_read(tmp_path):
    pillow_heif.register_heif_opener()
    path = tmp_path / "IMG_0412.HEIC"
    _page().convert("RGB").save(path, quality=90)
    assert read_document(path).kind == "image"
    _read_right(path)


def test_a_page_scanned_sideways_without_a_tag_is_turned(tmp_path):
    """Tesseract finds no line on a sideways page: its orientation is looked for all the
    same (the page was set aside as « Aucun texte lisible »)."""
    path = tmp_path / "scan.png"
    _sideways().save(path)
    _read_right(path)


def test_a_photo_with_a_shadow_over_half_the_page_is_read(tmp_path):
    """A letter photographed on a desk: the light fading towards the lower right (down to
    half), the paper grey, the desk around it, a slight blur. Every word in the shadow
    was lost; the page's light is now evened out before reading."""
    import numpy as np
    from PIL import ImageFilter

    page = np.asarray(_page(), dtype=float)
    h, w = page.shape
    yy, xx = np.mgrid[0:h, 0:w]
    light = 1.0 - 0.45 * (0.6 * xx / w + 0.4 * yy / h)
    lit = Image.fromarray(np.clip(page * light * 0.85 + 20, 0, 255).astype("uint8"))
    desk = Image.new("L", (int(w * 1.15), int(h * 1.1)), 70)
    desk.paste(lit, (int(w * 0.07), int(h * 0.05)))
    path = tmp_path / "photo.jpg"
    desk.filter(ImageFilter.GaussianBlur(1.1)).save(path, quality=75)
    _read_right(path)
    ex = extract(path)
    # the words at the right end of the lines, deepest in the shadow
    assert (ex.bailleur, ex.juridiction) == ("LOGELIA CHARENTE", "Tribunal judiciaire d'Angoulême")
