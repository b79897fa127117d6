"""Reading a file into text: PDF (text layer, fillable form, scan), Word, ODT, images.

`read_document(path)` returns a `Document` or raises `UnreadableDocument` with a French
reason. The file's content decides what it is (magic bytes), and must agree with its
extension. Checkboxes in Word documents are rendered in the text as ☒ (ticked) and
☐ (not ticked) wherever they stand, so that every later step reads one kind of text.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UnreadableDocument
from .french import normalize_text

CHECKED = "☒"
UNCHECKED = "☐"
PAGE_BREAK = "\n\f\n"
# A PDF page whose text layer has fewer characters than this is OCR'd.
MIN_TEXT_CHARS = 25

EXTENSIONS = {
    ".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".odt": "odt",
    ".jpg": "image", ".jpeg": "image", ".png": "image", ".tif": "image", ".tiff": "image",
}

# Guards against hostile or absurd files, checked before the expensive work: each one
# turns a file that would cost minutes and gigabytes into a quarantine in milliseconds.
# They are far above what the service ever receives (letters, forms, scans of a few pages).
MAX_FILE_BYTES = 200 * 1024 * 1024      # a 200-page colour scan is far below this
MAX_PAGES = 200                         # PDF pages, image frames (multi-page TIFF)
MAX_PAGE_CONTENT_BYTES = 8 * 1024 * 1024  # one PDF page's drawing instructions, decompressed
MAX_PDF_CONTENT_BYTES = 64 * 1024 * 1024  # the same, whole document
MAX_IMAGE_PIXELS = 120_000_000          # a 108-megapixel phone photo still passes
MAX_ZIP_ENTRIES = 10_000
MAX_XML_BYTES = 64 * 1024 * 1024        # Word / ODT text parts, uncompressed, all together
MAX_ZIP_RATIO = 200                     # XML compresses 5-20×; a bomb 1,000× and more
ZIP_RATIO_FLOOR = 2 * 1024 * 1024       # the ratio is only judged above this size


@dataclass
class Document:
    path: Path
    kind: str  # pdf_text | pdf_scan | pdf_form | docx | odt | image
    pages: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)  # AcroForm / content controls / form fields
    checkboxes: dict[str, bool] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)  # table → rows → cell texts
    page_confidence: list[float | None] = field(default_factory=list)  # OCR only, else None
    # OCR lines as (start, end, confidence) offsets into `text`
    ocr_lines: list[tuple[int, int, float]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return PAGE_BREAK.join(self.pages)

    @property
    def ocr(self) -> bool:
        return any(c is not None for c in self.page_confidence)

    def confidence_at(self, offset: int) -> float | None:
        """OCR confidence of the line holding character `offset` of `text` (None if not OCR)."""
        for start, end, conf in self.ocr_lines:
            if start <= offset <= end:
                return conf
        return None


# --------------------------------------------------------------------------- entry point

def read_document(path: Path) -> Document:
    path = Path(path)
    if path.is_symlink():
        raise UnreadableDocument("Le fichier est un lien symbolique (raccourci) : il n'est pas "
                                 "suivi ; déposez le document lui-même.")
    if not path.is_file():
        raise UnreadableDocument("Fichier introuvable (déplacé ou supprimé pendant la lecture).")
    ext = path.suffix.lower()
    if ext == ".doc":
        raise UnreadableDocument("Format Word 97-2003 (.doc) non pris en charge : "
                                 "enregistrez le document en .docx ou en PDF.")
    if ext not in EXTENSIONS:
        raise UnreadableDocument(f"Type de fichier non pris en charge ({ext or 'sans extension'}) : "
                                 "seuls PDF, Word (.docx), ODT et images sont lus.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableDocument(
                f"Le fichier est anormalement volumineux ({size / 1024 / 1024:.0f} Mo, "
                f"maximum {MAX_FILE_BYTES // 1024 // 1024} Mo) : il n'a pas été lu.")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"Fichier impossible à ouvrir ({exc.strerror or exc}).") from exc
    if not data.strip(b" \t\r\n\x00"):
        raise UnreadableDocument("Le fichier est vide.")
    actual = sniff(data)
    expected = EXTENSIONS[ext]
    if actual != expected:
        what = {"pdf": "un PDF", "docx": "un document Word", "odt": "un document ODT",
                "image": "une image", "zip": "une archive ZIP", "texte": "un simple fichier texte",
                None: "un format inconnu"}.get(actual, actual)
        wanted = {"pdf": "un PDF", "docx": "un document Word", "odt": "un document ODT",
                  "image": "une image"}[expected]
        raise UnreadableDocument(
            f"Le fichier porte l'extension {ext} mais n'est pas {wanted} : c'est {what}"
            + (" (fichier endommagé ou renommé)." if actual in (None, "zip", "texte") else " (fichier renommé ?)."))
    if expected == "pdf":
        doc = _read_pdf(path, data)
    elif expected == "docx":
        doc = _read_docx(path, data)
    elif expected == "odt":
        doc = _read_odt(path, data)
    else:
        doc = _read_image(path, data)
    doc.pages = [normalize_text(p) for p in doc.pages]
    _index_ocr_lines(doc)
    if not any(len(re.sub(r"\W", "", p)) >= 3 for p in doc.pages) and not any(doc.fields.values()):
        if doc.ocr or doc.kind in ("pdf_scan", "image"):
            raise UnreadableDocument("Aucun texte lisible, même après reconnaissance de caractères "
                                     "(page blanche ou scan illisible).")
        raise UnreadableDocument("Le document ne contient aucun texte.")
    return doc


def sniff(data: bytes) -> str | None:
    """What the bytes are: pdf, docx, odt, image, zip or None."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data[:3] == b"\xff\xd8\xff" or data[:8] == b"\x89PNG\r\n\x1a\n" \
            or data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "content.xml" in names and "mimetype" in names \
                        and zf.getinfo("mimetype").file_size < 1024 \
                        and b"opendocument.text" in zf.read("mimetype"):
                    return "odt"
        except (zipfile.BadZipFile, KeyError, OSError, NotImplementedError, RuntimeError,
                EOFError, ValueError):
            return None
        return "zip"
    if _looks_like_text(data):
        return "texte"
    return None


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    for enc in ("utf-8", "cp1252"):
        try:
            text = sample.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return False
    printable = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
    return printable / max(len(text), 1) > 0.95


