"""Mutants of the real samples, for the fuzz tests: byte flips, truncations, splices and
damaged entries of Word files. Deterministic: a seed gives the same inputs everywhere."""

from __future__ import annotations

import io
import random
import zipfile

from asll.config import PROJECT_ROOT

SAMPLES = PROJECT_ROOT / "samples" / "documents"


def sample_bytes() -> list[tuple[str, bytes]]:
    return [
        (p.name, p.read_bytes())
        for p in sorted(SAMPLES.iterdir())
        if p.is_file() and p.stat().st_size > 0
    ]


def _flip(rng, data):
    data = bytearray(data)
    for _ in range(rng.choice((1, 2, 8, 64))):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _truncate(rng, data):
    return data[: rng.randrange(1, len(data))]


def _cut_middle(rng, data):
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.choice((1, 16, 512, 4096)))
    return data[:a] + data[b:]


def _splice(rng, data, other):
    return data[: rng.randrange(len(data))] + other[rng.randrange(len(other)) :]


def _repeat(rng, data):
    a = rng.randrange(len(data))
    chunk = data[a : a + rng.choice((8, 256, 2048))]
    return data[:a] + chunk * rng.choice((2, 50)) + data[a:]


def _zip_entry(rng, data):
    """A Word file with one entry damaged (bytes flipped, cut or emptied), re-zipped."""
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        entries = [(i, zin.read(i)) for i in zin.infolist()]
    except Exception:
        return _flip(rng, data)
    target = rng.randrange(len(entries))
    xml_targets = [k for k, (i, _) in enumerate(entries) if i.filename.endswith(".xml")]
    if xml_targets and rng.random() < 0.7:
        target = rng.choice(xml_targets)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for k, (info, content) in enumerate(entries):
            if k == target:
                how = rng.randrange(4)
                if how == 0 and content:
                    content = _flip(rng, content)
                elif how == 1 and content:
                    content = content[: rng.randrange(len(content))]
                elif how == 2:
                    content = b""
                else:
                    continue  # entry missing
            zout.writestr(info.filename, content)
    return out.getvalue()


def mutants(count: int, seed: int) -> list[tuple[str, bytes]]:
    """`count` (name, bytes) mutants, each named after its sample (its extension kept)."""
    rng = random.Random(seed)
    samples = sample_bytes()
    out = []
    for n in range(count):
        name, data = rng.choice(samples)
        ops = [_flip, _truncate, _cut_middle, _repeat, _splice]
        if name.endswith(".docx") and data[:2] == b"PK":
            ops += [_zip_entry] * 4
        op = rng.choice(ops)
        if op is _splice:
            mutated = _splice(rng, data, rng.choice(samples)[1])
        else:
            mutated = op(rng, data)
        stem, dot, ext = name.rpartition(".")
        out.append((f"{n:04d} {op.__name__.strip('_')} {stem}.{ext}", mutated))
    return out
