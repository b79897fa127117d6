"""What a file is, from its bytes (magic numbers and the parts an archive holds), and what
to tell staff when its extension says otherwise.

The content decides: a Word form saved under a `.pdf` name is read as Word, as a person
opening it would, with a note; a file that is no supported document whatever its name is
refused with a French reason saying what it is.
"""

from __future__ import annotations

import io
import re
import zipfile

# The extensions each readable format is usually saved under.
EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".doc": "doc",
    ".rtf": "rtf",
    ".odt": "odt",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".tif": "image",
    ".tiff": "image",
    ".webp": "image",
    ".heic": "image",
    ".heif": "image",
    ".eml": "courriel",
    ".msg": "outlook",
}

# How staff call each format, in the notes and reasons.
FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "Word",
    "doc": "Word 97-2003",
    "rtf": "RTF",
    "odt": "ODT",
    "image": "image",
    "courriel": "courriel",
    "outlook": "courriel Outlook",
}

_WHAT_IT_IS = {
    "pdf": "un PDF",
    "docx": "un document Word",
    "doc": "un document Word 97-2003",
    "rtf": "un document RTF",
    "odt": "un document ODT",
    "image": "une image",
    "courriel": "un courriel",
    "outlook": "un courriel Outlook (.msg)",
    "zip": "une archive ZIP",
    "ole": "un ancien fichier Microsoft Office (97-2003) autre qu'un document Word",
    "texte": "un simple fichier texte",
    None: "un format inconnu",
}


def sniff(data: bytes) -> str | None:
    """What the bytes are: pdf, docx, odt, image (readable), or zip, ole, texte, None."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if (
        data[:3] == b"\xff\xd8\xff"
        or data[:8] == b"\x89PNG\r\n\x1a\n"
        or data[:4] in (b"II*\x00", b"MM\x00*")
        or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")
        or is_heif(data)
    ):
        return "image"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE2: .doc, .xls of Office 97-2003
        # a Word file's directory names its « WordDocument » stream (UTF-16)
        if "WordDocument".encode("utf-16-le") in data:
            return "doc"
        # an Outlook message's streams are named after MAPI properties
        return "outlook" if "__substg1.0_".encode("utf-16-le") in data else "ole"
    if data[:5] == b"{\\rtf":
        return "rtf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if (
                    "content.xml" in names
                    and "mimetype" in names
                    and zf.getinfo("mimetype").file_size < 1024
                    and b"opendocument.text" in zf.read("mimetype")
                ):
                    return "odt"
        except (
            zipfile.BadZipFile,
            KeyError,
            OSError,
            NotImplementedError,
            RuntimeError,
            EOFError,
            ValueError,
        ):
            return None
        return "zip"
    if looks_like_text(data):
        return "courriel" if is_message(data) else "texte"
    return None


def is_heif(data: bytes) -> bool:
    """A phone's photo in HEIF / HEIC (an iPhone's default)."""
    return data[4:8] == b"ftyp" and data[8:12] in (
        b"heic",
        b"heix",
        b"heim",
        b"heis",
        b"hevc",
        b"mif1",
        b"msf1",
    )


_HEADER = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]", re.MULTILINE)
_MESSAGE_HEADERS = {
    b"from",
    b"to",
    b"subject",
    b"date",
    b"mime-version",
    b"message-id",
    b"received",
}


def is_message(data: bytes) -> bool:
    """An e-mail as saved (.eml): it opens with header lines, several of a message's."""
    head = data[:8192].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    if not _HEADER.match(head.lstrip()):
        return False
    names = {m.group(1).lower() for m in _HEADER.finditer(head)}
    return len(names & _MESSAGE_HEADERS) >= 3


def looks_like_text(data: bytes) -> bool:
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


def extension_note(ext: str, actual: str) -> str | None:
    """The note for staff when a readable file's extension names another format."""
    if EXTENSIONS.get(ext) == actual:
        return None
    named = f"nommé {ext}" if ext else "sans extension"
    return (
        f"Extension trompeuse : fichier {FORMAT_NAMES[actual]} {named} ; il a été lu "
        "d'après son contenu."
    )


def refusal(ext: str, actual: str | None) -> str:
    """Why a file that is no readable document is refused, in French, on one line."""
    if ext not in EXTENSIONS:
        return (
            f"Type de fichier non pris en charge ({ext or 'sans extension'}) : seuls PDF, "
            "Word (.docx, .doc), RTF, ODT, images (photos comprises) et courriels (.eml, .msg) "
            "sont lus."
        )
    wanted = _WHAT_IT_IS[EXTENSIONS[ext]]
    what = _WHAT_IT_IS.get(actual, str(actual))
    return (
        f"Le fichier porte l'extension {ext} mais n'est pas {wanted} : c'est {what} "
        "(fichier endommagé ou renommé)."
    )