def _index_ocr_lines(doc: Document) -> None:
    """Offsets of OCR lines in `doc.text` (set by the OCR readers in `_ocr_lines`)."""
    per_page = getattr(doc, "_ocr_lines", None)
    if not per_page:
        return
    offset = 0
    for page_text, lines in zip(doc.pages, per_page):
        cursor = 0
        for line_text, conf in lines or []:
            line_text = normalize_text(line_text)
            pos = page_text.find(line_text, cursor)
            if pos < 0:
                continue
            doc.ocr_lines.append((offset + pos, offset + pos + len(line_text), conf))
            cursor = pos + len(line_text)
        offset += len(page_text) + len(PAGE_BREAK)


# --------------------------------------------------------------------------- guards

def _check_pdf(reader) -> None:
    """Refuse, before any page is drawn or read, a PDF with too many pages or pages whose
    drawing instructions would take minutes and gigabytes (a hostile or broken file)."""
    try:
        declared = int(reader.trailer["/Root"]["/Pages"]["/Count"])
    except Exception:
        declared = 0
    try:
        counted = len(reader.pages)
    except Exception:  # a broken page tree: pdfplumber may still read it (page cap below)
        counted = 0
    count = max(declared, counted)
    if count > MAX_PAGES:
        raise UnreadableDocument(
            f"Le PDF compte {count} pages (maximum {MAX_PAGES}) : il n'a pas été lu ; "
            "s'il est authentique, déposez seulement les pages utiles.")
    if not counted:
        return
    total = 0
    for number, page in enumerate(reader.pages, 1):
        size = _content_size(page, MAX_PAGE_CONTENT_BYTES)
        total += size
        if size > MAX_PAGE_CONTENT_BYTES or total > MAX_PDF_CONTENT_BYTES:
            raise UnreadableDocument(
                f"La page {number} du PDF contient un volume anormal d'instructions de dessin "
                "(plus de quelques mégaoctets une fois décompressées) : fichier piégé ou "
                "endommagé, il n'a pas été lu.")


