"""Reading rosters as tables: workbooks (.xlsx, .xlsm, .xls, .ods, read by python-calamine) and .csv/.txt text files.

A table is a header row and the rows below it, each with its row number in the file so that
messages can name it. Cell values keep their types from the workbook (str, int, float,
datetime) so that the importer can tell a number Excel made from a text typed in.

Text files are decoded as UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode
text"), else GB18030, the superset of the GBK that Excel on Chinese Windows writes. Only these
occur in practice, and UTF-8 is self-checking: GBK text is virtually never valid UTF-8, so
strict UTF-8 first, then GB18030, is exact where statistical detection can mistake a short
GBK file for Big5 or Latin-1.

A city bureau's roster has 200,000 rows: the file is read row by row (the text is decoded in
pieces, never held whole), and a cell that repeats down its column (a college, a major, a class,
a date) is kept as one string shared by the rows that have it.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mentormatch.errors import UserError
from mentormatch.i18n import translate

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
BOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
OLD_SUFFIXES = (".et", ".numbers")
HEADER_SEARCH_ROWS = 30
SHARING_SAMPLE = 2000  # rows after which a column whose cells hardly repeat is no longer shared
CHUNK = 1 << 20  # bytes of a text file checked at a time
EXACT = 1e15  # Excel keeps 15 significant digits of a number
# calamine lays a sheet out as one block from its first cell to its last; a block of more cells
# than this (~700 MB) is refused before it is read: a failed allocation ends the process at once
MOST_CELLS = 20_000_000
# a reference past column Z or row 99,999, in a cell or a row: only then can the block be large
# (26 × 99,999 cells at most otherwise), so only then are the references read one by one
_FAR_REFERENCE = re.compile(rb' r="(?:[A-Z]{2}|[A-Z]*[0-9]{6})')
_REFERENCE = re.compile(rb' r="([A-Z]*)([0-9]*)"')


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, tuple]] = field(default_factory=list)  # (row number in the file, values)
    header_row: int = 1
    sheet: str = ""


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a table of 20,000 rows is read, checked or
    written: its cells hold no reference cycles, yet each of the many collections that their
    creation triggers walks every object of the process (a third of the time of an export)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def sheet_names(path: str | Path) -> list[str]:
    """The visible worksheets of a workbook; a text file has one unnamed sheet."""
    path = Path(path)
    _check_suffix(path)
    if path.suffix.lower() not in BOOK_SUFFIXES:
        return [""]
    book = _open_book(path)
    try:
        with _reading_book(path):
            return _worksheets(book)
    finally:
        book.close()


def _rows(path: Path, sheet: str | None) -> tuple[str, Iterator[list]]:
    """The name of the sheet read ("" for a text file) and its rows."""
    _check_suffix(path)
    if path.suffix.lower() in BOOK_SUFFIXES:
        return _book_rows(path, sheet)
    return "", _read_text(path)


def read_table(path: str | Path, sheet: str | None = None, is_header: Callable[[str], bool] = lambda text: False) -> Table:
    """Read the file and find its header row; is_header(text) says whether a cell names a known column."""
    with collector_paused():
        sheet, cells = _rows(Path(path), sheet)
        cells = _shared(cells)
        top = list(itertools.islice(cells, HEADER_SEARCH_ROWS))
        index = find_header(top, is_header)
        while index is None:  # only blank rows so far: the first row with a cell is the header
            row = next(cells, None)
            if row is None:
                raise UserError(translate("Tabular", "{file}: no header row was found; the sheet is empty.").format(file=Path(path).name))
            top.append(row)
            if any(_header_text(v) for v in row):
                index = len(top) - 1
        header = top[index]
        table = Table(headers=[], header_row=index + 1, sheet=sheet)
        width = len(header)
        for number, row in enumerate(itertools.chain(top[index + 1:], cells), start=index + 2):
            width = max(width, len(row))
            if any(v is not None and str(v).strip() for v in row):
                table.rows.append((number, tuple(row)))  # a tuple: 30–80 bytes less a row than a list
        table.headers = [_header_text(v) for v in header] + [""] * (width - len(header))
        for i, (number, row) in enumerate(table.rows):
            if len(row) < width:
                table.rows[i] = (number, (*row, *[None] * (width - len(row))))
    return table


def _shared(rows: Iterable[list]) -> Iterator[list]:
    """The rows as lists of their exact length, a text that repeats down its column (a college,
    a major, a class, a date) as one string: a roster's 200,000 colleges are a few strings. A
    column whose first SHARING_SAMPLE cells hardly repeat (names, ID numbers) is left alone after them."""
    pools: dict[int, dict] = {}  # column -> its texts
    for count, row in enumerate(rows, start=1):
        row = list(row)
        if count <= SHARING_SAMPLE:
            for index, value in enumerate(row):
                if value.__class__ is str:
                    row[index] = pools.setdefault(index, {}).setdefault(value, value)
            if count == SHARING_SAMPLE:
                pools = {index: pool for index, pool in pools.items() if len(pool) < SHARING_SAMPLE * 9 // 10}
        else:
            for index, pool in pools.items():
                if index < len(row) and row[index].__class__ is str:
                    row[index] = pool.setdefault(row[index], row[index])
        yield row


def find_header(cells: list[list], is_header: Callable[[str], bool]) -> int | None:
    """Index of the header row among the first rows: the one naming most known columns.

    Title rows (一个合并的标题) and blank rows above the header are passed over; without any
    known column name, the first row with at least two filled cells is taken.
    """
    best, best_known = None, 0
    first_wide = None
    for i, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        texts = [_header_text(v) for v in row]
        filled = [t for t in texts if t]
        known = sum(1 for t in filled if is_header(t))
        if known > best_known:
            best, best_known = i, known
        if first_wide is None and len(filled) >= 2:
            first_wide = i
    if best is not None:
        return best
    if first_wide is not None:
        return first_wide
    return next((i for i, row in enumerate(cells) if any(_header_text(v) for v in row)), None)


def _header_text(value) -> str:
    return "" if value is None else " ".join(str(value).split())


def _check_suffix(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in OLD_SUFFIXES:
        raise UserError(
            translate("Tabular", "{file} is an old or foreign spreadsheet format ({suffix}). Open it in Excel or WPS and save it as "
                      "an Excel workbook (.xlsx), then import that file.").format(file=path.name, suffix=suffix)
        )
    if suffix not in BOOK_SUFFIXES + TEXT_SUFFIXES:
        raise UserError(
            translate("Tabular", "{file}: only spreadsheets (.xlsx, .xls, .ods) and text tables (.csv, .txt) can be imported.").format(file=path.name)
        )
    if not path.is_file():
        raise UserError(translate("Tabular", "{file} does not exist or is not a file.").format(file=path))


@contextmanager
def _reading_book(path: Path) -> Iterator[None]:
    """A damaged workbook makes the reader raise almost anything (zip, XML and format errors, and
    pyo3's PanicException, a BaseException, if calamine's Rust code panics): whatever it raises
    while it reads the file becomes a UserError naming the file."""
    try:
        yield
    except (UserError, GeneratorExit, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 — only calamine's reading of the user's file runs inside
        with open(path, "rb") as fh:
            known = fh.read(4) in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # a zip (.xlsx, .ods) or an OLE file (.xls)
        detail = (str(exc) or type(exc).__name__) if known else translate("Tabular", "it is not a spreadsheet workbook")
        raise UserError(
            translate("Tabular", "{file} cannot be read ({detail}). Open it in Excel or WPS and save it again as .xlsx.").format(
                file=path.name, detail=detail)
        ) from exc


def _open_book(path: Path):
    """The workbook, whatever its name says: calamine tells .xlsx, .xls and .ods by their content,
    as Excel and WPS open a renamed file."""
    from python_calamine import CalamineWorkbook

    with _reading_book(path), open(path, "rb") as fh:
        return CalamineWorkbook.from_filelike(fh)


def _worksheets(book) -> list[str]:
    """The visible worksheets of the book (chart sheets and hidden sheets are not rosters), or all
    its worksheets if every one is hidden."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    sheets = [m for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    visible = [m.name for m in sheets if m.visible == SheetVisibleEnum.Visible]
    return visible or [m.name for m in sheets]


