"""Compiled regular expressions kept from one run to the next.

The rules' patterns are long (dates, amounts and numbers in words expanded into each);
Python compiles them in about 0.3 s, more than reading a PDF, and a one-shot command
(`asll extraire`) would pay it at every start. Python does not keep compiled patterns
(a pickled pattern is compiled again), so this module keeps the compiled program of each
pattern — the list of integers `re` hands to its matching engine — in the user's cache
folder (`$XDG_CACHE_HOME/asll`, by default `~/.cache/asll`) and builds the pattern from
it on the next run, in microseconds.

Why it stays correct:
- an entry is found by the pattern's exact source and flags: a rule that changes is
  another source, compiled afresh (and kept); nothing depends on file dates or names;
- the file is for one Python (exact version, engine magic number, code size, byte order):
  another Python reads another file;
- the file carries a checksum (CRC-32) of its content and is written whole (temporary
  file, then renamed): a truncated, damaged or foreign file is ignored, never half read;
  the matching engine validates each program again when it is built. The checksum is
  against damage, not tampering: the file is the user's own (mode 0600, folder 0700), and
  whoever can write there can already change the user's programs;
- anything unexpected (no cache folder, read-only home, an interpreter whose `re`
  internals differ) falls back to `re.compile`, with the same pattern as a result.
The cache holds only the rules' patterns (no document's text, no personal data).
`ASLL_CACHE_MOTIFS=0` turns it off.
"""

from __future__ import annotations

import array
import json
import os
import re
import sys
import tempfile
import threading
import zlib
from pathlib import Path

try:  # the engine's own entry point, and the compiler's two steps before it
    import _sre
    from re import _compiler, _parser
except ImportError:  # another interpreter: plain re.compile
    _sre = None

_MAGIC = b"ASLL-MOTIFS-2\n"
_MAX_BYTES = 16 * 1024 * 1024  # past this, the file restarts with this run's patterns

_lock = threading.Lock()
_loaded: dict[tuple[str, int], tuple] | None = None  # from the file: key → (meta, code)
_new: dict[tuple[str, int], tuple] = {}  # compiled in this process, not in the file yet
_used: set[tuple[str, int]] = set()


def enabled() -> bool:
    return (
        _sre is not None
        and os.environ.get("ASLL_CACHE_MOTIFS", "1") != "0"
        and array.array("I").itemsize == _sre.CODESIZE
    )


def cache_file() -> Path:
    """This Python's file in the user's cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    tag = (
        f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-"
        f"{_sre.CODESIZE}-{sys.byteorder}"
    )
    return Path(base) / "asll" / f"motifs-{tag}.bin"


def compile(source: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's twin
    """`re.compile(source, flags)`, from the cache when this pattern was compiled before."""
    if not enabled():
        return re.compile(source, flags)
    key = (source, int(flags))
    with _lock:
        entry = _stored().get(key) or _new.get(key)
        if entry is None:
            try:
                entry = _program(source, int(flags))
            except re.error:
                raise
            except Exception:  # noqa: BLE001 - re's internals differ: compile as usual
                return re.compile(source, flags)
            _new[key] = entry
        _used.add(key)
    try:
        return _build(source, entry)
    except Exception:  # noqa: BLE001 - a program the engine refuses: compile as usual
        with _lock:
            _new.pop(key, None)
            if _loaded is not None:
                _loaded.pop(key, None)
        return re.compile(source, flags)


def stored() -> list[tuple[str, int]]:
    """The (source, flags) of the patterns the cache file holds."""
    with _lock:
        return list(_stored()) if enabled() else []


def save() -> bool:
    """Write the patterns compiled in this process that the file lacks; True if written.
    Never raises: a cache that cannot be written only costs the next run its time."""
    global _loaded
    if not enabled():
        return False
    with _lock:
        if not _new:
            return False
        stored = _stored()
        entries = {**stored, **_new}
        if _size(entries) > _MAX_BYTES:  # patterns of rules long gone: start again
            entries = {k: v for k, v in entries.items() if k in _used}
        try:
            _write(cache_file(), entries)
        except Exception:  # noqa: BLE001 - no home, read-only, full disk: no cache, that's all
            return False
        _loaded = entries
        _new.clear()
        return True


def _program(source: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands to `_sre.compile`, as plain values."""
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    meta = (flags | parsed.state.flags, parsed.state.groups - 1, groupindex, indexgroup)
    return meta, array.array("I", code)


def _build(source: str, entry: tuple) -> re.Pattern:
    (flags, groups, groupindex, indexgroup), code = entry
    return _sre.compile(source, flags, code.tolist(), groups, groupindex, tuple(indexgroup))


def _size(entries: dict) -> int:
    return sum(len(k[0]) + 4 * len(v[1]) for k, v in entries.items())


def _stored() -> dict:
    """The file's entries, read once per process (empty when missing or not valid)."""
    global _loaded
    if _loaded is None:
        try:
            _loaded = _read(cache_file())
        except Exception:  # noqa: BLE001 - missing, damaged, foreign, no home: compile
            _loaded = {}
    return _loaded


def _read(path: Path) -> dict:
    """The file's entries; each program stays a view on the file's bytes until built."""
    data = path.read_bytes()
    if not data.startswith(_MAGIC):
        raise ValueError("not a pattern cache")
    checksum, body = data[len(_MAGIC) : len(_MAGIC) + 4], memoryview(data)[len(_MAGIC) + 4 :]
    if zlib.crc32(body).to_bytes(4, "little") != checksum:
        raise ValueError("damaged pattern cache")
    size = int.from_bytes(body[:8], "little")
    header = json.loads(bytes(body[8 : 8 + size]).decode("utf-8"))
    codes = body[8 + size :].cast("I")
    entries = {}
    for source, flags, pflags, groups, groupindex, indexgroup, start, count in header:
        code = codes[start : start + count]
        if len(code) != count:
            raise ValueError("damaged pattern cache")
        entries[(source, flags)] = ((pflags, groups, groupindex, indexgroup), code)
    return entries


def _write(path: Path, entries: dict) -> None:
    header, chunks, offset = [], [], 0
    for (source, flags), ((pflags, groups, groupindex, indexgroup), code) in entries.items():
        header.append([source, flags, pflags, groups, groupindex, indexgroup, offset, len(code)])
        chunks.append(code.tobytes())
        offset += len(code)
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body = len(head).to_bytes(8, "little") + head + b"".join(chunks)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=".motifs-", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + zlib.crc32(body).to_bytes(4, "little") + body)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