def _content_size(page, cap: int) -> int:
    """Decompressed size of a page's content streams, counting at most `cap` + 1 bytes
    (FlateDecode is inflated in a bounded way; other filters count their stored size)."""
    import zlib

    try:
        contents = page.get("/Contents")
        if contents is None:
            return 0
        contents = contents.get_object()
        streams = list(contents) if isinstance(contents, list) else [contents]
        total = 0
        for stream in streams:
            stream = stream.get_object()
            raw = getattr(stream, "_data", b"") or b""
            filters = stream.get("/Filter")
            filters = [str(f) for f in filters] if isinstance(filters, list) else \
                ([str(filters)] if filters is not None else [])
            if filters in (["/FlateDecode"], ["/Fl"]):
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


def _check_archive(zf: zipfile.ZipFile, file_size: int, what: str, parts: str) -> None:
    """Refuse a Word / ODT archive that would expand far beyond its size (a « zip bomb »),
    judged on the sizes the archive declares, before anything is decompressed. Only the
    parts we read (`parts`, a regex) matter; zipfile never inflates an entry beyond the
    size it declares, so a lying header cannot get around this."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnreadableDocument(f"{what} contient un nombre anormal d'éléments ({len(infos)}) : "
                                 "fichier suspect, il n'a pas été lu.")
    read = [i for i in infos if re.fullmatch(parts, i.filename)]
    for info in read:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnreadableDocument(f"{what} utilise une compression qu'aucun traitement de "
                                     "texte n'emploie : fichier suspect, il n'a pas été lu.")
    total = sum(i.file_size for i in read)
    bomb = total > MAX_XML_BYTES or any(
        i.file_size > ZIP_RATIO_FLOOR and i.file_size > MAX_ZIP_RATIO * max(i.compress_size, 1)
        for i in read)
    if bomb:
        raise UnreadableDocument(
            f"{what} est anormalement volumineux une fois décompressé ({_megabytes(total)} "
            f"pour un fichier de {_megabytes(file_size)}) : archive piégée (« bombe de "
            "décompression ») probable, il n'a pas été lu.")


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} Mo" if n >= 1024 * 1024 else f"{max(n // 1024, 1)} Ko"


_DTD_MARKS = tuple(mark.encode(enc) for mark in ("<!DOCTYPE", "<!ENTITY")
                   for enc in ("ascii", "utf-16-le", "utf-16-be"))


def _parse_xml(xml: bytes, what: str):
    """Parse one XML part of a Word / ODT file. Office formats never carry a DTD: one that
    declares entities is a « billion laughs » bomb, refused before parsing; the parser
    itself expands no entity and fetches nothing, as a second line of defence."""
    from lxml import etree

    if any(mark in xml for mark in _DTD_MARKS):
        raise UnreadableDocument(f"{what} contient des déclarations XML (DTD, entités) "
                                 "qu'aucun traitement de texte n'écrit : fichier suspect "
                                 "(« bombe XML » possible), il n'a pas été lu.")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    return etree.fromstring(xml, parser)


# --------------------------------------------------------------------------- PDF

def _read_pdf(path: Path, data: bytes) -> Document:
    import pdfplumber
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if b"%%EOF" not in data[-2048:]:
        raise UnreadableDocument("Le PDF est incomplet ou endommagé (fichier tronqué, "
                                 "copie interrompue ?).")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        password = None
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise UnreadableDocument("Le PDF est protégé par un mot de passe : "
                                         "demandez une version non protégée à l'expéditeur.")
            password = ""
        _check_pdf(reader)
        fields, checkboxes = _acroform(reader)
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise UnreadableDocument("Le PDF est endommagé et ne peut pas être lu.") from exc
    except Exception as exc:  # pypdf raises many kinds on broken files
        if "crypt" in str(exc).lower() or "password" in str(exc).lower():
            raise UnreadableDocument("Le PDF est chiffré et ne peut pas être lu.") from exc
        raise UnreadableDocument("Le PDF est endommagé et ne peut pas être lu.") from exc

    doc = Document(path=path, kind="pdf_text", fields=fields, checkboxes=checkboxes)
    ocr_lines: list = []
    scanned = 0
    try:
        with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
            if not pdf.pages:
                raise UnreadableDocument("Le PDF ne contient aucune page.")
            for i, page in enumerate(pdf.pages):
                if i >= MAX_PAGES:
                    raise UnreadableDocument(f"Le PDF compte plus de {MAX_PAGES} pages : il n'a "
                                             "pas été lu ; déposez seulement les pages utiles.")
                text = page.extract_text(x_tolerance=1.5, y_tolerance=3) or ""
                if len(re.sub(r"\s", "", text)) < MIN_TEXT_CHARS:
                    from .ocr import ocr_image

                    result = ocr_image(_render(data, i, password))
                    scanned += 1
                    if len(re.sub(r"\s", "", result.text)) > len(re.sub(r"\s", "", text)):
                        text = result.text
                        doc.page_confidence.append(result.confidence)
                        ocr_lines.append(result.lines)
                    else:
                        doc.page_confidence.append(None)
                        ocr_lines.append([])
                else:
                    doc.page_confidence.append(None)
                    ocr_lines.append([])
                    try:
                        for table in page.extract_tables():
                            doc.tables.append([[(c or "").strip() for c in row] for row in table])
                    except Exception:
                        pass
                doc.pages.append(text)
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument("Le PDF est endommagé et ne peut pas être lu.") from exc
    if fields or checkboxes:
        doc.kind = "pdf_form"
        # field values are not in the page text: put "label : value" lines where the
        # fields stand on the page, so that they fall under their section's heading
        if not _merge_widgets(doc, data, reader, password):
            lines = [f"{_field_label(name)} : {value}" for name, value in fields.items() if value]
            lines += [f"{CHECKED if on else UNCHECKED} {_field_label(name)}" for name, on in checkboxes.items()]
            doc.pages.append("\n".join(lines))
            doc.page_confidence.append(None)
            ocr_lines.append([])
    elif scanned and scanned >= len(doc.pages) / 2:
        doc.kind = "pdf_scan"
    doc._ocr_lines = ocr_lines  # type: ignore[attr-defined]
    return doc


def _widgets(reader, index: int):
    """The form widgets of one page: dicts with their box (pdfplumber coordinates), kind,
    name, tooltip (/TU) and value or state."""
    page = reader.pages[index]
    height = float(page.mediabox.height)
    out = []
    for annot in page.get("/Annots") or []:
        obj = annot.get_object()
        if obj.get("/Subtype") != "/Widget" or "/Rect" not in obj:
            continue
        parent = obj.get("/Parent").get_object() if obj.get("/Parent") is not None else {}

        def get(key):
            return obj.get(key) if obj.get(key) is not None else parent.get(key)

        rect = [float(v) for v in obj["/Rect"]]
        w = {"top": height - max(rect[1], rect[3]), "bottom": height - min(rect[1], rect[3]),
             "x0": min(rect[0], rect[2]), "x1": max(rect[0], rect[2]),
             "name": str(get("/T") or "").strip(), "tooltip": str(get("/TU") or "").strip()}
        if get("/FT") == "/Btn":
            state = obj.get("/AS")
            w["kind"] = "box"
            w["on"] = state is not None and str(state) not in ("/Off", "Off")
            export = [str(k) for k in (obj.get("/AP", {}).get("/N", {}) or {}).keys() if str(k) != "/Off"]
            w["export"] = export[0].lstrip("/") if export else ""
        else:
            value = get("/V")
            w["kind"] = "text"
            w["value"] = "" if value is None else str(value).strip()
        out.append(w)
    return out


def _same_row(word: dict, w: dict) -> bool:
    mid = (word["top"] + word["bottom"]) / 2
    return w["top"] - 2 <= mid <= w["bottom"] + 2


def _printed_label(words: list[dict], w: dict, widgets: list[dict]) -> list[int]:
    """Indexes of the printed words that label widget `w`: for a text field, the words just
    left of it on its row (else just above it); for a tick box, the words right of it on its
    row, up to the next widget."""
    if w["kind"] == "box":
        stop = min([o["x0"] for o in widgets if o is not w and o["x0"] > w["x1"] and _same_row(
            {"top": o["top"], "bottom": o["bottom"]}, w)] + [10_000])
        idx = sorted((i for i, x in enumerate(words) if _same_row(x, w) and w["x1"] - 1 <= x["x0"] < stop),
                     key=lambda i: words[i]["x0"])
        out, last = [], w["x1"]
        for i in idx:  # contiguous words only
            if words[i]["x0"] - last > 25:
                break
            out.append(i)
            last = words[i]["x1"]
        return out
    left = sorted((i for i, x in enumerate(words) if _same_row(x, w) and x["x1"] <= w["x0"] + 1),
                  key=lambda i: -words[i]["x1"])
    other_edges = [o["x1"] for o in widgets if o is not w and o["x1"] <= w["x0"] + 1 and _same_row(
        {"top": o["top"], "bottom": o["bottom"]}, w)]
    out, last = [], w["x0"]
    for i in left:
        # a label column may stand well left of its field; its own words are close together
        if words[i]["x1"] < max(other_edges + [-1]) or last - words[i]["x1"] > (200 if not out else 25):
            break
        out.insert(0, i)
        last = words[i]["x0"]
    if out:
        return out
    # a caption right above the field
    above = [i for i, x in enumerate(words) if 0 <= w["top"] - x["bottom"] <= 6
             and x["x0"] < w["x1"] and x["x1"] > w["x0"]]
    return sorted(above, key=lambda i: words[i]["x0"])


def _widget_label(w: dict, printed: str) -> str:
    """The printed label when there is one, else the tooltip, else the field's name."""
    name = _field_label(w["name"]) if w["name"] else ""
    if printed and (not w["tooltip"] or len(printed) <= 80):
        return printed
    if w["tooltip"]:
        return _field_label(w["tooltip"]) if "." not in w["tooltip"] else w["tooltip"]
    if not name and w.get("export"):
        return _field_label(w["export"])
    return name