def _book_rows(path: Path, sheet: str | None) -> tuple[str, Iterator[list]]:
    """The name of the sheet read (the first visible one if none is named) and its rows."""
    book = _open_book(path)
    try:
        with _reading_book(path):
            names = _worksheets(book)
            if sheet and sheet not in book.sheet_names:
                raise UserError(
                    translate("Tabular", "{file} has no sheet named {sheet}; its sheets are: {sheets}.").format(
                        file=path.name, sheet=sheet, sheets="、".join(names))
                )
            if not sheet and not names:
                raise UserError(translate("Tabular", "{file} has no worksheet, only charts or nothing at all.").format(file=path.name))
            name = sheet or names[0]
            _refuse_a_sheet_too_large(path, name)
            rows = book.get_sheet_by_name(name).iter_rows()  # from the sheet's first row, blank rows included
    except BaseException:
        book.close()
        raise
    return name, _book_cells(path, book, rows)


def _refuse_a_sheet_too_large(path: Path, name: str) -> None:
    """UserError when an .xlsx sheet's cells reach so far (a stray entry at row 1,048,576, a
    reference no spreadsheet writes) that calamine's block of them would not fit in memory."""
    if not zipfile.is_zipfile(path):
        return  # .xls keeps its extent in its own records, which calamine checks
    with zipfile.ZipFile(path) as archive:
        part = _sheet_part(archive, name)
        if part is None:
            return  # not an .xlsx sheet (an .ods): calamine reads it cell by cell
        xml = archive.read(part)
    if not _FAR_REFERENCE.search(xml):
        return
    rows = columns = 0
    for letters, digits in _REFERENCE.findall(xml):
        column = 0
        for letter in letters:
            column = column * 26 + letter - 64
        rows, columns = max(rows, int(digits or 0)), max(columns, column)
    if rows * columns > MOST_CELLS:
        raise UserError(translate("Tabular", "{file}: the sheet {sheet} reaches row {rows} and column {columns}, too far to be "
                                             "read. Something probably stands in a cell far below or to the right of the list: "
                                             "in Excel or WPS, delete the rows below the list and the columns to its right, "
                                             "save, and import again.").format(file=path.name, sheet=name, rows=rows, columns=columns))


