"""Hostile files cost seconds, not minutes: each is refused by a cheap guard with a French
reason and quarantined, while the files behind it go on. Every file is built here, small."""

import io
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image

from asll.config import PROJECT_ROOT, Config
from intake.errors import UnreadableDocument
from intake.pipeline import QUARANTAINE, TRAITE, Intake
from intake.readers import read_document

SAMPLE = PROJECT_ROOT / "samples" / "documents" / "assignation MARTIN.pdf"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT = b"BT /F1 12 Tf 72 720 Td (Assignation devant le juge des contentieux) Tj ET"
FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


# ----------------------------------------------------------------------------- builders
def pdf(objects: list) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += (
            b"%d 0 obj\n" % number
            + (body.encode() if isinstance(body, str) else body)
            + b"\nendobj\n"
        )
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def stream(data: bytes, extra: str = "") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra.encode()) + data + b"\nendstream"


def page(contents: str = "4 0 R", box: str = "0 0 612 792") -> str:
    return (
        f"<< /Type /Page /Parent 2 0 R /MediaBox [{box}] /Contents {contents} "
        "/Resources << /Font << /F1 5 0 R >> >> >>"
    )


def ten_thousand_pages() -> bytes:
    """10,000 pages in 60 KB: the same page object listed 10,000 times."""
    kids = " ".join(["3 0 R"] * 10_000)
    return pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Count 10000 /Kids [{kids}] >>",
            page(),
            stream(TEXT),
            FONT,
        ]
    )


def endless_page() -> bytes:
    """One page whose drawing instructions inflate from 20 KB to 14 MB (2 million glyphs):
    pdfminer spends minutes and gigabytes on it, then the process dies."""
    ops = zlib.compress(b"BT /F1 1 Tf " + b"(x) Tj " * 2_000_000 + b"ET", 9)
    return pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            page(),
            stream(ops, "/Filter /FlateDecode "),
            FONT,
        ]
    )


def self_drawing_page() -> bytes:
    """A form that draws itself, forever (the recursion a PDF reader must cut)."""
    return pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /XObject << /X1 5 0 R >> >> >>",
            stream(b"/X1 Do"),
            stream(
                b"/X1 Do /X1 Do",
                "/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                "/Resources << /XObject << /X1 5 0 R >> >> ",
            ),
        ]
    )


def giant_page() -> bytes:
    """A blank page of 5 m × 5 m: drawn for OCR at 300 dpi, 3.5 billion pixels."""
    return pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            page(box="0 0 14400 14400"),
            stream(b" "),
            FONT,
        ]
    )