def _merge_widgets(doc: Document, data: bytes, reader, password) -> bool:
    import pdfplumber

    merged_any = False
    try:
        with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
            for i, page in enumerate(pdf.pages):
                if doc.page_confidence[i] is not None:
                    continue
                widgets = _widgets(reader, i)
                if not widgets:
                    continue
                words = page.extract_words(x_tolerance=1.5, y_tolerance=3)
                used: set[int] = set()
                items = []
                for w in widgets:
                    if w["kind"] == "text" and not w["value"]:
                        continue
                    idx = [j for j in _printed_label(words, w, widgets) if j not in used]
                    printed = " ".join(words[j]["text"] for j in idx).strip(" :")
                    used.update(idx)
                    label = _widget_label(w, printed)
                    if w["kind"] == "box":
                        items.append((w["top"], w["x0"], f"{CHECKED if w['on'] else UNCHECKED} {label}"))
                    else:
                        items.append((w["top"], w["x0"], f"{label} : {w['value']}"))
                # the remaining printed words, as lines
                rows: list[list[dict]] = []
                for j, x in sorted(enumerate(words), key=lambda t: (t[1]["top"], t[1]["x0"])):
                    if j in used:
                        continue
                    if rows and abs(rows[-1][0]["top"] - x["top"]) <= 3:
                        rows[-1].append(x)
                    else:
                        rows.append([x])
                for row in rows:
                    row.sort(key=lambda x: x["x0"])
                    items.append((row[0]["top"], row[0]["x0"], " ".join(x["text"] for x in row)))
                items.sort(key=lambda t: (round(t[0] / 4), t[1]))
                doc.pages[i] = "\n".join(t[2] for t in items)
                merged_any = True
    except Exception:
        return False
    return merged_any


