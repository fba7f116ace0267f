"""Fingerprints that let a finding be recognised again after the code around it changed.

Two kinds, for two consumers:

* ``primaryLocationLineHash`` — the value GitHub code scanning matches alerts with. The
  github/codeql-action upload step computes it for every result that lacks one, and warns
  (keeping ours) when a result carries a different value, so ours must be bit-for-bit the
  same. The algorithm, re-implemented here from its description in codeql-action's
  ``src/fingerprints.ts``:

  - the file is read as UTF-8 (invalid bytes become U+FFFD, a BOM is kept) and walked in
    UTF-16 code units, as JavaScript's ``charCodeAt`` does;
  - spaces and tabs are skipped, CR and CRLF become LF;
  - a line's hash is the base-37 polynomial, wrapping at 64 bits, over the 100 code units
    that start at its first non-blank unit; after the last unit comes the value 65535, then
    zeros;
  - the hash is written as unsigned lower-case hex without leading zeros, followed by
    ``:n`` where ``n`` counts how often that hash has occurred so far in the file.

  A file with N line breaks has N + 1 lines (the empty "line" after a final newline counts).

* ``baseline_key`` — v6lint's own key for ``--baseline`` and SARIF's
  ``partialFingerprints["v6lint/v1"]``. It hashes the rule code, the path and the finding's
  line with its whitespace collapsed, plus an occurrence index among findings with the same
  triple, so it survives lines moving and edits elsewhere in the file, and two identical
  findings in one file stay distinct.
"""

from __future__ import annotations

import array
import hashlib
import itertools
import re
import sys
from typing import Callable, Iterable, Optional, Sequence

from v6lint.model import Finding

SourceLookup = Callable[[Finding], Optional[str]]
PathLookup = Optional[Callable[[Finding], str]]

_BLOCK = 100
_MASK = (1 << 64) - 1
_BASE = 37
_BASE_POW_BLOCK = pow(_BASE, _BLOCK, 1 << 64)
_EOF = 65535
_LF = 0x0A

# Python's own line splitting (str.splitlines) also breaks on \v, \f, U+2028...; engines and
# GitHub count only these three.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def decode_like_node(data: bytes) -> str:
    """Decode file bytes the way the upload action's ``fs.createReadStream(path, "utf8")`` does."""
    return data.decode("utf-8", errors="replace")


def line_hashes(text: str) -> list[str]:
    """Every line's ``primaryLocationLineHash``; element ``i`` belongs to line ``i + 1``.

    One pass over the file, so a SARIF report with many results in one file hashes it once.
    """
    # Normalise line ends before dropping blanks: "\r \n" is two line breaks, "\r\n" one.
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    normalised = normalised.replace(" ", "").replace("\t", "")
    units = array.array("H")
    units.frombytes(normalised.encode("utf-16-le"))
    if sys.byteorder == "big":
        units.byteswap()
    units.append(_EOF)
    count = len(units)
    # Each line starts at offset 0 or just after an LF; the last start is the EOF marker's.
    starts = [0]
    starts.extend(i + 1 for i, unit in enumerate(units) if unit == _LF)
    # prefix[i] is the polynomial over units[:i]; the zeros past the end add nothing, so the
    # window at p is prefix[min(p + 100, count)] * 37^(padding) - prefix[p] * 37^100.
    prefix = list(
        itertools.accumulate(units, lambda acc, unit: (acc * _BASE + unit) & _MASK, initial=0)
    )
    seen: dict[int, int] = {}
    hashes = []
    for start in starts:
        end = start + _BLOCK
        if end <= count:
            value = prefix[end] - prefix[start] * _BASE_POW_BLOCK
        else:
            value = (prefix[count] - prefix[start] * pow(_BASE, count - start, 1 << 64)) * pow(
                _BASE, end - count, 1 << 64
            )
        value &= _MASK
        seen[value] = seen.get(value, 0) + 1
        hashes.append(f"{value:x}:{seen[value]}")
    return hashes


def primary_location_line_hash(text: str, line: int) -> str:
    """The ``primaryLocationLineHash`` GitHub computes for a result starting on ``line``."""
    hashes = line_hashes(text)
    if not 1 <= line <= len(hashes):
        raise ValueError(f"line {line} is outside the file (1..{len(hashes)})")
    return hashes[line - 1]


def split_lines(text: str) -> list[str]:
    """The file's lines as the engines number them (only CRLF, CR and LF end a line)."""
    return _LINE_BREAK.split(text)


def normalised_line(lines: Sequence[str], line: int) -> str:
    """Line ``line`` (1-based) with all whitespace runs collapsed; "" when out of range."""
    if 1 <= line <= len(lines):
        # A BOM is kept by some decoders and dropped by others: it must not change a key.
        return " ".join(lines[line - 1].replace("\ufeff", "").split())
    return ""


def baseline_key(
    finding: Finding,
    source_text: Optional[str],
    occurrence: int = 0,
    *,
    path: Optional[str] = None,
    lines: Optional[Sequence[str]] = None,
) -> str:
    """v6lint's stable key for ``finding``: see the module docstring.

    ``occurrence`` is the finding's index among findings sharing code, path and normalised
    line (use `baseline_keys` to get it right); ``path`` overrides ``finding.path`` (the
    baseline stores paths relative to its own directory); ``lines`` saves re-splitting a file.
    """
    if lines is None:
        lines = split_lines(source_text or "")
    text = normalised_line(lines, finding.span.start.line)
    key_path = (path if path is not None else finding.path).replace("\\", "/")
    material = "\0".join((finding.code, key_path, text, str(occurrence)))
    return "v1:" + hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


def baseline_keys(
    findings: Iterable[Finding],
    source_for: SourceLookup,
    path_for: PathLookup = None,
) -> list[str]:
    """Keys for ``findings`` in order, with occurrence indexes counted in source order.

    ``source_for(finding)`` returns the file's text or None; ``path_for(finding)`` the path
    to hash (default: ``finding.path``).
    """
    items = list(findings)
    split_cache: dict[str, list[str]] = {}
    triples = []
    for finding in items:
        key_path = path_for(finding) if path_for else finding.path
        if key_path not in split_cache:
            split_cache[key_path] = split_lines(source_for(finding) or "")
        lines = split_cache[key_path]
        triples.append((finding.code, key_path, normalised_line(lines, finding.span.start.line)))
    # Occurrences are counted in position order, whatever order the caller passed.
    order = sorted(range(len(items)), key=lambda i: (triples[i][1], items[i].span, items[i].code))
    counts: dict[tuple, int] = {}
    keys: list[str] = [""] * len(items)
    for i in order:
        occurrence = counts.get(triples[i], 0)
        counts[triples[i]] = occurrence + 1
        finding = items[i]
        keys[i] = baseline_key(
            finding, None, occurrence, path=triples[i][1], lines=split_cache[triples[i][1]]
        )
    return keys
