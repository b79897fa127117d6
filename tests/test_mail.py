"""A DDETS sends its saisine by e-mail, the letter and the assignation attached; staff drag
the message out of Outlook (.msg) or save it from a webmail (.eml) into the inbox. The
message is read with its attachments: it was refused (« ancien fichier Microsoft Office
autre qu'un document Word », « simple fichier texte »), a legible dossier set aside."""

from __future__ import annotations

import struct
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from corpus.make_corpus import build_pdf
from intake.errors import UnreadableDocument
from intake.extract import extract
from intake.readers import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "textes"
LETTER = (FIXTURES / "saisine DDETS 13 HADDAD.txt").read_text(encoding="utf-8")
ACT = (FIXTURES / "assignation refere Marseille HADDAD.txt").read_text(encoding="utf-8")
SENT = datetime(2025, 10, 30, 9, 17)
COVER = (
    "Bonjour,\n\nVeuillez trouver ci-joint une demande de diagnostic social et financier "
    "pour M. HADDAD, ainsi que la copie de l'assignation.\n\nCordialement,\n"
    "Karine MASSON\nBureau de la prévention des expulsions"
)


def _pdf(tmp_path: Path, name: str, text: str) -> bytes:
    path = tmp_path / name
    build_pdf(path, [(None, [("l", x) for x in text.splitlines()], "Helvetica", 10, 18)])
    return path.read_bytes()