def _render(data: bytes, index: int, password):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data, password=password or None)
    try:
        width, height = pdf[index].get_size()  # points
        if (width * 300 / 72) * (height * 300 / 72) > MAX_IMAGE_PIXELS:
            raise UnreadableDocument(
                f"La page {index + 1} du PDF est démesurée ({width / 72 * 2.54:.0f} × "
                f"{height / 72 * 2.54:.0f} cm) : elle ne peut pas être lue.")
        return pdf[index].render(scale=300 / 72).to_pil()
    finally:
        pdf.close()


def _field_label(name: str) -> str:
    return re.sub(r"[_\s]+", " ", name.split(".")[-1]).strip()


def _acroform(reader) -> tuple[dict[str, str], dict[str, bool]]:
    fields: dict[str, str] = {}
    checkboxes: dict[str, bool] = {}
    try:
        raw = reader.get_fields() or {}
    except Exception:
        return fields, checkboxes
    for name, f in raw.items():
        label = str(f.get("/TU") or name)
        ftype = f.get("/FT")
        value = f.get("/V")
        if ftype == "/Btn":
            states = [str(s) for s in (f.get("/_States_") or [])]
            v = str(value) if value is not None else "/Off"
            if len([s for s in states if s != "/Off"]) > 1:  # radio group
                if v != "/Off":
                    fields[label] = v.lstrip("/")
                    checkboxes[f"{label} {v.lstrip('/')}"] = True
            else:
                checkboxes[label] = v not in ("/Off", "Off", "")
        elif value is not None:
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            fields[label] = str(value).strip()
    return fields, checkboxes


