"""Shared helpers of the benchmarks: timing, machine description, process-tree sampling,
and copies of the sample documents whose bytes (hence SHA-256) differ.

Only the standard library at import time: the sandbox's forkserver children import the
main module (`benchmarks.run`) again, and must stay light.
"""

from __future__ import annotations

import io
import os
import platform
import re
import statistics
import subprocess
import threading
import time
import zipfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "documents"
SCANS = ROOT / "samples" / "scans"
CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
PAGE_KB = (os.sysconf("SC_PAGE_SIZE") // 1024) if hasattr(os, "sysconf") else 4


def median(values) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def repeat(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


# ------------------------------------------------------------------ machine


def machine_info() -> dict:
    from importlib import metadata

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram_gb = round(kb / 1024 / 1024, 1)
    except (OSError, AttributeError):
        pass
    versions = {}
    for name in (
        "pdfplumber",
        "pdfminer.six",
        "pypdf",
        "pypdfium2",
        "pytesseract",
        "python-docx",
        "docxtpl",
        "openpyxl",
        "lxml",
        "pillow",
        "watchdog",
    ):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    versions["tesseract"] = _first_line(["tesseract", "--version"])
    versions["LibreOffice"] = _first_line(["soffice", "--version"])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": versions,
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "loadavg": _loadavg(),
    }


def _first_line(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        text = (out.stdout or out.stderr).strip().splitlines()
        return text[0].strip() if text else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "absent"


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# ------------------------------------------------------------------ process tree


def _stat(pid: int) -> tuple[int, int, int] | None:
    """(ppid, cpu ticks incl. reaped children, rss pages) of a process, from /proc."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rfind(")") + 2 :].split()
    # fields[0] is state (field 3); utime=14, stime=15, cutime=16, cstime=17, rss=24
    ppid = int(fields[1])
    ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))
    rss = int(fields[21])
    return ppid, ticks, rss


def _tree() -> dict[int, tuple[int, int]]:
    """{pid: (cpu ticks, rss pages)} of this process and all its descendants."""
    procs = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = _stat(int(entry))
            if st:
                procs[int(entry)] = st
    me = os.getpid()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = {}, [me]
    while todo:
        pid = todo.pop()
        if pid in procs:
            out[pid] = procs[pid][1:]
        todo.extend(children.get(pid, []))
    return out


def tree_cpu_seconds() -> float:
    """CPU seconds (user+sys) of this process, its live descendants, and all they reaped.

    A child reaped between two readings moves into its parent's cutime/cstime, so the
    difference of two readings counts it once."""
    return sum(ticks for ticks, _ in _tree().values()) / CLK_TCK


class TreeSampler:
    """Samples the resident memory of this process and its descendants every `period`."""

    def __init__(self, period: float = 0.05):
        self.period = period
        self.peak_total_mb = 0.0
        self.peak_parent_mb = 0.0
        self.peak_child_mb = 0.0
        self.max_children = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        me = os.getpid()
        while not self._stop.is_set():
            tree = _tree()
            mb = {pid: rss * PAGE_KB / 1024 for pid, (_, rss) in tree.items()}
            self.peak_total_mb = max(self.peak_total_mb, sum(mb.values()))
            self.peak_parent_mb = max(self.peak_parent_mb, mb.get(me, 0.0))
            others = [v for pid, v in mb.items() if pid != me]
            if others:
                self.peak_child_mb = max(self.peak_child_mb, max(others))
            self.max_children = max(self.max_children, len(others))
            self._stop.wait(self.period)


def parent_peak_rss_mb() -> float:
    """VmHWM: the peak resident memory of this process since it started."""
    try:
        m = re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text())
        return int(m.group(1)) / 1024
    except (OSError, AttributeError):
        return float("nan")


# ------------------------------------------------------------------ varied copies


def variant(path: Path, n: int) -> bytes:
    """The bytes of `path`, made unique by `n` without changing what the document says:
    a PDF comment line appended after %%EOF, or a docx core property (contentStatus)."""
    data = Path(path).read_bytes()
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        return data + f"%asll-bench {n}\n".encode()
    if suffix in (".docx", ".docm"):
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "docProps/core.xml":
                    content = content.replace(
                        b"</cp:coreProperties>",
                        f"<cp:contentStatus>asll-bench-{n}</cp:contentStatus>"
                        "</cp:coreProperties>".encode(),
                    )
                target.writestr(info, content)
        return out.getvalue()
    return data + f"\n{n}".encode()


def readable_samples(scans: bool = False) -> list[Path]:
    """The bundled documents the toolkit reads (the deliberately broken ones left out)."""
    files = [p for p in sorted(SAMPLES.iterdir()) if p.is_file() and p.suffix in (".pdf", ".docx")]
    if scans:
        files += sorted(SCANS.iterdir())
    return files
