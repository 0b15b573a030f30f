"""Tables in and out: CSV/XLSX read from a path, bytes or an open file; CSV written formula-safe.

Reading keeps every data row, numbered, so nothing is lost: a row the CSV reader cannot
parse comes back with a ``problem`` instead of cells. Every CSV the product writes goes
through :func:`write_csv`, which neutralises cells a spreadsheet would run as a formula.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from matcher.errors import InputError

#: Leading characters that make a spreadsheet read a cell as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DELIMITERS = ",;\t|"
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"

TableSource = str | Path | bytes | BinaryIO
CsvTarget = str | Path | TextIO


@dataclass(frozen=True)
class TableRow:
    """One data row as read: its 1-based number (header excluded) and its cells, or why it is unreadable."""

    number: int
    cells: tuple[str, ...]
    problem: str | None = None


@dataclass(frozen=True)
class Table:
    """A table's name (for messages), header, and a lazy stream of its data rows."""

    name: str
    header: tuple[str, ...]
    rows: Iterator[TableRow]


def read_table(source: TableSource, name: str | None = None) -> Table:
    """Read a CSV (any common delimiter and encoding) or the first sheet of an XLSX file.

    ``source`` is a path, the file's bytes (an upload) or a binary file object; ``name``
    names it in messages (default: the path). XLSX is recognised by its suffix or content.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        name = name or str(path)
        handle: BinaryIO = path.open("rb")
    else:
        name = name or "input"
        handle = io.BytesIO(source) if isinstance(source, bytes) else source
    head = handle.read(256 * 1024)
    handle.seek(0)
    if name.lower().endswith(_XLSX_SUFFIXES) or head.startswith(_ZIP_MAGIC):
        return _read_xlsx(handle, name)
    return _read_csv(handle, head, name)


def _read_csv(handle: BinaryIO, head: bytes, name: str) -> Table:
    text = io.TextIOWrapper(handle, encoding=_sniff_encoding(head), errors="replace", newline="")
    sample = text.read(64 * 1024)
    text.seek(0)
    if not sample.strip():
        text.close()
        raise InputError(f"{name}: the file is empty")
    reader = csv.reader(text, delimiter=_sniff_delimiter(sample))
    try:
        with _large_fields():
            header = tuple(cell.strip() for cell in next(reader))
    except csv.Error as error:
        text.close()
        raise InputError(f"{name}: line 1: unreadable CSV header ({error})") from None

    def rows() -> Iterator[TableRow]:
        number = 0
        try:
            while True:
                number += 1
                try:
                    with _large_fields():
                        cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    yield TableRow(number, (), f"unreadable CSV at line {reader.line_num}: {error}")
                    continue
                yield TableRow(number, tuple(cells))
        finally:
            text.close()

    return Table(name, header, rows())


@contextmanager
def _large_fields() -> Iterator[None]:
    """Let the CSV reader take one very long cell (applicants paste whole documents), then restore its limit.

    The limit is process-wide in :mod:`csv`, so it is raised only around each read and put back.
    """
    previous = csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _sniff_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head and head.count(b"\x00") > len(head) // 4:  # UTF-16 without BOM
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start > len(head) - 4:  # a character cut by the sample's end
            return "utf-8"
        return "cp1252" if not re.search(rb"[\x81\x8d\x8f\x90\x9d]", head) else "latin-1"


def _sniff_delimiter(sample: str) -> str:
    first_lines = [line for line in sample.splitlines()[:20] if line.strip()]
    try:
        return csv.Sniffer().sniff("\n".join(first_lines), delimiters=_DELIMITERS).delimiter
    except csv.Error:
        header = first_lines[0] if first_lines else ""
        return max(_DELIMITERS, key=header.count) if any(d in header for d in _DELIMITERS) else ","


def _read_xlsx(handle: BinaryIO, name: str) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise InputError(f"{name}: not a readable XLSX file ({error})") from None
    values = workbook.worksheets[0].iter_rows(values_only=True)
    header_cells = next(values, None)
    if header_cells is None:
        workbook.close()
        raise InputError(f"{name}: the first sheet is empty")

    def rows() -> Iterator[TableRow]:
        try:
            for number, cells in enumerate(values, start=1):
                yield TableRow(number, tuple(_cell_text(cell) for cell in cells))
        finally:
            workbook.close()

    return Table(name, tuple(_cell_text(cell).strip() for cell in header_cells), rows())


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --------------------------------------------------------------------------- writing


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula, by prefixing ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unsafe_cell(text: str) -> str:
    """Undo :func:`safe_cell` when reading back a CSV this product wrote."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def record_columns(record_type: type) -> tuple[str, ...]:
    """The CSV columns of a row dataclass: its field names, in order."""
    return tuple(item.name for item in fields(record_type))


def record_cells(record: Any) -> dict[str, object]:
    """A row dataclass as a column → value mapping (shallow, unlike :func:`dataclasses.asdict`)."""
    return {item.name: getattr(record, item.name) for item in fields(record)}


def write_csv(target: CsvTarget, columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> int:
    """Write rows as UTF-8 CSV, every text cell made spreadsheet-safe; returns the row count.

    A path is opened and closed here; an open text file is written to and left open.
    """
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            return write_csv(handle, columns, rows)
    writer = csv.DictWriter(target, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
        count += 1
    return count


class RecordWriter:
    """Formula-safe CSV of one row dataclass type, written a record at a time (for streamed output)."""

    def __init__(self, handle: TextIO, record_type: type) -> None:
        self._writer = csv.writer(handle, lineterminator="\n")
        self._writer.writerow(record_columns(record_type))

    def write(self, record: Any) -> None:
        self._writer.writerow([safe_cell(value) for value in record_cells(record).values()])


def write_records(target: CsvTarget, record_type: type, records: Iterable[Any]) -> int:
    """Write row dataclasses of ``record_type`` as formula-safe CSV; returns the row count (see :func:`write_csv`)."""
    return write_csv(target, record_columns(record_type), (record_cells(record) for record in records))


def csv_text(record_type: type, records: Iterable[Any]) -> str:
    """Row dataclasses as formula-safe CSV text (for downloads)."""
    buffer = io.StringIO()
    write_records(buffer, record_type, records)
    return buffer.getvalue()
