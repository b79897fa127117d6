"""Guards against hostile or absurd files, checked before the expensive work.

Each one turns a file that would cost minutes and gigabytes (a page of endless drawing
instructions, a « zip bomb », a « billion laughs » XML, a gigapixel image) into a refusal
in milliseconds, with a French reason. The memory and time limits of the reading child
(`intake/sandbox.py`) stay behind them as the last line of defence.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from ..errors import UnreadableDocument

# Guards against hostile or absurd files, checked before the expensive work: each one
# turns a file that would cost minutes and gigabytes into a quarantine in milliseconds.
# They are far above what the service ever receives (letters, forms, scans of a few pages).
MAX_FILE_BYTES = 200 * 1024 * 1024  # a 200-page colour scan is far below this
MAX_PAGES = 200  # PDF pages, image frames (multi-page TIFF)
MAX_PAGE_CONTENT_BYTES = 8 * 1024 * 1024  # one PDF page's drawing instructions, decompressed
MAX_PDF_CONTENT_BYTES = 64 * 1024 * 1024  # the same, whole document
MAX_IMAGE_PIXELS = 120_000_000  # a 108-megapixel phone photo still passes
MAX_ZIP_ENTRIES = 10_000
MAX_XML_BYTES = 64 * 1024 * 1024  # Word / ODT text parts, uncompressed, all together
MAX_ZIP_RATIO = 200  # XML compresses 5-20×; a bomb 1,000× and more
ZIP_RATIO_FLOOR = 2 * 1024 * 1024  # the ratio is only judged above this size


def refused_unopened(path: Path) -> str | None:
    """Why `path` is refused on its directory entry alone (a link, gone, zero bytes), or
    None: checked before a reading process is started, as it opens nothing."""
    if path.is_symlink():
        return (
            "Le fichier est un lien symbolique (raccourci) : il n'est pas "
            "suivi ; déposez le document lui-même."
        )
    try:
        if not path.is_file():
            return "Fichier introuvable (déplacé ou supprimé pendant la lecture)."
        if path.stat().st_size == 0:
            return "Le fichier est vide."
    except OSError:
        return "Fichier introuvable (déplacé ou supprimé pendant la lecture)."
    return None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refused when it is a link, gone, absurdly large or empty."""
    if reason := refused_unopened(path):
        raise UnreadableDocument(reason)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableDocument(
                f"Le fichier est anormalement volumineux ({size / 1024 / 1024:.0f} Mo, "
                f"maximum {MAX_FILE_BYTES // 1024 // 1024} Mo) : il n'a pas été lu."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"Fichier impossible à ouvrir ({exc.strerror or exc}).") from exc
    if not data.strip(b" \t\r\n\x00"):
        raise UnreadableDocument("Le fichier est vide.")
    return data


def check_pdf(document) -> None:
    """Refuse, before any page is drawn or read, a PDF with too many pages or pages whose
    drawing instructions would take minutes and gigabytes (a hostile or broken file).
    `document` is pdfminer's `PDFDocument`, as pdfplumber opened it: nothing of a page
    has been decoded yet."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    try:
        declared = int(resolve1(resolve1(document.catalog["Pages"])["Count"]))
    except Exception:
        declared = 0
    pages = []
    try:
        for page in PDFPage.create_pages(document):
            pages.append(page)
            if len(pages) > MAX_PAGES:
                break
    except Exception:  # a broken page tree: pdfplumber may still read it (page cap below)
        pass
    count = max(declared, len(pages))
    if count > MAX_PAGES:
        raise UnreadableDocument(
            f"Le PDF compte {count} pages (maximum {MAX_PAGES}) : il n'a pas été lu ; "
            "s'il est authentique, déposez seulement les pages utiles."
        )
    total = 0
    for number, page in enumerate(pages, 1):
        size = content_size(page, MAX_PAGE_CONTENT_BYTES)
        total += size
        if size > MAX_PAGE_CONTENT_BYTES or total > MAX_PDF_CONTENT_BYTES:
            raise UnreadableDocument(
                f"La page {number} du PDF contient un volume anormal d'instructions de dessin "
                "(plus de quelques mégaoctets une fois décompressées) : fichier piégé ou "
                "endommagé, il n'a pas été lu."
            )


def content_size(page, cap: int) -> int:
    """Decompressed size of a page's content streams (a pdfminer `PDFPage`), counting at
    most `cap` + 1 bytes (FlateDecode is inflated in a bounded way, after decryption;
    other filters count their stored size)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    try:
        total = 0
        for item in page.contents:
            stream = resolve1(item)
            if not isinstance(stream, PDFStream):
                continue
            raw = stream.rawdata if stream.rawdata is not None else (stream.data or b"")
            if stream.rawdata is not None and stream.decipher:
                raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
            filters = [getattr(f, "name", f) for f, _ in stream.get_filters()]
            if stream.rawdata is not None and filters in (["FlateDecode"], ["Fl"]):
                inflater = zlib.decompressobj()
                try:
                    out = inflater.decompress(raw, cap + 1 - total)
                except zlib.error:
                    continue  # broken stream: the readers will say what they make of it
                total += len(out) + (1 if inflater.unconsumed_tail else 0)
            else:
                total += len(raw)
            if total > cap:
                return total
        return total
    except Exception:  # a guard never refuses a file because of its own limits
        return 0


