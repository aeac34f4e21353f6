"""Maintain the Chinese translation: one .ts file per area of the app, compiled to .qm.

    python scripts/translations.py update AREA FILE...   collect strings of FILEs into resources/i18n/AREA_zh_CN.ts
    python scripts/translations.py todo AREA             print the untranslated strings as JSON {source: ""}
    python scripts/translations.py fill AREA FILE.json   take translations from {source: translation}
    python scripts/translations.py release               compile every .ts to .qm (loaded at start-up)
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGE = "zh_CN"


def ts_path(area: str) -> Path:
    return I18N / f"{area}_{LANGUAGE}.ts"


def update(area: str, files: list[str]) -> None:
    subprocess.run(["pyside6-lupdate", "-no-obsolete", "-locations", "none", *files, "-ts", str(ts_path(area))], check=True)
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
        if text:
            node = message.find("translation")
            node.text = text
            node.attrib.pop("type", None)
            filled += 1
    tree.write(ts_path(area), encoding="utf-8", xml_declaration=True)
    return filled


def release() -> None:
    for ts in sorted(I18N.glob(f"*_{LANGUAGE}.ts")):
        subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main(argv: list[str]) -> int:
    command, *rest = argv
    if command == "update":
        update(rest[0], rest[1:])
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