def _eml(tmp_path: Path, attachments: list[tuple[str, bytes, str]], body=COVER) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "MASSON Karine <ddets-expulsions@bouches-du-rhone.gouv.fr>"
    msg["To"] = "contact@adamal.example.org"
    msg["Subject"] = "Saisine DSF - HADDAD Karim - PEX-13-2025-04412"
    msg["Date"] = format_datetime(SENT)
    msg.set_content(body)
    msg.add_alternative(
        "<html><body><p>" + body.replace("\n", "<br>") + '</p><img src="cid:logo"></body></html>',
        subtype="html",
    )
    html = msg.get_payload()[1]
    html.add_related(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image", "png", cid="<logo>")
    for name, data, kind in attachments:
        maintype, subtype = kind.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg


def _saisine_attachments(tmp_path):
    return [
        ("Saisine DSF HADDAD.pdf", _pdf(tmp_path, "l.pdf", LETTER), "application/pdf"),
        ("Assignation HADDAD.pdf", _pdf(tmp_path, "a.pdf", ACT), "application/pdf"),
        ("décompte.xlsx", b"PK\x03\x04 not really a workbook", "application/octet-stream"),
    ]


def _read_right(path: Path):
    ex = extract(path)
    assert ex.type_document == "saisine_prefecture"
    assert [(p.nom, p.prenom) for p in ex.personnes] == [("HADDAD", "Karim")]
    assert (ex.reference, str(ex.date_document)) == ("PEX-13-2025-04412", "2025-10-29")
    assert (str(ex.date_audience), ex.heure_audience) == ("2025-12-04", "14:00")
    assert (ex.montant_dette, ex.loyer_mensuel) == (4102.56, 539.57)
    assert (ex.adresse, ex.commune) == ("14 traverse des Lierres", "Marseille")
    return ex


def test_an_eml_is_read_with_its_letter_and_its_act(tmp_path):
    path = tmp_path / "Saisine DSF HADDAD.eml"
    path.write_bytes(bytes(_eml(tmp_path, _saisine_attachments(tmp_path))))
    doc = read_document(path)
    assert doc.kind == "pdf_text"
    assert doc.pages[0].startswith("De : MASSON Karine")
    assert "Objet : Saisine DSF - HADDAD Karim" in doc.pages[0]
    assert any("« décompte.xlsx » non lue" in w for w in doc.warnings)
    _read_right(path)


def test_an_outlook_message_is_read_with_its_attachments(tmp_path):
    path = tmp_path / "RE Saisine DSF HADDAD.msg"
    _msg(path, COVER, _saisine_attachments(tmp_path)[:2])
    assert read_document(path).pages[0].startswith("De : Karine MASSON")
    _read_right(path)


def test_a_message_forwarded_as_an_attachment_is_opened(tmp_path):
    """The secretary forwards the DDETS's message to the service's address « en pièce
    jointe »: the saisine is inside the attached message."""
    inner = _eml(tmp_path, _saisine_attachments(tmp_path)[:2])
    outer = EmailMessage()
    outer["From"] = "accueil@adamal.example.org"
    outer["To"] = "esu@adamal.example.org"
    outer["Subject"] = "TR: Saisine DSF - HADDAD Karim"
    outer["Date"] = format_datetime(datetime(2025, 10, 31, 8, 2))
    outer.set_content("Pour enregistrement.")
    outer.add_attachment(inner)
    path = tmp_path / "TR Saisine.eml"
    path.write_bytes(bytes(outer))
    _read_right(path)


def test_a_letter_written_in_the_messages_body_is_read(tmp_path):
    """No attachment: the DDETS wrote its saisine in the message. The time it was sent is
    not the hearing's, its day not the letter's (the letter says « Marseille, le … »)."""
    path = tmp_path / "saisine.eml"
    path.write_bytes(bytes(_eml(tmp_path, [], body=LETTER)))
    ex = extract(path)
    assert ex.type_document == "saisine_prefecture"
    assert (ex.reference, str(ex.date_document)) == ("PEX-13-2025-04412", "2025-10-29")
    assert (str(ex.date_audience), ex.heure_audience) == ("2025-12-04", "14:00")


def test_a_message_named_pdf_is_read_by_its_content_with_a_note(tmp_path):
    path = tmp_path / "saisine.pdf"
    path.write_bytes(bytes(_eml(tmp_path, _saisine_attachments(tmp_path)[:2])))
    doc = read_document(path)
    assert any("Extension trompeuse" in w and "courriel" in w for w in doc.warnings)


@pytest.mark.parametrize("name", ["notes.eml", "notes.txt"])
def test_a_text_file_that_is_no_message_is_still_refused(tmp_path, name):
    path = tmp_path / name
    path.write_text("Rappeler Mme Martin lundi.\nDossier à voir avec la CESF.\n", encoding="utf-8")
    with pytest.raises(UnreadableDocument):
        read_document(path)


def test_a_damaged_outlook_message_is_refused_in_french(tmp_path):
    path = tmp_path / "saisine.msg"
    _msg(path, COVER, [])
    data = bytearray(path.read_bytes())
    path.write_bytes(bytes(data[: len(data) // 3]))
    with pytest.raises(UnreadableDocument, match="courriel|endommagé"):
        read_document(path)


# ---------------------------------------------------------------- an Outlook message
# Written with extract-msg's own OLE writer: the streams Outlook stores for a message
# (MS-OXMSG: each property a « __substg1.0_<id><type> » stream, listed with its size in
# « __properties_version1.0 »; each attachment a storage of its own).


def _msg(path: Path, body: str, attachments: list[tuple[str, bytes, str]]) -> None:
    from extract_msg.ole_writer import OleWriter

    writer = OleWriter()

    def text(storage: str, entries: list, pid: int, value: str) -> None:
        data = value.encode("utf-16-le") + b"\0\0"
        writer.addEntry(f"{storage}__substg1.0_{pid:04X}001F", data)
        entries.append(struct.pack("<HHIII", 0x001F, pid, 6, len(data), 0))

    top: list[bytes] = []
    text("", top, 0x001A, "IPM.Note")
    text("", top, 0x0037, "Saisine DSF - HADDAD Karim - PEX-13-2025-04412")
    text("", top, 0x0C1A, "Karine MASSON")
    text("", top, 0x0E04, "contact@adamal.example.org")
    text("", top, 0x1000, body)
    writer.addEntry("__nameid_version1.0", storage=True)
    for stream in ("00020102", "00030102", "00040102"):
        writer.addEntry(f"__nameid_version1.0/__substg1.0_{stream}", b"")
    for i, (name, data, _) in enumerate(attachments):
        storage = f"__attach_version1.0_#{i:08X}/"
        writer.addEntry(storage[:-1], storage=True)
        props: list[bytes] = []
        writer.addEntry(f"{storage}__substg1.0_37010102", data)
        props.append(struct.pack("<HHIII", 0x0102, 0x3701, 6, len(data), 0))
        text(storage, props, 0x3707, name)
        props.append(struct.pack("<HHIiI", 0x0003, 0x3705, 6, 1, 0))  # attached by value
        writer.addEntry(f"{storage}__properties_version1.0", b"\0" * 8 + b"".join(props))
    count = len(attachments)
    header = b"\0" * 8 + struct.pack("<IIII", 0, count, 0, count) + b"\0" * 8
    writer.addEntry("__properties_version1.0", header + b"".join(top))
    writer.write(str(path))