def docx(document: bytes, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>", zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = compression
        with zf.open(info, "w", force_zip64=True) as f:
            for chunk in document if isinstance(document, list) else [document]:
                f.write(chunk)
    return buf.getvalue()


def zip_bomb(megabytes: int = 300, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """word/document.xml of `megabytes` MB of blanks inside a valid Word body."""
    blanks = b" " * (1 << 20)
    head = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode()
    return docx(
        [head, *[blanks] * megabytes, b"</w:t></w:r></w:p></w:body></w:document>"], compression
    )


def billion_laughs() -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><w:document xmlns:w="{W}">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return docx(xml.encode())


def huge_png(side: int = 20_000) -> bytes:
    """A 20,000 × 20,000 black-and-white PNG: 40 KB on disk, 400 million pixels."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    packer = zlib.compressobj(9)
    rows = (b"\x00" + b"\x00" * (side // 8)) * 1000
    idat = b"".join(packer.compress(rows) for _ in range(side // 1000)) + packer.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )


def huge_tiff(tmp_path: Path) -> bytes:
    saved = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        path = tmp_path / "huge.tif"
        Image.new("1", (20_000, 20_000), 1).save(path, compression="group4")
        return path.read_bytes()
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def tall_png() -> bytes:
    """12,000 × 12,000: under Pillow's own bomb limit, still 144 million pixels to OCR."""
    return huge_png(12_000)


HOSTILE = {
    "10000 pages.pdf": (ten_thousand_pages, "10000 pages"),
    "page sans fin.pdf": (endless_page, "volume anormal d'instructions"),
    "page géante.pdf": (giant_page, "démesurée"),
    "bombe zip.docx": (zip_bomb, "bombe de décompression"),
    "bombe zip bzip2.docx": (lambda: zip_bomb(64, zipfile.ZIP_BZIP2), "compression"),
    "milliard de rires.docx": (billion_laughs, "bombe XML"),
    "image géante.png": (huge_png, "démesurée"),
    "image haute.png": (tall_png, "144 millions"),
}


# ----------------------------------------------------------------------------- tests
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_in_well_under_a_second_with_a_french_reason(tmp_path, name):
    build, words = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(build())
    assert path.stat().st_size < 400_000  # small on disk: the cost is all in the reading
    started = time.monotonic()
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    assert time.monotonic() - started < 1.5
    assert words in str(caught.value)
    assert "n'a pas été lu" in str(caught.value) or "ne peut pas être lue" in str(caught.value)


def test_huge_tiff_is_refused_before_its_pixels_are_decoded(tmp_path):
    path = tmp_path / "scan géant.tif"
    path.write_bytes(huge_tiff(tmp_path))
    started = time.monotonic()
    with pytest.raises(UnreadableDocument, match="démesurée"):
        read_document(path)
    assert time.monotonic() - started < 1.0


def test_a_form_drawing_itself_is_read_or_refused_without_hanging(tmp_path):
    path = tmp_path / "boucle.pdf"
    path.write_bytes(self_drawing_page())
    config = Config.for_workspace(tmp_path / "espace", delai_max_secondes=20)
    config.ensure_folders()
    (config.inbox / path.name).write_bytes(path.read_bytes())
    started = time.monotonic()
    result = Intake(config).handle(config.inbox / path.name)
    assert time.monotonic() - started < 15
    assert result.resultat == QUARANTAINE and result.motif  # pdfium aborts: only the child dies


def test_hostile_files_are_quarantined_in_seconds_and_the_good_one_behind_goes_on(tmp_path):
    config = Config.for_workspace(tmp_path / "espace")  # the real 180 s time limit
    config.ensure_folders()
    for name, (build, _) in HOSTILE.items():
        (config.inbox / name).write_bytes(build())
    (config.inbox / "zz assignation MARTIN.pdf").write_bytes(SAMPLE.read_bytes())
    intake = Intake(config)
    started = time.monotonic()
    results = {r.fichier: r for r in intake.handle_many(sorted(config.inbox.iterdir()))}
    elapsed = time.monotonic() - started
    intake.flush()

    assert elapsed < 30, f"{elapsed:.0f} s"
    assert results["zz assignation MARTIN.pdf"].resultat == TRAITE
    for name, (_, words) in HOSTILE.items():
        result = results[name]
        assert result.resultat == QUARANTAINE, result
        assert words in result.motif
        assert result.classe_sous == config.quarantaine / name
        note = (config.quarantaine / (name + ".txt")).read_text(encoding="utf-8")
        assert words in note
    assert not any(config.inbox.iterdir())


def test_a_file_that_reads_too_long_is_stopped_at_the_time_limit(tmp_path):
    """The last resort behind the guards: a slow read (here an honest scan to OCR, with a
    time limit of half a second) is stopped, quarantined with the reason, and the next
    file is read."""
    config = Config.for_workspace(tmp_path / "espace", delai_max_secondes=0.5)
    config.ensure_folders()
    image = Image.new("L", (2480, 3508), 255)
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    for y in range(100, 3400, 60):
        draw.text(
            (100, y), "Assignation devant le juge des contentieux de la protection " * 3, fill=0
        )
    image.save(config.inbox / "a scan lent.png")
    (config.inbox / "b vide.pdf").write_bytes(b"")
    started = time.monotonic()
    results = list(Intake(config).handle_many(sorted(config.inbox.iterdir())))
    assert time.monotonic() - started < 10
    assert results[0].resultat == QUARANTAINE
    assert "délai de 0,5 seconde." in results[0].motif
    assert results[1].resultat == QUARANTAINE and "vide" in results[1].motif


def test_a_read_over_the_memory_limit_is_quarantined_with_the_reason(tmp_path):
    config = Config.for_workspace(tmp_path / "espace", memoire_max_mo=64)
    config.ensure_folders()
    (config.inbox / "assignation.pdf").write_bytes(SAMPLE.read_bytes())
    result = Intake(config).handle(config.inbox / "assignation.pdf")
    assert result.resultat == QUARANTAINE
    assert "mémoire" in result.motif or "brutalement" in result.motif, result.motif
