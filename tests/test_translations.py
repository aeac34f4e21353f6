"""The Chinese interface is complete: no unfinished string, and every .qm is built from its .ts."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402

TS_FILES = sorted(translations.I18N.glob("*_zh_CN.ts"))


def test_every_area_has_a_translation():
    assert {ts.name.removesuffix("_zh_CN.ts") for ts in TS_FILES} == set(translations.AREAS)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_no_string_is_left_untranslated(ts):
    unfinished = [m.findtext("source") for m in ET.parse(ts).iter("message")
                  if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()]
    assert unfinished == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_translation_is_up_to_date(ts, tmp_path):
    built = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([translations.qt_tool("lrelease"), "-silent", str(ts), "-qm", str(built)], check=True)
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run: python scripts/translations.py release"


def test_the_window_speaks_chinese(qapp):
    from mentormatch.i18n import install_translators, translate

    install_translators("zh_CN")
    try:
        assert translate("Validation", "This field is required.") != "This field is required."
    finally:
        install_translators("en")
