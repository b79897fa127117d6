"""OCR of page images with Tesseract (French), with the confidence of every line.

Preprocessing stays light: grayscale, autocontrast, a small deskew found by a projection
profile (the angle whose row profile is sharpest), and Tesseract's orientation detection
when a first pass reads badly (page scanned upside down or sideways).
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field

from PIL import Image, ImageOps

LANG = "fra"
# Below this mean word confidence (0–100) a line's values are marked uncertain.
SEUIL_CONFIANCE = 70.0


@dataclass
class OcrPage:
    text: str
    confidence: float | None  # mean word confidence of the page, 0–100
    lines: list[tuple[str, float]] = field(default_factory=list)  # (line text, mean conf)


# Where the Windows installer puts Tesseract when it is not on PATH.
WINDOWS_TESSERACT = (r"C:\Program Files\Tesseract-OCR\tesseract.exe",
                     r"C:\Program Files (x86)\Tesseract-OCR\tesseract.exe")


def _tesseract():
    import pytesseract  # imported late: only scans need it

    if os.name == "nt" and not shutil.which("tesseract"):
        for candidate in WINDOWS_TESSERACT:
            if os.path.exists(candidate):
                pytesseract.pytesseract.tesseract_cmd = candidate
                break
    return pytesseract


def prepare(image: Image.Image) -> Image.Image:
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    gray = ImageOps.autocontrast(ImageOps.grayscale(image), cutoff=1)
    angle = _skew_angle(gray)
    if abs(angle) >= 0.25:
        gray = gray.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    return gray


def _skew_angle(gray: Image.Image) -> float:
    """Small rotation (−4°…4°) making text rows most distinct (projection profile)."""
    small = gray.copy()
    small.thumbnail((800, 800))
    binar = small.point(lambda v: 255 if v < 140 else 0)  # ink = white for sums
    best, best_score = 0.0, -1.0
    for tenth in range(-40, 41, 5):
        angle = tenth / 10
        rot = binar.rotate(angle, resample=Image.NEAREST, expand=False, fillcolor=0)
        column = rot.resize((1, rot.height), Image.BOX)
        profile = [column.getpixel((0, y)) for y in range(column.height)]
        mean = sum(profile) / len(profile)
        score = sum((v - mean) ** 2 for v in profile)
        if score > best_score:
            best, best_score = angle, score
    return best


def ocr_image(image: Image.Image) -> OcrPage:
    page = _ocr(prepare(image))
    if page.confidence is not None and page.confidence < 55:
        rotated = _fix_orientation(image)
        if rotated is not None:
            second = _ocr(prepare(rotated))
            if (second.confidence or 0) > page.confidence:
                page = second
    return page


def _fix_orientation(image: Image.Image) -> Image.Image | None:
    pt = _tesseract()
    try:
        osd = pt.image_to_osd(image, output_type=pt.Output.DICT)
    except Exception:  # too little text for OSD
        return None
    rotate = int(osd.get("rotate", 0) or 0)
    if rotate in (90, 180, 270):
        return image.rotate(-rotate, expand=True)
    return None


def _ocr(image: Image.Image) -> OcrPage:
    pt = _tesseract()
    data = pt.image_to_data(image, lang=LANG, config="--psm 3", output_type=pt.Output.DICT)
    lines: dict[tuple, list[tuple[str, float]]] = {}
    order: list[tuple] = []
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        key = (data["page_num"][i], data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if key not in lines:
            lines[key] = []
            order.append(key)
        lines[key].append((word, conf))
    out_lines = []
    confs = []
    previous_block = None
    text_lines = []
    for key in order:
        words = lines[key]
        text = " ".join(w for w, _ in words)
        conf = sum(c for _, c in words) / len(words)
        confs.extend(c for _, c in words)
        if previous_block is not None and key[:3] != previous_block:
            text_lines.append("")
        previous_block = key[:3]
        text_lines.append(text)
        out_lines.append((text, conf))
    mean = sum(confs) / len(confs) if confs else None
    return OcrPage(text="\n".join(text_lines), confidence=mean, lines=out_lines)
