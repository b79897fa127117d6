"""OCR of page images with Tesseract (French), with the confidence of every line.

Preprocessing stays light: grayscale, a photo's uneven light evened out (a scan's even
light is left alone), autocontrast, a small deskew found by a projection
profile (the angle whose row profile is sharpest), the rules of tables erased and specks
taken by a 3×3 median (each measured on the corpus's scans: more fields exact, see the
README), and Tesseract's orientation detection when a first pass reads badly (page
scanned upside down or sideways). Binarising read worse; upscaling 200-dpi pages gained
nothing.

A line read with a low confidence is read once more, enlarged twice, and the surer reading
kept (`reread_weak`): all the weak lines of a page are stacked on one strip read by one more
Tesseract run, so that it costs one process start a page, not one a line (about +10 % a
page). Measured on the corpus's tuned scans: 96,3 → 97,0 % of fields exact.

Each OCR'd line is then cleaned and its values' figures repaired by shape
(`ocr_repair`); a line whose value was changed is trusted less.

Tesseract runs with one OpenMP thread (`OMP_THREAD_LIMIT=1`): its own threads spin-wait,
and on a shared two-core machine made one page take 4,5 s instead of 0,8 s. Parallelism
comes instead from OCR'ing the pages of one file at once (`ocr_many`), one Tesseract
process per core.

Each line keeps its box, in the pixels of the image as it was handed in (the deskew and
any quarter turn undone), with that image's size: the readers turn it into the page's
coordinates, so that a value read from a scan is shown beside the region it came from.

A word hyphenated at the end of a line ("Saint-" then "Dizier") is put back on one line
("Saint-Dizier"): the hyphen is kept, as a compound name's or a word's own hyphen cannot
be told from a typesetting one, and no character is lost.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .ocr_repair import repair_line

if TYPE_CHECKING:  # Pillow is imported where pages are drawn: text files never need it
    from PIL import Image

LANG = "fra"
# Below this mean word confidence (0–100) a line's values are marked uncertain. Raised from
# 70 to 80 when weak lines began to be re-read (`reread_weak`): on the corpus's tuned scans
# the one wrong value left silent came from a line read at 78, and the share of fields
# flagged went from 8,9 to 9,5 % (tests/test_evaluation.py bounds it).
SEUIL_CONFIANCE = 80.0
# Below this confidence one word is kept as weak, whatever its line's mean: a line of ten
# words read at 95 and one at 20 (« DDETS51 » read « DDETS 1 ») averages over 80.
SEUIL_MOT = 60.0
# A figure is read below this as weak too: a digit misread (« 6 » for « 8 ») changes a date,
# a number or an amount while the word still looks right, so figures need a surer reading.
SEUIL_CHIFFRE = 80.0


def weak_word(word: str, conf: float) -> bool:
    """A word read too unsurely to file what it says without a person's look."""
    return conf < SEUIL_MOT or (conf < SEUIL_CHIFFRE and any(ch.isdigit() for ch in word))


# A box as (x0, top, x1, bottom), from the image's top-left corner.
Box = tuple[float, float, float, float]


@dataclass
class OcrPage:
    text: str
    confidence: float | None  # mean word confidence of the page, 0–100
    lines: list[tuple[str, float]] = field(default_factory=list)  # (line text, mean conf)
    # each line's box, in the pixels of the image OCR'd (`size`: its width and height)
    boxes: list[Box] = field(default_factory=list)
    size: tuple[int, int] = (0, 0)
    # words read below SEUIL_MOT: (index of their line in `lines`, the word, its confidence)
    weak_words: list[tuple[int, str, float]] = field(default_factory=list)


# Where the Windows installer puts Tesseract when it is not on PATH.
WINDOWS_TESSERACT = (
    r"C:\Program Files\Tesseract-OCR\tesseract.exe",
    r"C:\Program Files (x86)\Tesseract-OCR\tesseract.exe",
)


def _tesseract():
    import pytesseract  # imported late: only scans need it

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # see the module's docstring

    if os.name == "nt" and not shutil.which("tesseract"):
        for candidate in WINDOWS_TESSERACT:
            if os.path.exists(candidate):
                pytesseract.pytesseract.tesseract_cmd = candidate
                break
    return pytesseract


def prepare(image: Image.Image) -> Image.Image:
    return _prepared(image)[0]


def _prepared(image: Image.Image) -> tuple[Image.Image, float]:
    """The page as Tesseract reads it, and the rotation (degrees) that straightened it."""
    from PIL import Image, ImageFilter, ImageOps

    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    gray = ImageOps.autocontrast(even_light(ImageOps.grayscale(image)), cutoff=1)
    angle = _skew_angle(gray)
    if abs(angle) >= 0.25:
        gray = gray.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    else:
        angle = 0.0
    # specks of dust and paper grain, one or two pixels, read as « . », « ' » or « , »
    # between words or inside figures: a 3×3 median takes them and leaves strokes
    return without_rules(gray).filter(ImageFilter.MedianFilter(3)), angle


