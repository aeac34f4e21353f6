"""Importing rosters of apprentices, mentors and enterprises from .xlsx and .csv files: the job
and its rows, shared by the wizard and the command line.

1. `tabular.read_table` reads the file and finds the header row (under title rows);
2. an `ImportJob` maps columns to fields (`import_columns`: remembered per set of headers, else
   guessed from the header names); the wizard changes the job only through its methods
   (map_column, set_default, choose_trade, set_on_duplicate, decide);
3. `validate()` turns every row into a `RowResult`: the cells are read (`excel_repair`), names of
   colleges, enterprises, programmes and trades are looked up, and the record is checked by the
   records layer (`records.Batch`, the same checks as the form) with ok / warning / error and
   reasons; duplicates are found by the identity keys the record kinds declare, in the file and
   against the database, and two different people with one student number or one ID number are
   an error naming both;
4. `commit()` writes every accepted row through the same batch in one transaction, or nothing,
   and returns a report.

Unknown colleges, enterprises and programmes are created; an unknown major or trade is an error
until the coordinator maps it to a trade or chooses to create the trade.

Memory: a city bureau's roster has 200,000 rows and is imported in at most 400 MB
(benchmarks/bench_big_import.py). Every row stays in memory from validate() to commit() (the
wizard previews them all; duplicates are found across the whole file and the write is one
transaction), so each is kept small rather than streamed: the table is read row by row and a text
that repeats down its column is one string (`tabular`); a `RowResult` has slots, its values and
checked record are tuples in the order of a shared `Layout` that reuse the file's strings (a value
cleaning left unchanged is not copied), its issues a tuple; `values` and `clean` give them as dicts
on demand. About 1 KB a row, where dicts per row took 4.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from sqlite_utils import Database

from mentormatch import audit, exporter, files, records, tabular
from mentormatch.errors import UserError
from mentormatch.excel_repair import ShortenedNumbers, number_marks, parsers
from mentormatch.i18n import translate
from mentormatch.import_columns import (
    ALIASES,
    KINDS,
    auto_mapping,
    field_label,
    header_matcher,
    remember_mapping,
    remembered_mapping,
)
from mentormatch.store import writing
from mentormatch.validation import Notice, ValidationError, mask_id, mask_phone

NEW_TRADE = 0  # choose_trade value: create a trade of this name
CREATED_BY_NAME = ("colleges", "enterprises", "programmes")  # references an import creates when a name is new


def table_label(table: str) -> str:
    return translate("Records", records.KINDS[table].singular if table in records.KINDS else "College")


# ---------------------------------------------------------------------------------------------
# Rows


@dataclass(slots=True)
class Issue:
    column: str  # the header of the column (or the field's label) the issue is about
    message: str
    error: bool = True

    def text(self, row: int) -> str:
        """'row 5, 身份证号码: …' for messages outside the row (the command line)."""
        if self.column:
            return translate("Import", "row {row}, {column}: {message}").format(row=row, column=self.column, message=self.message)
        return translate("Import", "row {row}: {message}").format(row=row, message=self.message)

    def reason(self) -> str:
        """'身份证号码: …' for the row's own line (the preview and the report)."""
        if self.column:
            return translate("Import", "{column}: {message}").format(column=self.column, message=self.message)
        return self.message


class Layout(NamedTuple):
    """The order of a validation's values and checked records, shared by all its rows."""
    values: tuple[str, ...]  # the fields read from the file (mapped columns, then defaults)
    slots: dict[str, int]  # field -> its place in values
    fields: tuple[str, ...]  # every field of the kind, the order of a checked record


