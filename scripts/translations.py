"""Maintain the Chinese translation: one .ts file per area of the app, compiled to .qm.

    python scripts/translations.py update [AREA...]      collect the strings of each area's files into resources/i18n/AREA_zh_CN.ts
    python scripts/translations.py todo AREA             print the untranslated strings as JSON {source: ""}
    python scripts/translations.py fill AREA FILE.json   translate the untranslated strings from {source: translation}
    python scripts/translations.py release               compile every .ts to .qm (loaded at start-up)
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGE = "zh_CN"
# Each area's source files (globs from the repository root); every .py with strings belongs to one.
AREAS = {
    "core": ["mentormatch/cli.py", "mentormatch/store.py", "mentormatch/validation.py", "mentormatch/sample.py",
             "mentormatch/i18n.py", "mentormatch/settings.py", "mentormatch/errors.py", "mentormatch/backup.py"],
    "records": ["mentormatch/records.py", "ui/app.py", "ui/main_window.py", "ui/record_*.py", "ui/editors.py",
                "ui/lists.py", "ui/table_model.py", "ui/delete_dialog.py", "ui/settings_dialog.py",
                "ui/bulk_edit.py", "ui/about_dialog.py"],
    "pairing": ["mentormatch/matching.py", "mentormatch/scoring.py", "mentormatch/pairs.py", "ui/pairing*.py"],
    "letters": ["mentormatch/letters.py", "mentormatch/certificates.py", "mentormatch/letter_*.py", "mentormatch/preprinted.py", "mentormatch/fonts.py", "mentormatch/pdf_text.py",
                "ui/letters*.py", "mentormatch/signin.py", "ui/signin_dialog.py"],
    "transfer": ["mentormatch/tabular.py", "mentormatch/import*.py", "mentormatch/excel_repair.py", "mentormatch/exporter.py",
                 "mentormatch/roster_pdf.py", "ui/import_wizard.py", "ui/export_dialog.py"],
    "audit": ["mentormatch/audit.py", "ui/history.py"],
}


def ts_path(area: str) -> Path:
    return I18N / f"{area}_{LANGUAGE}.ts"


def qt_tool(name: str) -> str:
    """Path of Qt's lupdate or lrelease as shipped inside the PySide6 wheel (no PATH or shim needed)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    return str(next(p for p in (folder / name, folder / f"{name}.exe") if p.exists()))


def area_files(area: str) -> list[str]:
    return sorted(str(path) for pattern in AREAS[area] for path in ROOT.glob(pattern))


def update(area: str) -> None:
    files = area_files(area)
    subprocess.run([qt_tool("lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(ts_path(area))], check=True)
    tree = ET.parse(ts_path(area))
    tree.getroot().set("language", LANGUAGE)
    tree.write(ts_path(area), encoding="utf-8", xml_declaration=True)


def todo(area: str) -> dict[str, str]:
    tree = ET.parse(ts_path(area))
    return {
        m.findtext("source"): ""
        for m in tree.iter("message")
        if m.find("translation").get("type") == "unfinished" or not (m.find("translation").text or "").strip()
    }


def fill(area: str, translations: dict[str, str]) -> int:
    tree = ET.parse(ts_path(area))
    filled = 0
    for message in tree.iter("message"):
        text = translations.get(message.findtext("source"))
        node = message.find("translation")
        # only the untranslated: the same English in another context may rightly read otherwise
        if text and (node.get("type") == "unfinished" or not (node.text or "").strip()):
            node.text = text
            node.attrib.pop("type", None)
            filled += 1
    tree.write(ts_path(area), encoding="utf-8", xml_declaration=True)
    return filled


def release() -> None:
    for ts in sorted(I18N.glob(f"*_{LANGUAGE}.ts")):
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main(argv: list[str]) -> int:
    command, *rest = argv
    if command == "update":
        for area in rest or AREAS:
            update(area)
    elif command == "todo":
        print(json.dumps(todo(rest[0]), ensure_ascii=False, indent=1))
    elif command == "fill":
        print(fill(rest[0], json.loads(Path(rest[1]).read_text(encoding="utf-8"))), "filled")
    elif command == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
