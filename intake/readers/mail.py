"""E-mails saved as files: a DDETS sends its saisine by e-mail, the letter and the
assignation attached, and staff drop the message itself into the inbox — an Outlook
message dragged out of Outlook (.msg, read with extract-msg) or a message saved by
Thunderbird or a webmail (.eml, read with the standard library).

The message is read as one document: its head and body as a first page (the way Outlook
prints it: « De », « Envoyé », « À », « Objet »), then the pages of each attachment in a
supported format (a spreadsheet form too), read by that format's reader, in the order
they are attached. A message forwarded as an attachment is opened the same way. An
attachment that is not read (a zip archive, a damaged PDF) gets a note for staff; inline pictures (a signature's logo)
are no attachment.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UnreadableDocument
from .document import Document

if TYPE_CHECKING:  # the e-mail package takes long to import: only for messages
    from email.message import EmailMessage

log = logging.getLogger(__name__)

MAX_DEPTH = 3  # a message forwarded inside a message, inside a message
UNNAMED = "pièce jointe sans nom"
DAMAGED = "Le courriel est endommagé et ne peut pas être lu."


def read(path: Path, data: bytes) -> Document:
    """A message saved as .eml (RFC 5322)."""
    from email import policy
    from email.parser import BytesParser

    try:
        msg = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as exc:  # noqa: BLE001 - the parser's errors have no common base
        raise UnreadableDocument(DAMAGED) from exc
    doc = Document(path=path, kind="courriel")
    _read_message(msg, doc, 0)
    return doc


def read_outlook(path: Path, data: bytes) -> Document:
    """An Outlook message (.msg)."""
    import extract_msg

    try:
        msg = extract_msg.openMsg(data)
    except Exception as exc:  # noqa: BLE001 - olefile's and extract-msg's errors vary
        raise UnreadableDocument(DAMAGED) from exc
    doc = Document(path=path, kind="courriel")
    try:
        _read_outlook_message(msg, doc, 0)
    finally:
        msg.close()
    return doc


def _read_outlook_message(msg, doc: Document, depth: int) -> None:
    from extract_msg.enums import AttachmentType

    head = [
        ("De", msg.sender),
        ("Envoyé", f"{msg.date:%d/%m/%Y %H:%M}" if msg.date else None),
        ("À", msg.to),
        ("Objet", msg.subject),
    ]
    body = _clean(msg.body or "")
    if not body.strip() and msg.htmlBody:
        body = _html_text(msg.htmlBody.decode("utf-8", "replace"))
    _append_page(doc, _first_page(head, body))
    for att in msg.attachments:
        if att.type is AttachmentType.MSG:
            if depth < MAX_DEPTH:
                _read_outlook_message(att.data, doc, depth + 1)
            continue
        name = _clean(att.longFilename or att.shortFilename or "") or UNNAMED
        if att.hidden or not isinstance(att.data, bytes):
            continue  # a logo or a picture shown in the body; a link, not a file
        _read_attachment(name, att.data, doc)


def _read_message(msg: EmailMessage, doc: Document, depth: int) -> None:
    from email.message import EmailMessage

    head = [
        ("De", msg.get("from")),
        ("Envoyé", _date(str(msg["date"])) if msg.get("date") else None),
        ("À", msg.get("to")),
        ("Objet", msg.get("subject")),
    ]
    _append_page(doc, _first_page(head, _body(msg)))
    for part in msg.iter_attachments():
        name = part.get_filename() or UNNAMED
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload(0) if part.is_multipart() else None
            if isinstance(inner, EmailMessage) and depth < MAX_DEPTH:
                _read_message(inner, doc, depth + 1)
            continue
        if (
            part.get_content_maintype() == "image"
            and part.get_content_disposition() != "attachment"
        ):
            continue  # a logo or a picture shown in the body
        _read_attachment(name, part.get_payload(decode=True) or b"", doc)


def _read_attachment(name: str, data: bytes, doc: Document) -> None:
    from . import READERS  # this module is one of them
    from .sniff import FORMAT_NAMES, sniff

    kind = sniff(data)
    reader = READERS.get(kind)  # a message saved as a file is opened too: it is smaller
    if reader is None:
        doc.warnings.append(f"Pièce jointe « {name} » non lue : format non pris en charge.")
        return
    try:
        sub = reader(Path(name), data)
    except UnreadableDocument as exc:
        doc.warnings.append(f"Pièce jointe « {name} » non lue : {exc}")
        return
    except Exception:  # noqa: BLE001 - a bug on one attachment must not cost the message
        log.warning("courriel : pièce jointe non lue (erreur interne)")
        doc.warnings.append(f"Pièce jointe « {name} » non lue (erreur interne de lecture).")
        return
    if doc.kind == "courriel":
        doc.kind = sub.kind  # what the message brings: a form, a scan, a text PDF
    doc.warnings += [f"Pièce jointe « {name} » ({FORMAT_NAMES[kind]}) : {w}" for w in sub.warnings]
    doc.append_pages(sub)


def _first_page(head: list[tuple[str, object]], body: str) -> str:
    """The message's head as Outlook prints it (« De : … », « Objet : … »), then its body."""
    lines = [f"{label} : {' '.join(str(v).split())}" for label, v in head if v]
    return "\n".join([*lines, "", *_clean(body).splitlines()])


def _clean(text: str) -> str:
    return text.replace("\x00", "").replace("\r\n", "\n")


def _date(value: str) -> str:
    """« 29/10/2025 10:42 »: the day the message was sent and its time."""
    from email.utils import parsedate_to_datetime

    try:
        d = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return value
    return f"{d:%d/%m/%Y %H:%M}"


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = part.get_content()
    except (LookupError, ValueError):  # an unknown charset: the bytes as Windows wrote them
        text = (part.get_payload(decode=True) or b"").decode("cp1252", "replace")
    return _html_text(text) if part.get_content_subtype() == "html" else text


def _html_text(html: str) -> str:
    """The text of an HTML body, a line for each paragraph, line break and table row."""
    import lxml.html

    html = re.sub(r"(?i)<br\s*/?>|</(?:p|div|tr|li|h\d)>", "\n", html)
    html = re.sub(r"(?i)</t[dh]>", " | ", html)
    if not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - lxml's parser errors vary
        return re.sub(r"<[^>]+>", " ", html)
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    lines = (" ".join(line.split()).strip(" |") for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _append_page(doc: Document, text: str) -> None:
    doc.append_pages(Document(path=doc.path, kind=doc.kind, pages=[text]))