class RowResult:
    """A row of the file as validate() found it, one for every row of a roster (a city bureau's
    has 200,000): kept small with slots, the values and the checked record as tuples in the order
    of the layout (their strings the file's own), the issues a tuple (most rows have none)."""

    __slots__ = ("_clean", "_layout", "_values", "action", "existing_id", "first_row", "given", "issues", "row")

    def __init__(self, row: int, layout: Layout, values: tuple):
        self.row = row  # the row number in the file
        self.issues: tuple[Issue, ...] = ()
        self.existing_id: int | None = None  # the database record this row duplicates
        self.first_row: int | None = None  # the earlier row of the file this row duplicates
        self.action = "add"  # add, update or skip
        self.given: tuple[str, ...] = ()  # the fields the row gives (records.Batch takes them as it takes a form's)
        self._layout, self._values, self._clean = layout, values, ()

    @property
    def values(self) -> dict:
        """field -> normalised value read from the row; references by name."""
        return {name: value for name, value in zip(self._layout.values, self._values) if value is not None}

    def value(self, name: str):
        """values.get(name) without making the dict."""
        slot = self._layout.slots.get(name)
        return None if slot is None else self._values[slot]

    @property
    def clean(self) -> dict:
        """The whole record as records.Batch.check() accepted it (a field it refused: None)."""
        return dict(zip(self._layout.fields, self._clean)) if self._clean else {}

    def add(self, issue: Issue) -> None:
        self.issues = (*self.issues, issue)

    @property
    def status(self) -> str:
        if not self.issues:  # most rows: asked of each row several times
            return "ok"
        if any(i.error for i in self.issues):
            return "error"
        return "warning" if self.issues else "ok"

    @property
    def duplicate(self) -> bool:
        return self.existing_id is not None or self.first_row is not None

    def reasons(self) -> str:
        """The row's issues in one line; the separator between two of them is translated ("；" in Chinese)."""
        texts = [i.reason() for i in self.issues]
        return translate("Import", "; ").join([t.rstrip(".。") for t in texts[:-1]] + texts[-1:])


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    lines: list[tuple[int, str, str]] = field(default_factory=list)  # (row, outcome, reason) for every row
    created: list[str] = field(default_factory=list)  # colleges, enterprises, programmes, trades created

    @property
    def skipped(self) -> int:
        return sum(1 for _, outcome, _ in self.lines if outcome == "skipped")

    def summary(self) -> str:
        return translate("Import", "Added {added}, updated {updated}, skipped {skipped}.").format(
            added=self.added, updated=self.updated, skipped=self.skipped)

    def save_xlsx(self, path: str | Path) -> None:
        """The report as a workbook: the summary, then row, result and reason of every row."""
        rows = [[row, outcome_label(outcome), reason] for row, outcome, reason in self.lines]
        rows += [["", translate("Import", "created"), text] for text in self.created]
        headers = [translate("Import", "Row"), translate("Import", "Result"), translate("Import", "Reason")]
        with files.written_in_place(path) as temp:
            exporter.write_xlsx(temp, [exporter.Sheet(translate("Import", "Import report"), headers, rows, set(), self.summary())])


def outcome_label(outcome: str) -> str:
    return {
        "added": translate("Import", "added"),
        "updated": translate("Import", "updated"),
        "skipped": translate("Import", "skipped"),
    }[outcome]