def check_archive(zf: zipfile.ZipFile, file_size: int, what: str, parts: str) -> None:
    """Refuse a Word / ODT archive that would expand far beyond its size (a « zip bomb »),
    judged on the sizes the archive declares, before anything is decompressed. Only the
    parts we read (`parts`, a regex) matter; zipfile never inflates an entry beyond the
    size it declares, so a lying header cannot get around this."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnreadableDocument(
            f"{what} contient un nombre anormal d'éléments ({len(infos)}) : "
            "fichier suspect, il n'a pas été lu."
        )
    read = [i for i in infos if re.fullmatch(parts, i.filename)]
    for info in read:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnreadableDocument(
                f"{what} utilise une compression qu'aucun traitement de "
                "texte n'emploie : fichier suspect, il n'a pas été lu."
            )
    total = sum(i.file_size for i in read)
    bomb = total > MAX_XML_BYTES or any(
        i.file_size > ZIP_RATIO_FLOOR and i.file_size > MAX_ZIP_RATIO * max(i.compress_size, 1)
        for i in read
    )
    if bomb:
        raise UnreadableDocument(
            f"{what} est anormalement volumineux une fois décompressé ({megabytes(total)} "
            f"pour un fichier de {megabytes(file_size)}) : archive piégée (« bombe de "
            "décompression ») probable, il n'a pas été lu."
        )


def megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} Mo" if n >= 1024 * 1024 else f"{max(n // 1024, 1)} Ko"


DTD_MARKS = tuple(
    mark.encode(enc)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for enc in ("ascii", "utf-16-le", "utf-16-be")
)


def refuse_dtd(xml: bytes, what: str, writer: str = "aucun traitement de texte") -> None:
    """Office formats never carry a DTD: one that declares entities is a « billion laughs »
    bomb, refused before any parser sees it."""
    if any(mark in xml for mark in DTD_MARKS):
        raise UnreadableDocument(
            f"{what} contient des déclarations XML (DTD, entités) qu'{writer} n'écrit : "
            "fichier suspect (« bombe XML » possible), il n'a pas été lu."
        )


def parse_xml(xml: bytes, what: str):
    """Parse one XML part of a Word / ODT file. Office formats never carry a DTD: one that
    declares entities is a « billion laughs » bomb, refused before parsing; the parser
    itself expands no entity and fetches nothing, as a second line of defence."""
    from lxml import etree

    refuse_dtd(xml, what)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    return etree.fromstring(xml, parser)


IMAGE_TOO_BIG = (
    f"L'image est démesurée (plus de {MAX_IMAGE_PIXELS // 1_000_000} millions de "
    "pixels) : elle n'a pas été lue"
)


def check_image(img) -> None:
    """Size and page count from the image's header, before any pixel is decoded."""
    width, height = img.size
    if width * height > MAX_IMAGE_PIXELS:
        raise UnreadableDocument(
            f"L'image est démesurée ({width} × {height} pixels, soit "
            f"{width * height / 1e6:.0f} millions ; maximum {MAX_IMAGE_PIXELS // 1_000_000} "
            "millions) : elle n'a pas été lue."
        )
    frames = getattr(img, "n_frames", 1)
    if frames > MAX_PAGES:
        raise UnreadableDocument(
            f"L'image compte {frames} pages (maximum {MAX_PAGES}) : elle "
            "n'a pas été lue ; déposez seulement les pages utiles."
        )
