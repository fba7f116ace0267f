"""primaryLocationLineHash must equal what github/codeql-action computes; v6lint's own key must
survive unrelated edits."""

from __future__ import annotations

import random

import pytest

from v6lint.fingerprints import (
    baseline_key,
    baseline_keys,
    decode_like_node,
    line_hashes,
    primary_location_line_hash,
    split_lines,
)
from v6lint.model import Finding, Position, Span

EMPTY_FILE_HASH = "c129715d7a2bc9a3:1"

# Inputs and expected values published in codeql-action's src/fingerprints.test.ts.
GITHUB_VECTORS = [
    ("", [EMPTY_FILE_HASH]),
    (
        " a\nb\n  \t\tc\n d",
        ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"],
    ),
    (
        " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
        [
            "8b7cf3e952e7aeb2:1",
            "b1ae1287ec4718d9:1",
            "bff680108adb0fcc:1",
            "c6805c5e1288b612:1",
            "b86d3392aea1be30:1",
            "e6ceba753e1a442:1",
        ],
    ),
    (
        "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n",
        [
            "e54938cc54b302f1:1",
            "bb609acbe9138d60:1",
            "1131fd5871777f34:1",
            "5c482a0f8b35ea28:1",
            "54517377da7028d2:1",
            "2c644846cb18d53e:1",
            "f1b89f20de0d133:1",
            EMPTY_FILE_HASH,
        ],
    ),
]

GREETINGS = [
    "e9496ae3ebfced30:1",
    "fb7c023a8b9ccb3f:1",
    "ce8ba1a563dcdaca:1",
    "e20e36e16fcb0cc8:1",
    "b3edc88f2938467e:1",
    "c8e28b0b4002a3a0:1",
    EMPTY_FILE_HASH,
]
# The same text with every style of line end hashes the same (also from codeql-action's tests).
LINE_END_VARIANTS = [
    " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
    " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
    " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
    " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
]

# Computed with a transcription of codeql-action's hash() run under Node 20 (reading the file
# through fs.createReadStream(path, "utf8"), as the action does).
NODE_VECTORS = [
    ("a = 1\r\nb = 2\r\n", ["3500b72a4d7dbe57:1", "4cd2d5cdff705f66:1", EMPTY_FILE_HASH]),
    ("a = 1\rb = 2\r", ["3500b72a4d7dbe57:1", "4cd2d5cdff705f66:1", EMPTY_FILE_HASH]),
    ("x = '😀'\ny = '😀😀'\n", ["b6dd8aea7cbd39c9:1", "c5313722df3f9e8f:1", EMPTY_FILE_HASH]),
    # 60 astral characters are 120 UTF-16 units: the window ends inside the line.
    ("s = '" + "😀" * 60 + "'\nt = 1", ["a9b0b4232cd6908c:1", "ace2096c31d5cded:1"]),
    ("import socket\nsocket.gethostbyname(h)", ["2e479cfdf1d9ff2f:1", "52cc131b38ac8a95:1"]),
    ("\ufeffimport socket\n", ["3b64ed975dff71c4:1", EMPTY_FILE_HASH]),
    ("x" * 150 + "\n" + "y" * 30, ["52b56201ffb58620:1", "eed45a972b109c75:1"]),
]


