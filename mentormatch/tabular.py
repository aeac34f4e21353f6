"""Reading rosters as tables: .xlsx workbooks and .csv/.txt text files.

A table is a header row and the rows below it, each with its row number in the file so that
messages can name it. Cell values keep their types from the workbook (str, int, float,
datetime) so that the importer can tell a number Excel made from a text typed in.

Text files are decoded as UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode
text"), else GB18030, the superset of the GBK that Excel on Chinese Windows writes. Only these
occur in practice, and UTF-8 is self-checking: GBK text is virtually never valid UTF-8, so
strict UTF-8 first, then GB18030, is exact where statistical detection can mistake a short
GBK file for Big5 or Latin-1.
"""

from __future__ import annotations

import csv
import gc
import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mentormatch.errors import UserError
from mentormatch.i18n import translate

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
BOOK_SUFFIXES = (".xlsx", ".xlsm")
OLD_SUFFIXES = (".xls", ".et", ".ods", ".numbers")
HEADER_SEARCH_ROWS = 30


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)  # (row number in the file, values)
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
    """The worksheets of a workbook; a text file has one unnamed sheet."""
    path = Path(path)
    _check_suffix(path)
    if path.suffix.lower() not in BOOK_SUFFIXES:
        return [""]
    book = _open_book(path)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def read_cells(path: str | Path, sheet: str | None = None) -> list[list]:
    """All rows of the file (or of one sheet), as lists of cell values."""
    path = Path(path)
    _check_suffix(path)
    if path.suffix.lower() in BOOK_SUFFIXES:
        return _read_book(path, sheet)
    return _read_text(path)


def read_table(path: str | Path, sheet: str | None = None, is_header: Callable[[str], bool] = lambda text: False) -> Table:
    """Read the file and find its header row; is_header(text) says whether a cell names a known column."""
    with collector_paused():
        cells = read_cells(path, sheet)
    index = find_header(cells, is_header)
    if index is None:
        raise UserError(translate("Tabular", "{file}: no header row was found; the sheet is empty.").format(file=Path(path).name))
    header = cells[index]
    width = max(len(header), max((len(r) for r in cells[index + 1:]), default=0))
    headers = [_header_text(v) for v in header] + [""] * (width - len(header))
    table = Table(headers=headers, header_row=index + 1, sheet=sheet or "")
    for number, row in enumerate(cells[index + 1:], start=index + 2):
        if any(v is not None and str(v).strip() for v in row):
            table.rows.append((number, list(row) + [None] * (width - len(row))))
    return table


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
            translate("Tabular", "{file}: only Excel workbooks (.xlsx) and text tables (.csv, .txt) can be imported.").format(file=path.name)
        )
    if not path.is_file():
        raise UserError(translate("Tabular", "{file} does not exist or is not a file.").format(file=path))


@contextmanager
def _reading_book(path: Path) -> Iterator[None]:
    """A damaged workbook makes openpyxl raise almost anything (zlib and zip errors, XML syntax
    errors, ValueError from a cell's number, IndexError, KeyError): whatever it raises while it
    reads the file becomes a UserError naming the file."""
    try:
        yield
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 — only openpyxl's reading of the user's file runs inside
        if zipfile.is_zipfile(path):
            detail = str(exc) or type(exc).__name__
        else:
            detail = translate("Tabular", "it is not an .xlsx workbook; perhaps an .xls file renamed")
        raise UserError(
            translate("Tabular", "{file} cannot be read ({detail}). Open it in Excel or WPS and save it again as .xlsx.").format(
                file=path.name, detail=detail)
        ) from exc


def _open_book(path: Path):
    """The workbook, read lazily, with its worksheets only."""
    from openpyxl.reader.excel import ExcelReader

    class TablesOnly(ExcelReader):
        def read_chartsheet(self, sheet, rel):
            """A roster's charts are never imported; openpyxl 3.1 fails on a chart sheet without a drawing."""

    with _reading_book(path):
        reader = TablesOnly(path, read_only=True, data_only=True, keep_links=False)
        reader.read()
        return reader.wb


def _read_book(path: Path, sheet: str | None) -> list[list]:
    book = _open_book(path)
    try:
        with _reading_book(path):
            if sheet:
                if sheet not in book.sheetnames:
                    raise UserError(
                        translate("Tabular", "{file} has no sheet named {sheet}; its sheets are: {sheets}.").format(
                            file=path.name, sheet=sheet, sheets="、".join(book.sheetnames))
                    )
                ws = book[sheet]
            elif book.worksheets:
                ws = book.worksheets[0]
            else:
                raise UserError(translate("Tabular", "{file} has no worksheet, only charts or nothing at all.").format(file=path.name))
            # Some programs write a wrong dimension; read every row that is really there.
            ws.reset_dimensions()
            return [list(row) for row in ws.iter_rows(values_only=True)]
    finally:
        book.close()


def decode(data: bytes) -> str:
    """Text of a CSV: UTF-16 or UTF-8 by BOM, else strict UTF-8, else GB18030 (GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # strict: a UTF-16 file cut off or damaged is refused (UnicodeDecodeError)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _read_text(path: Path) -> list[list]:
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        raise UserError(translate("Tabular", "{file} cannot be read: {error}").format(file=path.name, error=exc.strerror or exc)) from exc
    except UnicodeDecodeError as exc:
        raise UserError(translate("Tabular", "{file} is damaged: it says it is Unicode (UTF-16) text, but byte {offset} is not. "
                                             "Open it in Excel or WPS and save it again.").format(file=path.name, offset=exc.start + 1)) from exc
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise UserError(translate("Tabular", "{file} is not a valid CSV table: {error}").format(file=path.name, error=exc)) from exc