class ImportJob:
    """One file being imported as one kind of record."""

    def __init__(self, db: Database, kind: str, table: tabular.Table, file_name: str = ""):
        if kind not in KINDS:
            raise ValueError(kind)
        self.db, self.kind, self.table, self.file_name = db, kind, table, file_name
        self.spec = records.KINDS[kind]
        self._by_name = {f.name: f.ref for f in self.spec.fields if f.kind == "ref" and f.ref != "trades"}  # references given by name
        self._trade_fields = [f for f in self.spec.fields if f.kind == "ref" and f.ref == "trades"]  # given by name or alias
        remembered = remembered_mapping(db, kind, table.headers)
        self.mapping: list[str | None] = remembered or auto_mapping(kind, table.headers)
        self.mapping_remembered = remembered is not None
        self.defaults: dict[str, str] = {}  # field -> name for rows that have none (a college, enterprise, programme)
        colleges = [name for name, _ in records.choices(db, "colleges")]
        if "college" in self.default_fields() and len(colleges) == 1:
            self.defaults["college"] = colleges[0]
        self.trade_choices: dict[str, int] = {}  # unknown major or trade -> trade id, or NEW_TRADE
        self.on_duplicate = "skip"
        self.decisions: dict[int, str] = {}  # row -> update / skip, overriding on_duplicate
        self.results: list[RowResult] = []
        self.unknown_trades: dict[str, list[int]] = {}  # name -> rows
        self.new_names: dict[str, int] = {}  # "College: name" -> first row; created on commit
        self._batch: records.Batch | None = None

    @classmethod
    def from_file(cls, db: Database, kind: str, path: str | Path, sheet: str | None = None) -> ImportJob:
        table = tabular.read_table(path, sheet, header_matcher())
        return cls(db, kind, table, Path(path).name)

    # -- what the coordinator decides ----------------------------------------------------------------

    def fields(self) -> list[str]:
        """The fields this kind imports, in the order the wizard lists them."""
        return list(ALIASES[self.kind])

    def default_fields(self) -> list[str]:
        """The references that may take one name for every row without one (the college, the enterprise)."""
        return [name for name in self.fields() if self.spec.field(name).ref in CREATED_BY_NAME]

    def map_column(self, column: int, name: str | None) -> list[int]:
        """Import the column as the field (None: not at all); a field comes from one column, so
        another column that had it loses it. Returns the columns that lost it."""
        if name is not None and name not in self.fields():
            raise ValueError(name)
        lost = [other for other, current in enumerate(self.mapping) if name and current == name and other != column]
        for other in lost:
            self.mapping[other] = None
        self.mapping[column] = name
        return lost

    def set_default(self, name: str, value: str) -> None:
        if name not in self.default_fields():
            raise ValueError(name)
        self.defaults[name] = value.strip()

    def choose_trade(self, name: str, trade_id: int | None) -> None:
        """An unknown major or trade is the same as this trade (remembered as its alias), NEW_TRADE
        to create it, None to decide later."""
        if trade_id is None:
            self.trade_choices.pop(name, None)
        else:
            self.trade_choices[name] = trade_id

    def map_trade(self, name: str, trade: str) -> None:
        """choose_trade by the trade's name, English name or alias (the command line's --map-trade);
        UserError naming similar trades when the catalog has no such trade."""
        trade = trade.strip()
        trade_id = records.Batch(self.db, self.kind).lookup("trades", trade)
        if trade_id is None:
            raise UserError(translate("Import", "{trade} is neither a trade nor an alias of one. {trades}").format(
                trade=trade, trades=self._similar_trades(trade)))
        self.choose_trade(name.strip(), trade_id)

    def _similar_trades(self, text: str) -> str:
        """'Similar trades: …' — those whose name or alias contains the text, is contained in it or is
        close to it — else every trade the coordinator may choose."""
        names = dict(self.db.execute("SELECT a.alias, t.name_zh FROM trade_aliases a JOIN trades t ON t.id = a.trade_id"
                                     " WHERE t.retired = 0"))
        names.update((label, label) for _, label in records.choices(self.db, "trades"))
        close = [names[n] for n in names if text in n or n in text] + [names[n] for n in records.similar_names(text, list(names))]
        if close:
            return translate("Import", "Similar trades: {names}.").format(names="、".join(dict.fromkeys(close)))
        return translate("Import", "Trades: {names}.").format(names="、".join(dict.fromkeys(names.values())))

    def set_on_duplicate(self, action: str) -> None:
        """What to do with records already there (or twice in the file): "update" or "skip"."""
        if action not in ("update", "skip"):
            raise ValueError(action)
        self.on_duplicate = action
        self.apply_actions()

    def decide(self, row: int, action: str) -> None:
        """Update or skip one duplicate row, whatever set_on_duplicate says."""
        if action not in ("update", "skip"):
            raise ValueError(action)
        self.decisions[row] = action
        self.apply_actions()

    # -- mapping ---------------------------------------------------------------------------------

    def missing_fields(self) -> list[str]:
        """Required fields (records.KINDS) with neither a column, nor a default, nor a column that names them."""
        def given(name: str) -> bool:
            named_by = self.spec.field(name).named_by
            return name in self.mapping or bool(self.defaults.get(name)) or bool(named_by and named_by in self.mapping)

        return [name for name in self.spec.required if not given(name)]

    def column_of(self, name: str) -> str:
        if name in self.mapping:
            return self.table.headers[self.mapping.index(name)] or field_label(self.kind, name)
        return field_label(self.kind, name)

    # -- validation ------------------------------------------------------------------------------

    def validate(self) -> list[RowResult]:
        """Read and check every row; find duplicates. Reads the database, never writes.

        Two passes over the rows: the first reads the cells (a number Excel shortened is only
        known once the whole column is read), the second checks and compares the records."""
        with tabular.collector_paused():
            self.results = []  # the previous validation's rows go before the new ones are made
            self._batch = records.Batch(self.db, self.kind)
            self._given_names: dict[tuple, tuple] = {}  # one tuple for the rows that give the same fields
            self._already = Issue("", translate("Import", "Already in the database."), error=False)  # one for all such rows
            rows, failures = self._read_rows()
            self.unknown_trades = {}
            self.new_names = {}
            missing = set(self.missing_fields())
            seen: dict[tuple, RowResult] = {}  # identity key or unique value -> the first row without errors that has it
            for index, r in enumerate(rows):
                self._check(r, failures.get(index, set()) | missing, seen)
            self.results = rows
            self.apply_actions()
        return self.results

    def _read_rows(self) -> tuple[list[RowResult], dict[int, set[str]]]:
        """Every row's cells as field values; the fields whose cell could not be read (by row index)."""
        mapped = [name for name in self.mapping if name]
        names = tuple(dict.fromkeys([*mapped, *(name for name, value in self.defaults.items() if value)]))
        layout = Layout(names, {name: slot for slot, name in enumerate(names)}, tuple(f.name for f in self.spec.fields))
        parse = parsers(self.kind, self.fields())
        columns = [(index, layout.slots[name], name, parse[name]) for index, name in enumerate(self.mapping) if name]
        defaults = [(layout.slots[name], value) for name, value in self.defaults.items() if value]
        numbers = []  # (slot, slot of its scope, column, ShortenedNumbers) of a student or employee number
        for identity in self.spec.identity:
            name = identity.fields[0]
            if name in ("student_no", "employee_no") and name in self.mapping:
                numbers.append((layout.slots[name], layout.slots.get(identity.within), self.mapping.index(name), ShortenedNumbers()))
        rows: list[RowResult] = []
        failures: dict[int, set[str]] = {}
        read_before = [{} for _ in columns]  # column -> {text: value read}: a college, a major, a date repeats down the column
        for number, cells in self.table.rows:
            r = RowResult(number, layout, ())
            values = [None] * len(names)
            for (index, slot, name, read), known in zip(columns, read_before):
                raw = cells[index] if index < len(cells) else None
                if raw is None:
                    continue
                if raw.__class__ is str:  # only texts: 1 == 1.0 == True would share a value
                    value = known.get(raw)
                    if value is not None:
                        values[slot] = value
                        continue
                    if not raw.strip():
                        continue
                try:
                    value = read(raw)
                except ValidationError as exc:
                    r.add(Issue(self.column_of(name), str(exc)))
                    failures.setdefault(len(rows), set()).add(name)
                    continue
                if value not in (None, ""):
                    values[slot] = value
                    if raw.__class__ is str and len(known) < records.VALUES_KEPT:
                        known[raw] = value
            for slot, value in defaults:
                if values[slot] is None:
                    values[slot] = value
            for slot, scope, index, shortened in numbers:
                shortened.add(len(rows), None if scope is None else values[scope], values[slot], cells[index] if index < len(cells) else None)
            r._values = tuple(values)
            rows.append(r)
        for slot, _, _, shortened in numbers:
            name = names[slot]
            for index in shortened.rows():
                r = rows[index]
                failures.setdefault(index, set()).add(name)
                r.add(Issue(self.column_of(name), translate(
                    "Import", "Excel stored this number as a number and it is shorter than the others ({value}): "
                              "its leading 0 was probably lost; format the column as text and type it again.").format(
                    value=r._values[slot])))
                r._values = (*r._values[:slot], None, *r._values[slot + 1:])
        for index, name, message, refused in number_marks(self.kind, self.mapping, self.table.rows,
                                                          lambda i, name: rows[i].value(name)):
            r = rows[index]
            r.add(Issue(self.column_of(name), message, error=refused))
            if refused:
                failures.setdefault(index, set()).add(name)
                slot = layout.slots[name]
                r._values = (*r._values[:slot], None, *r._values[slot + 1:])
        return rows, failures

    def _check(self, r: RowResult, failed: set[str], seen: dict[tuple, RowResult]) -> None:
        batch = self._batch
        named = len(batch.new_names)
        values = r.values
        given = self._given(r, values, failed)
        key_of_given = tuple(given)
        r.given = self._given_names.setdefault(key_of_given, key_of_given)
        clean, errors, keys = batch.check_new(given)
        match = batch.match(keys)
        if match is not None:
            key, record_id = match
            if self._same_person_as_stored(r, clean, given, key, record_id):
                r.existing_id = record_id  # checked again as an update of the stored record
                clean, errors = batch.check({**records.load(self.db, self.kind, record_id), **given}, record_id)
            else:
                errors.pop(self.spec.identity[key[0]].fields[-1], None)  # said better, naming the stored person
        r._clean = tuple(map(clean.get, r._layout.fields))
        for name, message in errors.items():
            if name not in failed:
                r.add(Issue(self._column(values, name), message, error=not isinstance(message, Notice)))
        for key in keys:
            first = seen.get(key)
            if first is None:
                continue
            theirs = first.clean
            if key[0] == "unique":
                if not set(keys) & set(batch.keys_of(theirs)) - {key}:  # no identity in common: another person
                    self._two_people(r, clean, first.row, theirs, key[1])
                    break
            elif records.differences(self.kind, clean, theirs):
                self._two_people(r, clean, first.row, theirs, key)
                break
            elif r.first_row is None:
                r.first_row = first.row
        if r.status != "error":
            for key in keys:
                seen.setdefault(key, r)
        for table, name in batch.new_names[named:]:
            self.new_names.setdefault(translate("Import", "{what}: {name}").format(what=table_label(table), name=name), r.row)
        if r.existing_id is not None:
            r.add(self._already)
        if r.first_row is not None:
            r.add(Issue("", translate("Import", "The same record as row {row}.").format(row=r.first_row), error=False))

    def _given(self, r: RowResult, values: dict, failed: set[str]) -> dict:
        """The row's values as records.Batch takes them: references as ids (new names get provisional
        ids), a trade also from the field that names it (an apprentice's major)."""
        by_name, reference = self._by_name, self._batch.reference
        given = {name: value if name not in by_name else reference(by_name[name], value) for name, value in values.items()}
        for f in self._trade_fields:
            source = f.name if f.name in values else f.named_by
            value = values.get(source) if source else None
            given.pop(f.name, None)
            if not value:
                continue
            trade = self._trade(value)
            if trade is None:
                self.unknown_trades.setdefault(value, []).append(r.row)
                r.add(Issue(self.column_of(source), translate(
                    "Import", "{name} is not a known trade or major: map it to a trade or create the trade.").format(name=value)))
                failed.add(f.name)
            else:
                given[f.name] = trade
        return given

    def _trade(self, name: str) -> int | None:
        chosen = self.trade_choices.get(name)
        if chosen == NEW_TRADE:
            return self._batch.reference("trades", name)  # provisional until written
        return chosen or self._batch.lookup("trades", name)

    def _column(self, values: dict, name: str) -> str:
        """The column a field's message is about: its own, or the one that named it (the major)."""
        named_by = self.spec.field(name).named_by
        if named_by and name not in values and named_by in values:
            return self.column_of(named_by)
        return self.column_of(name)

    def _shown(self, name: str, value: object) -> str:
        f = self.spec.field(name)
        if f.sensitive == "id":
            return mask_id(value)
        if f.sensitive == "phone":
            return mask_phone(value)
        return str(value)

    def _key_text(self, key: tuple | str, values: dict) -> tuple[str, str]:
        """The label and the value of an identity key (or a unique field), e.g. ("学号", "2023001")."""
        names = (key,) if isinstance(key, str) else self.spec.identity[key[0]].fields
        return ("、".join(field_label(self.kind, n) for n in names),
                "、".join(self._shown(n, values[n]) for n in names))

    def _two_people(self, r: RowResult, ours: dict, first: int, theirs: dict, key: tuple | str) -> None:
        """Two rows share an identity key or a unique value but are different people: an error naming both
        (ours, theirs: the two checked records; first: the earlier row)."""
        label, value = self._key_text(key, ours)
        identity = self.spec.identity[0].fields
        name = next(iter(records.differences(self.kind, ours, theirs)
                         or [n for n in identity if ours.get(n) != theirs.get(n)]), identity[0])
        r.add(Issue(self.column_of(key if isinstance(key, str) else self.spec.identity[key[0]].fields[-1]), translate(
            "Import", "Row {first} has the same {key} ({value}), but another {field}: {ours} / {theirs}.").format(
            first=first, key=label, value=value, field=field_label(self.kind, name),
            ours=self._shown(name, ours.get(name) or ""), theirs=self._shown(name, theirs.get(name) or ""))))

    def _same_person_as_stored(self, r: RowResult, clean: dict, given: dict, key: tuple, record_id: int) -> bool:
        """A row recognised as a stored record must be the same person (else an error naming both):
        never replace one person by another."""
        differ = self._batch.differences(clean, record_id)
        if not differ:
            return True
        label, value = self._key_text(key, clean)
        r.add(Issue(self.column_of(self.spec.identity[key[0]].fields[-1]), translate(
            "Import", "{record} in the database has this {key} ({value}), but another {field}: {ours} / {theirs}.").format(
            record=records.title(self.db, self.kind, record_id), key=label, value=value,
            field=field_label(self.kind, differ[0]), ours=self._shown(differ[0], given[differ[0]]),
            theirs=self._shown(differ[0], self._batch.stored(record_id)[differ[0]]))))

    def apply_actions(self) -> None:
        """Set each row's action from on_duplicate and the per-row decisions."""
        for r in self.results:
            if r.status == "error":
                r.action = "skip"
            elif r.duplicate:
                r.action = self.decisions.get(r.row, self.on_duplicate)
            else:
                r.action = "add"

    # -- commit ----------------------------------------------------------------------------------

    def errors(self) -> list[str]:
        texts = [translate("Import", "{file}: no column for {field}.").format(file=self.file_name, field=field_label(self.kind, f))
                 for f in self.missing_fields()]
        return texts + [i.text(r.row) for r in self.results for i in r.issues if i.error]

    def commit(self, skip_errors: bool = False) -> ImportReport:
        """Check every row again, then write every accepted row in one transaction and return the report.

        Raises UserError (and writes nothing) if a row has an error and skip_errors is False,
        or if a required column is missing.
        """
        report = ImportReport()
        written: dict[int, tuple[int, dict, int]] = {}  # first row of a record later rows update -> (id, values written, row)
        try:
            with tabular.collector_paused(), writing(self.db):
                self.validate()  # under the write lock: what it found (duplicates, ids) stays true while the rows are written
                if self.missing_fields() or (not skip_errors and any(r.status == "error" for r in self.results)):
                    raise UserError(translate("Import", "Nothing was imported from {file}: {count} problems must be corrected "
                                                        "first.").format(file=self.file_name, count=len(self.errors())))
                files.crash_point("import-validated")
                batch = self._batch
                self._remember_aliases()
                updated_later = {r.first_row for r in self.results if r.first_row is not None and r.action != "skip"}
                for r in self.results:
                    if r.action == "skip":
                        report.lines.append((r.row, "skipped", r.reasons()))  # the errors, or which record it duplicates
                        continue
                    anchor = r.row if r.first_row is None else r.first_row
                    earlier = written.get(anchor)
                    if earlier:  # a later row of the file: it updates the record an earlier row wrote
                        ours = r.clean
                        target, clean = earlier[0], {**earlier[1], **{name: ours[name] for name in r.given}}
                    else:
                        target, clean = r.existing_id, r.clean
                    record_id = batch.write(clean, target)
                    if anchor in updated_later:
                        written[anchor] = (record_id, clean, earlier[2] if earlier else r.row)
                    if earlier:
                        report.lines.append((r.row, "updated", translate("Import", "the same record as row {row}").format(row=earlier[2])))
                    elif target:
                        report.updated += 1
                        report.lines.append((r.row, "updated", ""))
                    else:
                        report.added += 1
                        report.lines.append((r.row, "added", ""))
                files.crash_point("import-rows-written")  # some rows inserted, the rest held back for flush()
                batch.flush()
                audit.record(self.db, "import", self.kind, None, self.file_name, {
                    "added": [None, report.added], "updated": [None, report.updated], "skipped": [None, report.skipped]})
                report.created = [translate("Import", "{what}: {name}").format(what=table_label(table), name=name)
                                  for table, name in batch.created]
                remember_mapping(self.db, self.kind, self.table.headers, self.mapping)
                files.crash_point("import-before-commit")
        except sqlite3.DatabaseError as exc:  # rolled back: nothing was written
            raise UserError(translate("Import", "Nothing was imported: the database refused the data ({error}).").format(error=exc)) from exc
        report.lines.sort()
        return report

    def trade_names(self, rows: Iterable[RowResult]) -> set[str]:
        """The majors and trades the rows name: the trade's own column, else the column that names it."""
        return {r.value(f.name) or r.value(f.named_by) for r in rows for f in self._trade_fields} - {None}

    def _remember_aliases(self) -> None:
        """A major mapped to a trade by hand becomes an alias of the trade, for the next import."""
        used = self.trade_names(r for r in self.results if r.action != "skip")
        for name, trade_id in self.trade_choices.items():
            if trade_id != NEW_TRADE and name in used and self._batch.lookup("trades", name) is None:
                trade = records.load(self.db, "trades", trade_id)
                records.save(self.db, "trades", {**trade, "aliases": [*trade["aliases"], name]}, trade_id)


