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
the unified ideographs. Usage:

    layer = TextLayer()
    ... draw a QTextDocument on a page, then: layer.add_document(doc)
    painter.end(); layer.repair(path)

repair() also saves the file compactly (object streams), so a font or an image used on every
page stays stored once.
"""

from __future__ import annotations

import struct
import unicodedata
from pathlib import Path

import pikepdf
from PySide6.QtCore import QRectF
from PySide6.QtGui import QRawFont, QTextDocument, QTextLayout

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
_FLAGS = QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
_SHOW_TEXT = {"Tj", "TJ", "'", '"'}


class TextLayer:
    """What text each font's glyphs stood for, in the order they were drawn."""

    def __init__(self) -> None:
        self._drawn: dict[str, list[tuple[int, str]]] = {}  # PostScript name -> [(glyph, text)]
        self._names: dict[tuple, str] = {}

    def add_document(self, doc: QTextDocument, clip: QRectF | None = None) -> None:
        """Record the glyphs of doc as drawn on one page; clip: the part drawn, in document units."""
        layout = doc.documentLayout()
        doc.size()  # lays the document out if it is not yet
        block = doc.begin()
        while block.isValid():
            text_layout = block.layout()
            units = block.text().encode("utf-16-le")
            origin = layout.blockBoundingRect(block).topLeft()
            for number in range(text_layout.lineCount()):
                line = text_layout.lineAt(number)
                if clip is not None and not clip.intersects(line.rect().translated(origin)):
                    continue
                runs = line.glyphRuns(-1, -1, _FLAGS)
                end = line.textStart() + line.textLength()
                starts = sorted({i for run in runs for i in run.stringIndexes()} | {end})
                following = dict(zip(starts, starts[1:]))
                seen: set[int] = set()
                for run in runs:
                    drawn = self._drawn.setdefault(self._font_name(run.rawFont()), [])
                    for glyph, start in zip(run.glyphIndexes(), run.stringIndexes()):
                        text = ""
                        if start not in seen:  # a cluster's text goes to its first glyph
                            seen.add(start)
                            text = units[2 * start:2 * following.get(start, end)].decode("utf-16-le", "replace")
                        drawn.append((glyph, text.translate(_NOT_DRAWN)))
            block = block.next()

    def _font_name(self, raw: QRawFont) -> str:
        key = (raw.familyName(), raw.styleName(), raw.weight(), int(raw.style().value))
        if key not in self._names:
            self._names[key] = postscript_name(raw)
        return self._names[key]

    def repair(self, path: str | Path) -> None:
        """Rewrite the ToUnicode maps of the PDF at path (in place) from what was recorded."""
        with files.written_in_place(path) as temp, pikepdf.open(path) as pdf:
            shown = _shown_glyphs(pdf)
            for font, cids in shown.values():
                name = _base_name(font)
                mapping = _pair(cids, self._drawn.get(name, [])) if _unique_name(shown, name) else None
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


def _shown_glyphs(pdf: pikepdf.Pdf) -> dict[tuple[int, int], tuple[pikepdf.Dictionary, list[int]]]:
    """Every Type0 font of the file with the CIDs its text operators show, in page order."""
    shown: dict[tuple[int, int], tuple[pikepdf.Dictionary, list[int]]] = {}
    for page in pdf.pages:
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        fonts = resources.get("/Font", pikepdf.Dictionary())
        current: list[int] | None = None
        for operands, operator in pikepdf.parse_content_stream(page, "Tf Tj TJ ' \""):
            op = str(operator)
            if op == "Tf":
                font = fonts.get(str(operands[0]))
                if font is None or font.get("/Subtype") != "/Type0":
                    current = None
                    continue
                current = shown.setdefault(font.objgen, (font, []))[1]
            elif op in _SHOW_TEXT and current is not None:
                strings = operands[0] if op == "TJ" else operands[-1:]
                for item in strings:
                    if isinstance(item, pikepdf.String):
                        raw = bytes(item)
                        current.extend(struct.unpack(f">{len(raw) // 2}H", raw[: len(raw) // 2 * 2]))
    return shown


def _unique_name(shown: dict, name: str) -> bool:
    return sum(1 for font, _ in shown.values() if _base_name(font) == name) == 1


def _base_name(font: pikepdf.Dictionary) -> str:
    """BaseFont without the slash and without a subset tag (ABCDEF+)."""
    return str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]


def _pair(cids: list[int], drawn: list[tuple[int, str]]) -> dict[int, str] | None:
    """CID -> text when the glyphs shown pair one to one with the glyphs recorded, else None."""
    if len(cids) != len(drawn):
        return None
    glyph_of: dict[int, int] = {}
    mapping: dict[int, str] = {}
    for cid, (glyph, text) in zip(cids, drawn):
        if glyph_of.setdefault(cid, glyph) != glyph:
            return None
        if text and cid not in mapping:
            mapping[cid] = text
    return mapping


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
