"""PDF beside the Word documents, through LibreOffice in headless mode (when installed).

    convert_to_pdf([a.docx, b.docx])  ->  [a.pdf, b.pdf]   (one soffice process for the batch)

A private LibreOffice profile (a temporary folder) is used, so the conversion works while
someone has LibreOffice open on the same machine; the process has a time limit. Without
LibreOffice, `convert_to_pdf` returns [] and the Word documents stay the reference.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

DELAI_SECONDES = 240.0
NOMS = ("soffice", "libreoffice")
# Usual places on Windows and macOS, where soffice is seldom on the PATH.
CHEMINS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


def soffice() -> str | None:
    """Path of LibreOffice's command, or None."""
    for nom in NOMS:
        chemin = shutil.which(nom)
        if chemin:
            return chemin
    return next((c for c in CHEMINS if Path(c).is_file()), None)


def pdf_available() -> bool:
    return soffice() is not None


def convert_to_pdf(
    docx_paths: list[Path], outdir: Path | None = None, timeout: float = DELAI_SECONDES
) -> list[Path]:
    """Convert Word documents to PDF, in one LibreOffice process per output folder.

    The PDFs go to `outdir`, or beside each document. Returns the PDFs written, in the order of
    `docx_paths` (those LibreOffice failed to write are left out); [] when LibreOffice is
    missing or the process overran `timeout` seconds.
    """
    return convert(docx_paths, "pdf", outdir, timeout)


def convert(
    paths: list[Path], target: str, outdir: Path | None = None, timeout: float = DELAI_SECONDES
) -> list[Path]:
    """`convert_to_pdf` to any format LibreOffice writes: `target` is its « --convert-to »
    argument ("pdf", "docx:MS Word 2007 XML"), the files written take its extension."""
    suffix = "." + target.split(":")[0]
    commande = soffice()
    chemins = [Path(p).resolve() for p in paths]
    if commande is None or not chemins:
        return []
    lots: dict[Path, list[Path]] = {}
    for p in chemins:
        lots.setdefault(Path(outdir).resolve() if outdir else p.parent, []).append(p)
    faits: set[Path] = set()
    for dossier, lot in lots.items():
        dossier.mkdir(parents=True, exist_ok=True)
        avant = {p: _mtime(dossier / (p.stem + suffix)) for p in lot}
        with tempfile.TemporaryDirectory(prefix="asll-lo-") as profil:
            args = [
                commande,
                f"-env:UserInstallation={Path(profil).as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                target,
                "--outdir",
                str(dossier),
                *map(str, lot),
            ]
            if not _lancer(args, timeout):
                continue
        for p in lot:
            written = dossier / (p.stem + suffix)
            if written.is_file() and _mtime(written) != avant[p]:
                faits.add(p)
    return [
        (Path(outdir).resolve() if outdir else p.parent) / (p.stem + suffix)
        for p in chemins
        if p in faits
    ]


def _mtime(p: Path) -> float | None:
    try:
        return p.stat().st_mtime_ns
    except OSError:
        return None


def _lancer(args: list[str], timeout: float) -> bool:
    """Run soffice; on time-out, kill it and whatever it started. False on failure."""
    options = (
        {"start_new_session": True}
        if os.name == "posix"
        else {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    )
    try:
        proc = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **options
        )
    except OSError:
        return False
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        if os.name == "posix":
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        else:
            proc.kill()
        proc.wait()
        return False
    return proc.returncode == 0
