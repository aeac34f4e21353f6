"""The text layer of PDFs written by Qt: text copied or extracted is exactly what was printed.

Qt's PDF writer builds each font's ToUnicode map by looking up, for every glyph, the lowest
code point that the font maps to it. With the Noto CJK fonts that gives Kangxi radicals for
common ideographs (一 -> U+2F00, 长 -> U+2ED3, 工 -> U+2F2F), a tab for the space, and nothing
at all for glyphs made by OpenType substitution (digits after a hyphen, the ffi ligature) or
for characters outside the BMP (𠮷). Search and copy in the PDF are then wrong.

The repair records, while pages are drawn, which glyphs of which font stood for which
characters (Qt's own shaping, QTextLayout.glyphRuns), then rewrites every font's ToUnicode map
from that record. Qt numbers a font's glyphs (CIDs) in the order it draws them, so the k-th
glyph shown in a font pairs with the k-th glyph recorded for it; the pairing is checked (one CID
is always one glyph). Where it cannot be checked, Qt's map is kept with radicals mapped back to
the unified ideographs, and glyphs made by substitution have no text at all: the record must
therefore follow the drawing glyph for glyph. Surest is to draw what is recorded (TextLayer.draw,
as the roster does); a document of plain blocks drawn in block order on one page (a letter) may
be recorded after drawing with add_document. Usage:

    layer = TextLayer()
    glyphs = [g for line in lines for g in layer.line_glyphs(line, text)]   # a laid-out QTextLayout
    layer.draw(painter, origin, glyphs)      # or: doc.drawContents(painter, clip); layer.add_document(doc, clip)
    painter.end(); layer.repair(path)

repair() also saves the file compactly (object streams), so a font or an image used on every
page stays stored once.
"""

from __future__ import annotations

import re
import struct
import sys
import unicodedata
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import pikepdf
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QGlyphRun, QPainter, QRawFont, QTextDocument, QTextLayout, QTextLine

from mentormatch import files

# CJK Radicals Supplement code points that the Noto CJK SC fonts draw with the glyph of a unified
# ideograph (from the fonts' cmaps; agrees with Unicode's EquivalentUnifiedIdeograph.txt). The
# Kangxi Radicals block (U+2F00..U+2FD5) is mapped with NFKC instead.
RADICAL_SUPPLEMENT = {
    0x2E82: "乛", 0x2E83: "乚", 0x2E85: "亻", 0x2E89: "刂", 0x2E8E: "兀", 0x2E8F: "尣", 0x2E90: "尢", 0x2E92: "巳",
    0x2E93: "幺", 0x2E94: "彑", 0x2E95: "彐", 0x2E96: "忄", 0x2E98: "扌", 0x2E99: "攵", 0x2E9B: "旡", 0x2E9E: "歺",
    0x2E9F: "母", 0x2EA0: "民", 0x2EA1: "氵", 0x2EA3: "灬", 0x2EA4: "爫", 0x2EA6: "丬", 0x2EA8: "犭", 0x2EAB: "罒",
    0x2EAD: "礻", 0x2EAF: "糹", 0x2EB0: "纟", 0x2EB1: "罓", 0x2EB2: "罒", 0x2EB9: "耂", 0x2EBA: "肀", 0x2EBE: "艹",
    0x2EC1: "虎", 0x2EC2: "衤", 0x2EC3: "覀", 0x2EC5: "见", 0x2EC6: "角", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECB: "车",
    0x2ECC: "辶", 0x2ED0: "钅", 0x2ED1: "長", 0x2ED2: "镸", 0x2ED3: "长", 0x2ED4: "门", 0x2ED6: "阝", 0x2ED8: "青",
    0x2ED9: "韦", 0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EDF: "飠", 0x2EE0: "饣", 0x2EE2: "马",
    0x2EE3: "骨", 0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄", 0x2EEA: "黾",
    0x2EEB: "斉", 0x2EEC: "齐", 0x2EEE: "齿", 0x2EEF: "竜", 0x2EF0: "龙", 0x2EF1: "龜", 0x2EF2: "亀", 0x2EF3: "龟",
}
# characters of a text block that no glyph stands for
_NOT_DRAWN = dict.fromkeys(map(ord, "\u2028\u2029\ufffc\n\r"))
_FLAGS = (QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
          | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes)