def _sheet_part(archive: zipfile.ZipFile, name: str) -> str | None:
    """The part of the .xlsx that holds the sheet named, by the workbook and its relationships; None if it has none."""
    import xml.etree.ElementTree as ET

    try:
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        relations = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError):
        return None
    ids = [value for element in workbook.iter() if element.tag.rsplit("}", 1)[-1] == "sheet" and element.get("name") == name
           for key, value in element.attrib.items() if key.rsplit("}", 1)[-1] == "id"]
    for relation in relations.iter():
        if ids and relation.get("Id") == ids[0]:
            target = relation.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            return part if part in archive.namelist() else None
    return None


def _book_cells(path: Path, book, rows: Iterator[list]) -> Iterator[list]:
    """The rows with cells as Excel wrote them: an empty cell None, a whole number of up to 15
    digits an int (20260901, not '20260901.0'), a longer one a float as Excel keeps it (5.10722E+17:
    its last digits are lost, and excel_repair says so)."""
    try:
        with _reading_book(path):
            for row in rows:
                yield [None if v == "" else int(v) if v.__class__ is float and v.is_integer() and -EXACT < v < EXACT else v
                       for v in row]
    finally:
        book.close()


def encoding(data: bytes) -> tuple[str, str]:
    """(encoding, errors) of a CSV's bytes: UTF-16 or UTF-8 by BOM, else strict UTF-8, else GB18030
    (GBK) with a replacement character for a damaged byte. A UTF-16 file cut off or damaged is
    refused: UnicodeDecodeError naming the byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if not _decodes(data, "utf-16"):
            data.decode("utf-16")  # raises, with the offset of the bad byte in the whole file
        return "utf-16", "strict"
    return ("utf-8-sig", "strict") if _decodes(data, "utf-8") else ("gb18030", "replace")


def _decodes(data: bytes, name: str) -> bool:
    """Whether data is valid text in the encoding, checked a piece at a time (not held as text)."""
    decoder = codecs.getincrementaldecoder(name)()
    view = memoryview(data)
    try:
        for start in range(0, len(data), CHUNK):
            decoder.decode(view[start:start + CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _read_text(path: Path) -> Iterator[list]:
    try:
        data = path.read_bytes()
        text = io.TextIOWrapper(io.BytesIO(data), *encoding(data), newline="")
    except OSError as exc:
        raise UserError(translate("Tabular", "{file} cannot be read: {error}").format(file=path.name, error=exc.strerror or exc)) from exc
    except UnicodeDecodeError as exc:
        raise UserError(translate("Tabular", "{file} is damaged: it says it is Unicode (UTF-16) text, but byte {offset} is not. "
                                             "Open it in Excel or WPS and save it again.").format(file=path.name, offset=exc.start + 1)) from exc
    sample = text.read(20000)
    text.seek(0)
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    try:
        yield from csv.reader(text, delimiter=delimiter)
    except csv.Error as exc:
        raise UserError(translate("Tabular", "{file} is not a valid CSV table: {error}").format(file=path.name, error=exc)) from exc
