"""Rough scans: a generated corpus's documents as the office's copier, fax or phone gives them.

The scans of `corpus.families` are kind: one page, a light blur, a little tilt. What staff
drop is often worse: the préfecture's letter with the copy of the assignation behind it,
scanned as one file; a fax (200 × 100 dpi, black and white, the sender's header line on
every page); a photocopy of a photocopy (grey, blurred, dark edges); a « REÇU LE » stamp
over the letterhead, a pen mark in the margin. This module turns the documents of a
corpus written by `python -m corpus.families` into such scans, every page of them, with
their expected values unchanged, so that `asll evaluer` measures them apart:

    python -m corpus.rough_scans SOURCE DESTINATION [--par-famille 2] [--graine 2025]

Word and ODT documents are printed to PDF with LibreOffice first. Deterministic for a
given seed.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
MANNERS = ("fax", "photocopie", "tampon")
MONTHS = "JANV FÉVR MARS AVR MAI JUIN JUIL AOÛT SEPT OCT NOV DÉC".split()


def _font(path: str, size: int):
    try:
        return ImageFont.truetype(path, size)
    except OSError:  # no DejaVu: PIL's own font, smaller but legible
        return ImageFont.load_default()


def _pages(pdf: Path, dpi: int, tmp: Path) -> list[Image.Image]:
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(tmp / "p")], check=True
    )
    pages = []
    for png in sorted(tmp.glob("p*.png")):
        with Image.open(png) as im:
            pages.append(im.convert("L"))
        png.unlink()
    return pages


def _speckle(page: Image.Image, rng: random.Random, density: int) -> None:
    draw = ImageDraw.Draw(page)
    w, h = page.size
    for _ in range(w * h // density):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice((0, 1, 1, 2))
        draw.ellipse((x, y, x + r, y + r), fill=rng.randrange(40, 160))


def fax(page: Image.Image, rng: random.Random, header: str) -> Image.Image:
    """200 × 100 dpi, black and white, the sending machine's line at the top."""
    w, h = page.size
    page = page.resize((w, h // 2), Image.BILINEAR).resize((w, h), Image.NEAREST)
    _speckle(page, rng, 9000)
    draw = ImageDraw.Draw(page)
    draw.text((int(w * 0.04), int(h * 0.008)), header, fill=0, font=_font(MONO, max(h // 110, 10)))
    threshold = rng.randrange(140, 175)
    return page.point(lambda v: 255 if v > threshold else 0).convert("1").convert("L")


def photocopy(page: Image.Image, rng: random.Random) -> Image.Image:
    """Grey and washed out, blurred, tilted up to 3°, a dark band where the lid did not
    close."""
    page = page.point(lambda v: int(v * 0.75 + 45))
    _speckle(page, rng, 2500)
    page = page.filter(ImageFilter.GaussianBlur(rng.choice((0.7, 0.9, 1.1))))
    angle = rng.choice((-3.0, -2.2, -1.6, 1.4, 2.0, 2.8))
    page = page.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=90)
    w, h = page.size
    band = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(band)
    side = rng.choice(("left", "bottom"))
    depth = int((w if side == "left" else h) * rng.uniform(0.015, 0.04))
    box = (0, 0, depth, h) if side == "left" else (0, h - depth, w, h)
    draw.rectangle(box, fill=140)
    band = band.filter(ImageFilter.GaussianBlur(depth / 3))
    return ImageChops.subtract(page, band)


def stamp(page: Image.Image, rng: random.Random, received: str) -> Image.Image:
    """A « REÇU LE » stamp on the top half, tilted, and a pen stroke in the margin."""
    w, h = page.size
    font = _font(FONT, max(w // 45, 12))
    lines = ("COURRIER ARRIVÉ", f"REÇU LE {received}", "SERVICE LOGEMENT")
    layer = Image.new("L", (int(w * 0.42), int(h * 0.09)), 0)
    draw = ImageDraw.Draw(layer)
    draw.rectangle((2, 2, layer.width - 3, layer.height - 3), outline=255, width=4)
    for i, text in enumerate(lines):
        draw.text((int(layer.width * 0.06), int(layer.height * (0.1 + 0.29 * i))), text, 255, font)
    layer = layer.rotate(rng.uniform(-9, 9), expand=True, fillcolor=0)
    ink = Image.new("L", layer.size, rng.randrange(70, 120))
    x = rng.randrange(int(w * 0.35), int(w * 0.55))
    y = rng.randrange(int(h * 0.04), int(h * 0.3))
    page.paste(ink, (x, y), layer)
    draw = ImageDraw.Draw(page)
    mx = rng.randrange(int(w * 0.015), int(w * 0.05))
    y0 = rng.randrange(int(h * 0.3), int(h * 0.7))
    points = [(mx + rng.randrange(-6, 6), y0 + k * h // 60) for k in range(6)]
    draw.line(points, fill=rng.randrange(30, 90), width=max(w // 500, 2), joint="curve")
    return page


def rough(pdf: Path, rng: random.Random, manner: str, when: str) -> list[Image.Image]:
    dpi = {"fax": 200, "photocopie": rng.choice((150, 200)), "tampon": rng.choice((200, 300))}
    with tempfile.TemporaryDirectory() as tmp:
        pages = _pages(pdf, dpi[manner], Path(tmp))
    if manner == "fax":
        sender = f"{when}  {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"
        sender += f"  DE : 0{rng.randrange(1, 6)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"
        sender += f" {rng.randrange(10, 99)} {rng.randrange(10, 99)}"
        return [
            fax(p, rng, f"{sender}   P.{i + 1:03d}/{len(pages):03d}") for i, p in enumerate(pages)
        ]
    if manner == "photocopie":
        return [photocopy(p, rng) for p in pages]
    return [stamp(pages[0], rng, when)] + [photocopy(p, rng) for p in pages[1:]]


def _as_pdf(documents: list[Path], tmp: Path) -> dict[Path, Path]:
    """PDFs as they are; Word and ODT printed with LibreOffice, in one run."""
    out = {d: d for d in documents if d.suffix.lower() == ".pdf"}
    office = [d for d in documents if d.suffix.lower() in (".docx", ".odt")]
    if office:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            raise RuntimeError("LibreOffice (soffice) est nécessaire pour imprimer Word et ODT")
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{tmp}/profil", "--headless"]
            + ["--convert-to", "pdf", "--outdir", str(tmp), *map(str, office)],
            check=True,
            capture_output=True,
            timeout=600,
        )
        out.update({d: tmp / f"{d.stem}.pdf" for d in office})
    return out


def _received(expected: dict, rng: random.Random) -> str:
    """A stamp's date: a few days after the document's, as a mail room would put."""
    date = expected.get("date_document") or "2025-09-15"
    year, month, day = date.split("-")
    day = min(int(day) + rng.randrange(1, 6), 28)
    return f"{day:02d} {MONTHS[int(month) - 1]}. {year}"


def generate(source: Path, dest: Path, per_family: int = 2, seed: int = 2025) -> list[dict]:
    """Write rough scans of `per_family` text documents of each family of `source` (a
    corpus written by corpus.families) under `dest`; return their expected values."""
    labels = []
    by_family: dict[str, list[tuple[Path, dict]]] = {}
    for path in sorted((source / "attendu").glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        document = source / "documents" / expected["fichier"]
        if "scan" in document.name.lower() or not document.exists():
            continue  # already a scan in the source corpus
        by_family.setdefault(expected.get("famille", ""), []).append((document, expected))
    chosen = [item for family in sorted(by_family) for item in by_family[family][:per_family]]
    (dest / "documents").mkdir(parents=True, exist_ok=True)
    (dest / "attendu").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = _as_pdf([d for d, _ in chosen], Path(tmp))
        for i, (document, expected) in enumerate(chosen):
            rng = random.Random(f"{seed}/{document.name}")
            manner = MANNERS[i % len(MANNERS)]
            pages = rough(pdfs[document], rng, manner, _received(expected, rng))
            suffix = ".tif" if manner == "fax" and i % 2 else ".pdf"
            name = f"scan {manner} {document.stem}{suffix}"
            target = dest / "documents" / name
            if suffix == ".tif":
                pages = [p.convert("1") for p in pages]
                pages[0].save(target, save_all=True, append_images=pages[1:], compression="group4")
            else:
                pages[0].save(target, "PDF", save_all=True, append_images=pages[1:], quality=60)
            labels.append({**expected, "fichier": name})
            (dest / "attendu" / f"{name}.json").write_text(
                json.dumps(labels[-1], ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
    if (source / "familles.json").exists():
        shutil.copy(source / "familles.json", dest / "familles.json")
    return labels


def main(argv=None) -> int:
    import argparse

    p = argparse.ArgumentParser(
        prog="python -m corpus.rough_scans",
        description="Scans rugueux (fax, photocopie, tampon) des documents d'un corpus généré.",
    )
    p.add_argument("source", type=Path, help="dossier écrit par python -m corpus.families")
    p.add_argument("destination", type=Path)
    p.add_argument("--par-famille", type=int, default=2, help="documents par famille (défaut 2)")
    p.add_argument("--graine", type=int, default=2025)
    a = p.parse_args(argv)
    labels = generate(a.source, a.destination, a.par_famille, a.graine)
    print(f"{len(labels)} scans écrits dans {a.destination}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