# ---------------------------------------------------------------------------------------------
# Command line


def run_command(db: Database, args) -> int:
    """mentormatch import KIND FILE [--sheet NAME] [--on-duplicate update|skip] [--skip-errors]
    [--map-trade NAME=TRADE ...] [--create-trades] [--programme NAME]."""
    if (args.map_trade or args.create_trades) and args.kind == "enterprises":
        raise UserError(translate("Import", "Enterprises have no trade: --map-trade and --create-trades are for mentors and apprentices."))
    if args.programme and args.kind != "apprentices":
        raise UserError(translate("Import", "--programme is for apprentices."))
    mapped = [_trade_pair(text) for text in args.map_trade or []]
    if args.programme:
        records.programme_id_by_name(db, args.programme)  # an unknown name is refused with the list of programmes
    job = ImportJob.from_file(db, args.kind, args.file, args.sheet)
    if args.programme:
        job.set_default("programme_id", args.programme)  # rows with their own 项目 keep it
    for name, trade in mapped:
        job.map_trade(name, trade)
    job.set_on_duplicate(args.on_duplicate)
    if args.create_trades:
        job.validate()
        for name in job.unknown_trades:
            job.choose_trade(name, NEW_TRADE)
    try:
        report = job.commit(skip_errors=args.skip_errors)
    except UserError as exc:
        refused = exc
    else:
        refused = None
    for text in job.errors():
        print(text, file=sys.stderr)
    if job.unknown_trades:
        print(translate("Import", "Map a major or trade to a trade of the catalog with --map-trade NAME=TRADE (e.g. "
                                  "--map-trade 涂装工=汽车涂装工), or create the unknown ones with --create-trades."), file=sys.stderr)
    named = job.trade_names(job.results)
    for name, _ in mapped:
        if name not in named:
            print(translate("Import", "Warning: --map-trade {name}: no row of {file} names it.").format(
                name=name, file=job.file_name), file=sys.stderr)
    for r in job.results:  # a value to check, e.g. a number Excel may have cut or a gender the ID number contradicts
        for issue in r.issues:
            if not issue.error and issue.column:
                print(translate("Import", "Warning: {text}").format(text=issue.text(r.row)), file=sys.stderr)
    if refused is not None:
        raise refused  # after the rows' own errors
    for row, outcome, reason in report.lines:
        if outcome != "added":
            print(translate("Import", "row {row}: {outcome} {reason}").format(row=row, outcome=outcome_label(outcome), reason=reason).rstrip())
    for text in report.created:
        print(translate("Import", "created {what}").format(what=text))
    print(report.summary())
    return 0


def _trade_pair(text: str) -> tuple[str, str]:
    """'涂装工=汽车涂装工' (or with a full-width ＝, as a Chinese input method types it) -> the two names."""
    name, sep, trade = text.replace("＝", "=").partition("=")
    if not sep or not name.strip() or not trade.strip():
        raise UserError(translate("Import", "--map-trade {text}: write the name in the file, =, and the trade, "
                                            "e.g. --map-trade 涂装工=汽车涂装工.").format(text=text))
    return name.strip(), trade.strip()