# --------------------------------------------------------------------------- Word

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_SYM_CHECKED = {"F0FE", "F0FD", "F078", "F0FB", "2612", "2611", "F0FC"}
_SYM_UNCHECKED = {"F0A8", "F06F", "F071", "F0A1", "2610", "F0A3"}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _read_docx(path: Path, data: bytes) -> Document:

    what = "Le document Word"
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        _check_archive(zf, len(data), what, r"word/(document|header\d*|footer\d*)\.xml")
        xml = zf.read("word/document.xml")
        root = _parse_xml(xml, what)
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument("Le document Word est endommagé et ne peut pas être lu.") from exc
    doc = Document(path=path, kind="docx")
    reader = _WordReader(doc)
    # letterheads first (a préfecture's reference sometimes sits in the header)
    header_lines = []
    for name in sorted(n for n in zf.namelist() if re.fullmatch(r"word/header\d*\.xml", n)):
        try:
            header_lines += reader.block(_parse_xml(zf.read(name), what))
        except UnreadableDocument:
            raise
        except Exception:
            pass
    body = root.find(_w("body"))
    if body is None:
        raise UnreadableDocument("Le document Word est endommagé (corps absent).")
    lines = reader.block(body)
    footer_lines = []
    for name in sorted(n for n in zf.namelist() if re.fullmatch(r"word/footer\d*\.xml", n)):
        try:
            footer_lines += reader.block(_parse_xml(zf.read(name), what))
        except UnreadableDocument:
            raise
        except Exception:
            pass
    pages, current = [], []
    for line in header_lines + lines + footer_lines:
        if line == "\f":
            pages.append("\n".join(current))
            current = []
        else:
            current.append(line)
    pages.append("\n".join(current))
    doc.pages = [p for p in pages if p.strip()] or [""]
    doc.page_confidence = [None] * len(doc.pages)
    return doc