_SET_FONT = re.compile(rb"/([^\s/<>\[\]()%]+)\s+[-+.\d]+\s+Tf\b")
_SHOW_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>\s*Tj\b")


class Glyphs(NamedTuple):
    """One glyph run as drawn and as recorded: its font's PostScript name, its glyphs, and the text
    each glyph stands for (a cluster's text goes to its first glyph; the first text of a glyph is kept)."""

    run: QGlyphRun
    font: str
    glyphs: list[int]
    texts: dict[int, str]


class TextLayer:
    """What text each font's glyphs stood for, in the order they were drawn."""

    def __init__(self) -> None:
        self._glyphs: dict[str, array] = {}  # PostScript name -> every glyph drawn in the font, in order
        self._texts: dict[str, dict[int, str]] = {}  # PostScript name -> glyph -> text
        self._names: dict[tuple, str] = {}
        self._engines: dict[QRawFont, str] = {}

    def line_glyphs(self, line: QTextLine, text: str) -> list[Glyphs]:
        """The glyph runs of a laid-out line; text is the whole text of its QTextLayout (or block)."""
        runs = line.glyphRuns(-1, -1, _FLAGS)
        end = line.textStart() + line.textLength()
        out = []
        if not runs:
            return out
        indexes = [run.stringIndexes() for run in runs]
        drawn_to = line.textStart() + sum(map(len, indexes))
        shown = text[line.textStart():drawn_to]
        if (text and max(text) <= "\uffff" and shown.translate(_NOT_DRAWN) == shown and not text[drawn_to:end].strip()
                and [i for starts in indexes for i in starts] == list(range(line.textStart(), drawn_to))):
            # the usual line: one glyph per character (of the BMP), in order, in one run or more (a bold
            # name: a run per font), then perhaps spaces or a line break without glyphs; reversed, a
            # glyph keeps its first text
            for run, starts in zip(runs, indexes):
                glyphs = run.glyphIndexes()
                texts = dict(zip(reversed(glyphs), reversed(text[starts[0]:starts[-1] + 1]))) if starts else {}
                out.append(Glyphs(run, self._font_name(run.rawFont()), glyphs, texts))
            return out
        units = text.encode("utf-16-le")
        drawn = {i for starts in indexes for i in starts}
        # the spaces a wrapped line ends in have no glyph: they belong to no glyph's text
        shown = units[2 * line.textStart():2 * end].decode("utf-16-le", "replace").rstrip()
        end = max(line.textStart() + len(shown.encode("utf-16-le")) // 2, max(drawn, default=-1) + 1)
        starts = sorted(drawn | {end})
        following = dict(zip(starts, starts[1:]))
        seen: set[int] = set()
        for run, run_starts in zip(runs, indexes):
            glyphs = run.glyphIndexes()
            texts: dict[int, str] = {}
            for glyph, start in zip(glyphs, run_starts):
                if start not in seen:  # a cluster's text goes to its first glyph
                    seen.add(start)
                    piece = units[2 * start:2 * following.get(start, end)].decode("utf-16-le", "replace").translate(_NOT_DRAWN)
                    if piece:
                        texts.setdefault(glyph, piece)
            out.append(Glyphs(run, self._font_name(run.rawFont()), glyphs, texts))
        return out

    def draw(self, painter: QPainter, position: QPointF, glyphs: Iterable[Glyphs]) -> None:
        """Draw glyph runs at position and record them, so that what is recorded is what was drawn."""
        for item in glyphs:
            painter.drawGlyphRun(position, item.run)
            self.add(item)

    def add(self, item: Glyphs) -> None:
        """Record a glyph run drawn by the caller."""
        self._glyphs.setdefault(item.font, array("L")).extend(item.glyphs)
        known = self._texts.setdefault(item.font, {})
        if not item.texts.keys() <= known.keys():
            known.update({glyph: text for glyph, text in item.texts.items() if glyph not in known})

    def add_document(self, doc: QTextDocument, clip: QRectF | None = None) -> None:
        """Record the glyphs of doc as QTextDocument.drawContents drew them on one page; clip: the
        part drawn, in document units. Holds for a document in plain blocks drawn in block order
        (a letter); a paginated table is drawn in another order (see roster_pdf)."""
        layout = doc.documentLayout()
        doc.size()  # lays the document out if it is not yet
        block = doc.begin()
        while block.isValid():
            text_layout, text = block.layout(), block.text()
            origin = layout.blockBoundingRect(block).topLeft()
            for number in range(text_layout.lineCount()):
                line = text_layout.lineAt(number)
                if clip is None or clip.intersects(line.rect().translated(origin)):
                    for item in self.line_glyphs(line, text):
                        self.add(item)
            block = block.next()

    def _font_name(self, raw: QRawFont) -> str:
        name = self._engines.get(raw)  # a QRawFont hashes by its font engine: one per font and size
        if name is None:
            key = (raw.familyName(), raw.styleName(), raw.weight(), int(raw.style().value))
            if key not in self._names:
                self._names[key] = postscript_name(raw)
            name = self._engines[raw] = self._names[key]
        return name

    def repair(self, path: str | Path) -> None:
        """Rewrite the ToUnicode maps of the PDF at path (in place) from what was recorded."""
        with files.written_in_place(path) as temp, pikepdf.open(path) as pdf:
            shown = _shown_glyphs(pdf)
            for font, cids in shown.values():
                name = _base_name(font)
                mapping = None
                if _unique_name(shown, name):
                    mapping = _pair(cids, self._glyphs.get(name, array("L")), self._texts.get(name, {}))
                if mapping is None:
                    mapping = _qt_map_corrected(font)
                font.ToUnicode = pdf.make_stream(_to_unicode_cmap(mapping))
            pdf.save(temp, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)


def postscript_name(raw: QRawFont) -> str:
    """The PostScript name (name table, id 6) of a font as Qt writes it in a PDF's BaseFont."""
    data = bytes(raw.fontTable("name"))
    if len(data) < 6:
        return raw.familyName().replace(" ", "")
    count, strings = struct.unpack(">HH", data[2:6])
    for i in range(count):
        platform, _encoding, _language, name_id, length, offset = struct.unpack(">6H", data[6 + 12 * i:18 + 12 * i])
        if name_id == 6:
            value = data[strings + offset:strings + offset + length]
            return (value.decode("utf-16-be") if platform in (0, 3) else value.decode("latin-1")).replace(" ", "_")
    return raw.familyName().replace(" ", "")


def _shown_glyphs(pdf: pikepdf.Pdf) -> dict[tuple[int, int], tuple[pikepdf.Dictionary, array]]:
    """Every Type0 font of the file with the CIDs its text operators show, in page order.

    Read from the content streams as Qt writes them (a font set with Tf, each glyph shown as
    <hex> Tj), with regular expressions: parsing every operator of a thousand pages in Python
    takes seconds. Text shown otherwise is not counted, and the pairing with the record fails
    safely (Qt's own map is kept)."""
    shown: dict[tuple[int, int], tuple[pikepdf.Dictionary, array]] = {}
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", pikepdf.Dictionary()).get("/Font", pikepdf.Dictionary())
        contents = page.obj.get("/Contents")
        streams = [contents] if isinstance(contents, pikepdf.Stream) else list(contents or [])
        parts = _SET_FONT.split(b"\n".join(s.read_bytes() for s in streams))
        segments: dict[bytes, list[bytes]] = {}  # font resource name -> the text after each Tf of it
        for name, segment in zip(parts[1::2], parts[2::2]):
            segments.setdefault(name, []).append(segment)
        for name, parts_of_font in segments.items():
            font = fonts.get("/" + name.decode("latin-1"))
            if font is None or font.get("/Subtype") != "/Type0":
                continue
            codes = bytes.fromhex(b"".join(_SHOW_HEX.findall(b"\n".join(parts_of_font))).decode("ascii"))
            cids = array("H", codes[: len(codes) // 2 * 2])
            if sys.byteorder == "little":
                cids.byteswap()  # two-byte codes are big-endian
            shown.setdefault(font.objgen, (font, array("H")))[1].extend(cids)
    return shown


def _unique_name(shown: dict, name: str) -> bool:
    return sum(1 for font, _ in shown.values() if _base_name(font) == name) == 1


def _base_name(font: pikepdf.Dictionary) -> str:
    """BaseFont without the slash and without a subset tag (ABCDEF+)."""
    return str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]


def _pair(cids: array, glyphs: array, texts: dict[int, str]) -> dict[int, str] | None:
    """CID -> text when the glyphs shown pair one to one with the glyphs recorded, else None."""
    if len(cids) != len(glyphs):
        return None
    glyph_of = dict(zip(cids, glyphs))
    if list(map(glyph_of.__getitem__, cids)) != glyphs.tolist():  # one CID must always be one glyph
        return None
    return {cid: texts[glyph] for cid, glyph in glyph_of.items() if glyph in texts}


def _qt_map_corrected(font: pikepdf.Dictionary) -> dict[int, str]:
    """Qt's own ToUnicode map with radicals turned back into ideographs and the tab into a space."""
    mapping = _parse_cmap(font.ToUnicode.read_bytes()) if "/ToUnicode" in font else {}
    return {cid: "".join(_canonical(ch) for ch in text) for cid, text in mapping.items()}


def _canonical(ch: str) -> str:
    code = ord(ch)
    if 0x2F00 <= code <= 0x2FDF:
        return unicodedata.normalize("NFKC", ch)
    if ch == "\t":
        return " "
    return RADICAL_SUPPLEMENT.get(code, ch)


def _parse_cmap(data: bytes) -> dict[int, str]:
    """The bfchar and bfrange entries of a ToUnicode CMap (as Qt writes them)."""
    tokens = data.decode("latin-1").replace("[", " [ ").replace("]", " ] ").split()
    mapping: dict[int, str] = {}
    i = 0

    def text(hexa: str) -> str:
        return bytes.fromhex(hexa.strip("<>")).decode("utf-16-be", "replace")

    while i < len(tokens):
        if tokens[i] == "beginbfchar":
            i += 1
            while tokens[i] != "endbfchar":
                mapping[int(tokens[i].strip("<>"), 16)] = text(tokens[i + 1])
                i += 2
        elif tokens[i] == "beginbfrange":
            i += 1
            while tokens[i] != "endbfrange":
                low, high = int(tokens[i].strip("<>"), 16), int(tokens[i + 1].strip("<>"), 16)
                if tokens[i + 2] == "[":
                    i += 3
                    for cid in range(low, high + 1):
                        mapping[cid] = text(tokens[i])
                        i += 1
                    i += 1  # "]"
                else:
                    first = text(tokens[i + 2])
                    for offset, cid in enumerate(range(low, high + 1)):
                        mapping[cid] = first[:-1] + chr(ord(first[-1]) + offset) if first else ""
                    i += 3
        i += 1
    return mapping


def _to_unicode_cmap(mapping: dict[int, str]) -> bytes:
    entries = [(cid, text) for cid, text in sorted(mapping.items()) if text]
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for start in range(0, len(entries), 100):  # at most 100 entries per block
        chunk = entries[start:start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>" for cid, text in chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")
