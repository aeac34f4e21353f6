"""A file is replaced only by a complete new one."""

import os
import stat

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