class _WordReader:
    """Walks WordprocessingML: paragraphs, tables, content controls, legacy form fields."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.n_box = 0

    def block(self, el) -> list[str]:
        """Text lines of a block container (body, cell, header, sdtContent)."""
        lines: list[str] = []
        for child in el:
            tag = child.tag
            if tag == _w("p"):
                text = self.paragraph(child)
                if _has_page_break(child):
                    lines.append("\f")
                lines.append(text)
                if text.strip():
                    self.doc.paragraphs.append(text)
            elif tag == _w("tbl"):
                lines.extend(self.table(child))
            elif tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    sub = self.block(content)
                    self._record_sdt(child, "\n".join(sub))
                    lines.extend(sub)
            elif tag in (_w("customXml"), _w("smartTag")):
                lines.extend(self.block(child))
        return lines

    def table(self, tbl) -> list[str]:
        rows_out: list[list[str]] = []
        lines: list[str] = []
        for tr in tbl.iter(_w("tr")):
            if tr.getparent() is not tbl and not _direct_row(tr, tbl):
                continue
            cells = []
            for tc in _row_cells(tr):
                cell_lines = self.block(tc)
                cells.append("\n".join(l for l in cell_lines if l != "\f").strip())
            rows_out.append(cells)
            lines.append(" | ".join(c.replace("\n", " ") for c in cells))
        self.doc.tables.append(rows_out)
        return lines

    def paragraph(self, p) -> str:
        out: list[str] = []
        field_stack: list[dict] = []
        for el in p.iter():
            tag = el.tag
            if tag == _w("t"):
                if _in_placeholder(el):
                    continue
                out.append(el.text or "")
                for f in field_stack:
                    if f["collect"]:
                        f["value"].append(el.text or "")
            elif tag == _w("tab"):
                if el.getparent() is not None and el.getparent().tag == _w("r"):
                    out.append("\t")
            elif tag in (_w("br"), _w("cr")):
                out.append("\n")
            elif tag == _w("sym"):
                char = (el.get(_w("char")) or "").upper()
                if char in _SYM_CHECKED:
                    out.append(CHECKED)
                elif char in _SYM_UNCHECKED:
                    out.append(UNCHECKED)
            elif tag == _w("fldChar"):
                kind = el.get(_w("fldCharType"))
                if kind == "begin":
                    ff = el.find(_w("ffData"))
                    f = {"ff": ff, "collect": False, "value": []}
                    field_stack.append(f)
                    if ff is not None and ff.find(_w("checkBox")) is not None:
                        on = _legacy_checked(ff.find(_w("checkBox")))
                        out.append(CHECKED if on else UNCHECKED)
                        self._record_box(_ff_name(ff), on)
                elif kind == "separate" and field_stack:
                    field_stack[-1]["collect"] = True
                elif kind == "end" and field_stack:
                    f = field_stack.pop()
                    ff = f["ff"]
                    if ff is not None and ff.find(_w("checkBox")) is None:
                        value = "".join(f["value"]).strip()
                        dd = ff.find(_w("ddList"))
                        if dd is not None:
                            value = _dd_value(dd) or value
                        name = _ff_name(ff) or f"champ_{len(self.doc.fields) + 1}"
                        self.doc.fields[name] = value.replace("\u2002", "").strip()
            elif tag == f"{{{W14}}}checkbox":
                checked = el.find(f"{{{W14}}}checked")
                on = checked is not None and checked.get(f"{{{W14}}}val") in ("1", "true", "on")
                sdt = el.getparent().getparent() if el.getparent() is not None else None
                self._record_box(_sdt_name(sdt) if sdt is not None else None, on)
        text = "".join(out)
        # legacy text fields show five en-spaces when empty
        return text.replace("\u2002" * 5, "").replace("\u2002", " ")

    def _record_box(self, name: str | None, on: bool) -> None:
        self.n_box += 1
        self.doc.checkboxes[name or f"case_{self.n_box}"] = on

    def _record_sdt(self, sdt, value: str) -> None:
        pr = sdt.find(_w("sdtPr"))
        if pr is None or pr.find(f"{{{W14}}}checkbox") is not None:
            return
        name = _sdt_name(sdt)
        if name:
            self.doc.fields[name] = value.strip()


def _direct_row(tr, tbl) -> bool:
    parent = tr.getparent()
    while parent is not None and parent.tag != _w("tbl"):
        parent = parent.getparent()
    return parent is tbl


def _row_cells(tr):
    for child in tr:
        if child.tag == _w("tc"):
            yield child
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from (c for c in content if c.tag == _w("tc"))


def _has_page_break(p) -> bool:
    for br in p.iter(_w("br")):
        if br.get(_w("type")) == "page":
            return True
    ppr = p.find(_w("pPr"))
    return ppr is not None and ppr.find(_w("pageBreakBefore")) is not None


def _in_placeholder(t) -> bool:
    el = t.getparent()
    while el is not None:
        if el.tag == _w("sdtContent"):
            pr = el.getparent().find(_w("sdtPr"))
            if pr is not None and pr.find(_w("showingPlcHdr")) is not None:
                return True
        el = el.getparent()
    return False


def _sdt_name(sdt) -> str | None:
    pr = sdt.find(_w("sdtPr")) if sdt is not None else None
    if pr is None:
        return None
    for tag in ("tag", "alias"):
        el = pr.find(_w(tag))
        if el is not None and el.get(_w("val")):
            return el.get(_w("val"))
    return None


def _ff_name(ff) -> str | None:
    el = ff.find(_w("name"))
    return el.get(_w("val")) if el is not None and el.get(_w("val")) else None


def _legacy_checked(box) -> bool:
    for tag in ("checked", "default"):
        el = box.find(_w(tag))
        if el is not None:
            val = el.get(_w("val"))
            return val is None or val in ("1", "true", "on")
    return False


def _dd_value(dd) -> str | None:
    entries = [e.get(_w("val")) for e in dd.findall(_w("listEntry"))]
    res = dd.find(_w("result"))
    idx = int(res.get(_w("val"))) if res is not None else 0
    return entries[idx] if 0 <= idx < len(entries) else None


# --------------------------------------------------------------------------- ODT

def _read_odt(path: Path, data: bytes) -> Document:
    from lxml import etree

    ns_text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    ns_table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    what = "Le document ODT"
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        _check_archive(zf, len(data), what, r"content\.xml|mimetype")
        root = _parse_xml(zf.read("content.xml"), what)
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument("Le document ODT est endommagé et ne peut pas être lu.") from exc
    doc = Document(path=path, kind="odt")

    def para_text(el) -> str:
        parts = []
        if el.text:
            parts.append(el.text)
        for child in el:
            local = etree.QName(child).localname
            if local == "s":
                parts.append(" " * int(child.get(f"{{{ns_text}}}c", "1")))
            elif local == "tab":
                parts.append("\t")
            elif local == "line-break":
                parts.append("\n")
            else:
                parts.append(para_text(child))
            if child.tail:
                parts.append(child.tail)
        return "".join(parts)

    lines: list[str] = []

    def walk(el):
        for child in el:
            q = etree.QName(child)
            if q.namespace == ns_text and q.localname in ("p", "h"):
                t = para_text(child)
                lines.append(t)
                if t.strip():
                    doc.paragraphs.append(t)
            elif q.namespace == ns_table and q.localname == "table":
                rows = []
                for row in child.iter(f"{{{ns_table}}}table-row"):
                    cells = [" ".join(para_text(p) for p in cell.iter(f"{{{ns_text}}}p"))
                             for cell in row if etree.QName(cell).localname == "table-cell"]
                    rows.append(cells)
                    lines.append(" | ".join(cells))
                doc.tables.append(rows)
            else:
                walk(child)

    walk(root)
    doc.pages = ["\n".join(lines)]
    doc.page_confidence = [None]
    return doc


# --------------------------------------------------------------------------- images

def _read_image(path: Path, data: bytes) -> Document:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from .ocr import ocr_image

    try:
        img = Image.open(io.BytesIO(data))  # reads the header only
        _check_image(img)
        img.load()
    except Image.DecompressionBombError as exc:
        raise UnreadableDocument(_IMAGE_TOO_BIG + " (« bombe de décompression » possible).") from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise UnreadableDocument("L'image est endommagée et ne peut pas être lue.") from exc
    doc = Document(path=path, kind="image")
    ocr_lines = []
    for frame in ImageSequence.Iterator(img):
        _check_image(frame)
        result = ocr_image(frame.copy())
        doc.pages.append(result.text)
        doc.page_confidence.append(result.confidence)
        ocr_lines.append(result.lines)
    doc._ocr_lines = ocr_lines  # type: ignore[attr-defined]
    return doc


_IMAGE_TOO_BIG = (f"L'image est démesurée (plus de {MAX_IMAGE_PIXELS // 1_000_000} millions de "
                  "pixels) : elle n'a pas été lue")


def _check_image(img) -> None:
    """Size and page count from the image's header, before any pixel is decoded."""
    width, height = img.size
    if width * height > MAX_IMAGE_PIXELS:
        raise UnreadableDocument(
            f"L'image est démesurée ({width} × {height} pixels, soit "
            f"{width * height / 1e6:.0f} millions ; maximum {MAX_IMAGE_PIXELS // 1_000_000} "
            "millions) : elle n'a pas été lue.")
    frames = getattr(img, "n_frames", 1)
    if frames > MAX_PAGES:
        raise UnreadableDocument(f"L'image compte {frames} pages (maximum {MAX_PAGES}) : elle "
                                 "n'a pas été lue ; déposez seulement les pages utiles.")
