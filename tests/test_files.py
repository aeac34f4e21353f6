"""A file is replaced only by a complete new one."""

import os
import stat
import subprocess
import sys

import pytest

from mentormatch.files import written_in_place


def test_a_failed_write_leaves_the_older_file_and_no_temporary(tmp_path):
    target = tmp_path / "配对名单.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with written_in_place(target) as temp:
            temp.write_text("half", encoding="utf-8")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["配对名单.csv"]


def test_a_finished_write_replaces_the_file_readable_by_its_owner_only(tmp_path):
    target = tmp_path / "letters.pdf"
    with written_in_place(target) as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".")
        temp.write_bytes(b"%PDF")
    assert target.read_bytes() == b"%PDF" and os.listdir(tmp_path) == ["letters.pdf"]
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_only_our_temporary_files_of_ended_processes_are_removed(tmp_path):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    leftovers = [f".配对名单.{ended}.abcd_123.csv.part", f".MM-2026-0001 张东.{ended}.q1w2e3r4.pdf.part"]
    kept = [f".letters.{os.getpid()}.q1w2e3r4.pdf.part",  # a write under way in this process
            ".notes.part", "notes.part", f".letters.{ended}.short.pdf.part", f"letters.{ended}.abcdefgh.pdf.part",
            f".letters.{ended}.abcdefgh.pdf.kept", "聘书.pdf"]
    for name in leftovers + kept:
        (tmp_path / name).write_bytes(b"x")
    with written_in_place(tmp_path / "配对名单.csv") as temp:  # the next write into the folder clears it
        temp.write_text("new", encoding="utf-8")
    assert sorted(os.listdir(tmp_path)) == sorted(kept + ["配对名单.csv"])