# the paper's brightness varying more than this (grey levels, 5th to 95th percentile) across
# the page: a photo's shadow or a lamp's glare, not a scanner's even light
UNEVEN_LIGHT = 40


def even_light(gray: Image.Image) -> Image.Image:
    """A photo's page lit evenly: each pixel divided by the paper's brightness around it
    (the page with its ink taken away by a max filter, then blurred, at an eighth of the
    size). A shadow over half the page made Tesseract lose every word in it. A scan, lit
    evenly, is left as it is."""
    import numpy as np
    from PIL import Image, ImageFilter

    w, h = gray.size
    small = gray.resize((max(1, w // 8), max(1, h // 8)), Image.BILINEAR)
    paper = small.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.GaussianBlur(6))
    levels = np.asarray(paper, dtype=np.float32)
    low, high = np.percentile(levels, [5, 95])
    if high - low < UNEVEN_LIGHT:
        return gray
    paper = np.asarray(paper.resize((w, h), Image.BILINEAR), dtype=np.float32)
    flat = np.asarray(gray, dtype=np.float32) * 255.0 / np.maximum(paper, 1.0)
    return Image.fromarray(np.clip(flat, 0, 255).astype(np.uint8))


def unrotate(box: Box, angle: float, size: tuple[int, int], rotated: tuple[int, int]) -> Box:
    """`box` on an image turned by `angle` degrees (PIL's `rotate(angle, expand=True)`:
    counter-clockwise, about the centre, of size `rotated`) back on the image before the
    turn (of size `size`): the box holding the four corners turned back."""
    if not angle:
        return box
    a = math.radians(angle)
    cos, sin = math.cos(a), math.sin(a)
    cx, cy = rotated[0] / 2, rotated[1] / 2
    ox, oy = size[0] / 2, size[1] / 2
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        xs.append(ox + dx * cos - dy * sin)
        ys.append(oy + dx * sin + dy * cos)
    return (
        max(0.0, min(xs)),
        max(0.0, min(ys)),
        min(float(size[0]), max(xs)),
        min(float(size[1]), max(ys)),
    )


# Darker than this (after autocontrast) is ink, for finding a table's rules.
RULE_INK = 200


def without_rules(gray: Image.Image) -> Image.Image:
    """The page with its tables' rules erased (long straight runs of ink, and their blurred
    edges). Read one line across the page (--psm 4), a row « Bailleur | la SA … » crossed
    by its rules came out as « | » and specks, or not at all: measured on the corpus's
    scans, erasing them made more fields exact. Letters are far shorter than a rule."""
    import numpy as np  # imported late, like Pillow: only scans need it
    from PIL import Image

    pixels = np.asarray(gray)
    ink = pixels < RULE_INK
    height, width = ink.shape
    rules = _long_runs(ink, max(40, width // 12)) | _long_runs(ink.T, max(40, height // 40)).T
    edges = rules.copy()
    edges[1:] |= rules[:-1]
    edges[:-1] |= rules[1:]
    edges[:, 1:] |= rules[:, :-1]
    edges[:, :-1] |= rules[:, 1:]
    if not edges.any():
        return gray
    out = pixels.copy()
    out[edges] = 255
    return Image.fromarray(out)


def _long_runs(ink, k: int):
    """Pixels of `ink` (2-D booleans) inside a run of at least `k` along a row: an erosion
    then a dilation by a 1×k segment, each made of a few shifted ANDs (ORs)."""
    import numpy as np  # imported late: only scans need it

    height, width = ink.shape
    if width < k:
        return np.zeros_like(ink)
    starts = _all_over(ink, k, np.logical_and)  # a run of k ink pixels from each column
    padded = np.zeros((height, width + k - 1), dtype=bool)
    padded[:, k - 1 : k - 1 + starts.shape[1]] = starts
    return _all_over(padded, k, np.logical_or)


def _all_over(a, k: int, op):
    """`op` folded over each window of `k` columns of `a` (width shrinks by k − 1)."""
    span = 1
    while span * 2 <= k:
        a = op(a[:, :-span], a[:, span:])
        span *= 2
    if span < k:
        a = op(a[:, : a.shape[1] - (k - span)], a[:, k - span :])
    return a


def _skew_angle(gray: Image.Image) -> float:
    """Small rotation (−4°…4°) making text rows most distinct (projection profile)."""
    from PIL import Image

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


def ocr_many(images: Iterable[Image.Image], workers: int | None = None) -> list[OcrPage]:
    """OCR of several pages, in parallel, results in the pages' order.

    Tesseract is a separate process (pytesseract calls the binary), so threads are
    enough. `images` is consumed in the calling thread, only as workers free up: pages are
    drawn there (PDFium is not thread-safe), and at most `workers` pages wait in memory
    (a page at 300 dpi is ~25 MB, and the reading child has a memory limit).
    """
    workers = workers or os.cpu_count() or 1
    results: list[OcrPage] = []
    pending: deque[Future] = deque()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        try:
            for image in images:
                pending.append(pool.submit(ocr_image, image))
                if len(pending) >= workers:
                    results.append(pending.popleft().result())
            while pending:
                results.append(pending.popleft().result())
        finally:
            for future in pending:
                future.cancel()
    return results


def ocr_image(image: Image.Image) -> OcrPage:
    page = _ocr_straightened(image)
    # a page read badly, or not at all (sideways: Tesseract finds no line), may be turned
    if page.confidence is None or page.confidence < 55:
        rotated, turn = _fix_orientation(image)
        if rotated is not None:
            second = _ocr_straightened(rotated)
            if (second.confidence or 0) > (page.confidence or 0):
                second.boxes = [unrotate(b, turn, image.size, rotated.size) for b in second.boxes]
                page = second
    page.size = image.size
    return repaired(page)


def repaired(page: OcrPage) -> OcrPage:
    """The page with each line cleaned of table rules and specks and its values' figures
    repaired (`ocr_repair`). A line whose value was changed gets a confidence below
    `SEUIL_CONFIANCE`: what is read from it is flagged. A line that was only debris goes,
    with its box."""
    lines, boxes, weak = [], [], []
    for k, (text, conf) in enumerate(page.lines):
        fixed, changed = repair_line(text)
        if fixed.strip():
            # a weak word the repair left as it was keeps its line's new index
            weak += [(len(lines), w, c) for n, w, c in page.weak_words if n == k and w in fixed]
            lines.append((fixed, min(conf, SEUIL_CONFIANCE - 1) if changed else conf))
            if k < len(page.boxes):
                boxes.append(page.boxes[k])
    out = []
    for text in page.text.split("\n"):
        fixed = repair_line(text)[0] if text.strip() else text
        if fixed.strip() or not text.strip():
            out.append(fixed)
    return replace(page, text="\n".join(out), lines=lines, boxes=boxes, weak_words=weak)


def _ocr_straightened(image: Image.Image) -> OcrPage:
    """OCR of the deskewed page, its boxes put back on `image`."""
    gray, angle = _prepared(image)
    page = _ocr(gray)
    page.boxes = [unrotate(b, angle, image.size, gray.size) for b in page.boxes]
    return page


def _fix_orientation(image: Image.Image) -> tuple[Image.Image | None, float]:
    """The page turned the right way up, and the turn (degrees, as PIL's `rotate`)."""
    pt = _tesseract()
    try:
        osd = pt.image_to_osd(image, output_type=pt.Output.DICT)
    except Exception:  # too little text for OSD
        return None, 0.0
    rotate = int(osd.get("rotate", 0) or 0)
    if rotate in (90, 180, 270):
        return image.rotate(-rotate, expand=True), float(-rotate)
    return None, 0.0


# A line ending in a letter and a hyphen: the word goes on at the next line's start.
_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def _data(image: Image.Image) -> dict:
    """Tesseract's words of `image`, with their boxes and confidences."""
    pt = _tesseract()
    # Handed to Tesseract as an uncompressed PGM file: pytesseract would write a PNG, whose
    # compression took as long as the OCR itself (0,7 s a page) and holds the GIL; the
    # pixels are the same, and neither file carries a resolution.
    with tempfile.TemporaryDirectory(prefix="asll-ocr-") as folder:
        path = os.path.join(folder, "page.pgm" if image.mode == "L" else "page.ppm")
        image.save(path, format="PPM")
        # --psm 4 (one column, lines read across the page): a table row "Dette locative |
        # 4 467,71 €" stays one line; the automatic layout (3) split label and value apart
        return pt.image_to_data(path, lang=LANG, config="--psm 4", output_type=pt.Output.DICT)


def _ocr(image: Image.Image) -> OcrPage:
    data = _data(image)
    lines: dict[tuple, list[tuple[str, float]]] = {}
    boxes: dict[tuple, list[int]] = {}
    order: list[tuple] = []
    left, top, width, height = data["left"], data["top"], data["width"], data["height"]
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        key = (data["page_num"][i], data["block_num"][i], data["par_num"][i], data["line_num"][i])
        x0, y0 = left[i], top[i]
        x1, y1 = x0 + width[i], y0 + height[i]
        if key not in lines:
            lines[key] = []
            boxes[key] = [x0, y0, x1, y1]
            order.append(key)
        else:  # the line's box: the union of its words'
            b = boxes[key]
            b[0], b[1], b[2], b[3] = min(b[0], x0), min(b[1], y0), max(b[2], x1), max(b[3], y1)
        lines[key].append((word, conf))
    out_lines = []
    confs = []
    blocks = []
    for key in order:
        words = lines[key]
        text = " ".join(w for w, _ in words)
        confs.extend(c for _, c in words)
        out_lines.append((text, sum(c for _, c in words) / len(words)))
        blocks.append(key[:3])
    mean = sum(confs) / len(confs) if confs else None
    out_boxes = [tuple(float(v) for v in boxes[key]) for key in order]
    out_lines, reread = reread_weak(image, out_lines, out_boxes)
    words_of = [reread.get(k, lines[key]) for k, key in enumerate(order)]
    return OcrPage(
        text=page_text([t for t, _ in out_lines], blocks),
        confidence=mean,
        lines=out_lines,
        boxes=out_boxes,
        size=image.size,
        weak_words=[
            (k, w, c) for k, words in enumerate(words_of) for w, c in words if weak_word(w, c)
        ],
    )


# A line read with a mean word confidence below this is read again, enlarged.
SEUIL_RELECTURE = 85.0
RELECTURE_ECHELLE = 2
RELECTURE_MAX = 12  # lines re-read on one page, the weakest first


def reread_weak(
    image: Image.Image, lines: list[tuple[str, float]], boxes: list[Box]
) -> tuple[list[tuple[str, float]], dict[int, list[tuple[str, float]]]]:
    """`lines` with each weakly read one replaced by its reading enlarged, when that
    reading is surer, and the words (with their confidences) of the lines replaced. The weak lines are cut out, enlarged and stacked on one strip with
    blank space between them, read by one more Tesseract run (one process start, not one
    per line); each line read on the strip goes back to the cut it lies in."""
    from PIL import Image

    weak = sorted(
        (k for k, (text, conf) in enumerate(lines) if conf < SEUIL_RELECTURE and k < len(boxes)),
        key=lambda k: lines[k][1],
    )[:RELECTURE_MAX]
    if not weak:
        return lines, {}
    weak.sort()
    cuts, spans = [], []
    y = 0
    gap = 0
    for k in weak:
        x0, y0, x1, y1 = boxes[k]
        # the line's own box, a pixel or two around it: wider, it takes the ascenders and
        # descenders of the lines above and below, read as words of their own
        box = (
            int(max(0, x0 - 2)),
            int(max(0, y0 - 1)),
            int(min(image.width, x1 + 2)),
            int(min(image.height, y1 + 1)),
        )
        cut = image.crop(box)
        cut = cut.resize(
            (cut.width * RELECTURE_ECHELLE, cut.height * RELECTURE_ECHELLE), Image.LANCZOS
        )
        gap = max(gap, cut.height)
        cuts.append(cut)
    for cut in cuts:
        y += gap
        spans.append((y, y + cut.height))
        y += cut.height
    strip = Image.new(image.mode, (max(c.width for c in cuts) + 2 * gap, y + gap), 255)
    for cut, (top, _) in zip(cuts, spans):
        strip.paste(cut, (gap, top))
    data = _data(strip)
    found: dict[int, list[tuple[int, str, float]]] = {}
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        middle = data["top"][i] + data["height"][i] / 2
        for n, (top, bottom) in enumerate(spans):
            if top <= middle <= bottom:
                found.setdefault(n, []).append((data["left"][i], word, conf))
                break
    out = list(lines)
    replaced: dict[int, list[tuple[str, float]]] = {}
    for n, k in enumerate(weak):
        words = sorted(found.get(n, []))
        if not words:
            continue
        text = " ".join(w for _, w, _ in words)
        conf = sum(c for _, _, c in words) / len(words)
        if conf > lines[k][1] and len(text) >= 0.8 * len(lines[k][0]):
            out[k] = (text, conf)
            replaced[k] = [(w, c) for _, w, c in words]
    return out, replaced


def page_text(lines: list[str], blocks: list[tuple]) -> str:
    """The page's text from its OCR lines: a blank line between blocks (paragraphs), and a
    word hyphenated at a line's end joined to its end on the next line of the block."""
    out: list[str] = []
    previous = None
    for text, block in zip(lines, blocks):
        if previous is not None and block != previous:
            out.append("")
        elif out and _HYPHEN_END.search(out[-1]) and text[:1].isalpha():
            out[-1] += text  # "Saint-" + "Dizier": one word cut by the line's end
            continue
        previous = block
        out.append(text)
    return "\n".join(out)