def reference_hashes(text: str) -> list[str]:
    """A literal, character-at-a-time rendering of the documented algorithm (slow but plain)."""
    mask = (1 << 64) - 1
    window = [0] * 100
    starts = [-1] * 100
    value, index, line, line_start, prev_cr = 0, 0, 0, True, False
    counts: dict[int, int] = {}
    out: list[tuple[int, str]] = []
    first_mod = pow(37, 100, 1 << 64)

    def emit():
        counts[value] = counts.get(value, 0) + 1
        out.append((starts[index], f"{value:x}:{counts[value]}"))
        starts[index] = -1

    def push(unit):
        nonlocal value, index
        old = window[index]
        window[index] = unit
        value = (37 * value + unit - first_mod * old) & mask
        index = (index + 1) % 100

    # JavaScript strings are UTF-16: astral characters are two surrogate code units.
    fixed = []
    for ch in text:
        code = ord(ch)
        if code < 0x10000:
            fixed.append(code)
        else:
            code -= 0x10000
            fixed.extend((0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
    units = fixed + [65535]
    for unit in units:
        if unit in (0x20, 0x09) or (prev_cr and unit == 0x0A):
            prev_cr = False
            continue
        if unit == 0x0D:
            unit, prev_cr = 0x0A, True
        else:
            prev_cr = False
        if starts[index] != -1:
            emit()
        if line_start:
            line_start = False
            line += 1
            starts[index] = line
        if unit == 0x0A:
            line_start = True
        push(unit)
    for _ in range(100):
        if starts[index] != -1:
            emit()
        push(0)
    assert [n for n, _ in out] == list(range(1, len(out) + 1))
    return [h for _, h in out]


@pytest.mark.parametrize("text,expected", GITHUB_VECTORS + NODE_VECTORS)
def test_known_values(text, expected):
    assert line_hashes(text) == expected
    assert reference_hashes(text) == expected


@pytest.mark.parametrize("text", LINE_END_VARIANTS)
def test_line_end_styles_hash_alike(text):
    assert line_hashes(text) == GREETINGS


def test_duplicate_counter():
    # Identical 100-unit windows get :1, :2, ...; the last lines see the end of file and differ.
    hashes = line_hashes("Lorem ipsum dolor sit amet.\n" * 10)
    assert hashes[:6] == [f"a7f2ff13bc495cf2:{n}" for n in range(1, 7)]
    assert hashes[6:] == [
        "a7f2ff1481e87703:1",
        "a9cf91f7bbf1862b:1",
        "55ec222b86bcae53:1",
        "cc97dc7b1d7d8f7b:1",
        EMPTY_FILE_HASH,
    ]


def test_primary_location_line_hash():
    text = "import socket\nsocket.gethostbyname(h)"
    assert primary_location_line_hash(text, 2) == "52cc131b38ac8a95:1"
    assert primary_location_line_hash("", 1) == EMPTY_FILE_HASH
    with pytest.raises(ValueError):
        primary_location_line_hash(text, 3)


def test_invalid_utf8_decodes_as_node_does():
    # Node turns invalid bytes into U+FFFD and keeps a BOM; so must we.
    assert decode_like_node(b"\xef\xbb\xbfa\xff") == "\ufeffa\ufffd"


def test_line_count_matches_engine_line_numbers():
    # \f, \v and U+2028 are not line breaks for GitHub or libcst.
    text = "a\fb\vc\u2028d\r\ne\rf\n"
    assert len(line_hashes(text)) == len(split_lines(text)) == 4


def test_matches_reference_on_random_text():
    rng = random.Random(1234)
    pieces = ["a", "b", " ", "\t", "\n", "\r", "\r\n", "x = 1", "😀", "é", "\ufeff", "漢", "AF_INET"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 300)))
        assert line_hashes(text) == reference_hashes(text), repr(text)


def make(line: int, code: str = "V6101", path: str = "a.py") -> Finding:
    return Finding(code, "af-inet-socket", path, Span(Position(line, 5), Position(line, 9)), "m")


def test_baseline_key_ignores_moves_and_whitespace():
    before = "import socket\ns = socket.socket(socket.AF_INET)\n"
    after = "import socket\n\n\n# comment\nif True:\n    s  =  socket.socket(socket.AF_INET)\n"
    assert baseline_key(make(2), before) == baseline_key(make(6), after)


def test_baseline_key_changes_with_code_path_text_and_occurrence():
    text = "s = socket.socket(socket.AF_INET)\n"
    key = baseline_key(make(1), text)
    assert key != baseline_key(make(1, code="V6102"), text)
    assert key != baseline_key(make(1, path="b.py"), text)
    assert key != baseline_key(make(1), "t = socket.socket(socket.AF_INET)\n")
    assert key != baseline_key(make(1), text, occurrence=1)


def test_baseline_keys_count_identical_findings_in_position_order():
    text = "s = socket.socket(socket.AF_INET)\n" * 3
    findings = [make(3), make(1), make(2)]
    keys = baseline_keys(findings, lambda f: text)
    assert len(set(keys)) == 3
    # The first line gets occurrence 0 wherever it sits in the input.
    assert keys[1] == baseline_key(make(1), text, 0)
    assert keys[0] == baseline_key(make(3), text, 2)


def test_baseline_key_ignores_bom():
    assert baseline_key(make(1), "\ufeffx = 1\n") == baseline_key(make(1), "x = 1\n")
