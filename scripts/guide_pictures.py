"""Draw the pictures of the papers in the coordinators' guide (docs/screenshots/paper_*.png).

    python scripts/guide_pictures.py [OUT_DIR]

Each built-in layout is drawn from the sample data as a batch's preview draws it (the same
renderer as the PDF and the printer; nothing is issued), then the PDF's first page is turned into
a PNG by pdftoppm (poppler-utils). Run it after changing a template or the renderer, and look at
the pictures.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QPdfWriter  # noqa: E402

from mentormatch import letters, preprinted, settings  # noqa: E402
from mentormatch.i18n import install_translators  # noqa: E402
from mentormatch.sample import fill_sample  # noqa: E402
from mentormatch.store import memory_database  # noqa: E402
from resources import RESOURCES  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DPI = 40  # small enough for the guide, large enough to see the seal over the names

# picture name -> (template, page options that differ from the defaults, issuers with a seal)
LAYOUTS = {
    "paper_formal_zh_landscape": ("formal-zh", {"landscape": True, "chinese_date": True}, 2),
    "paper_bilingual_crowded": ("bilingual", {"landscape": True, "signature_lines": True}, 3),
    "paper_formal_en": ("formal-en", {}, 1),
    "paper_preprinted_a4": ("preprinted-a4", {}, 0),
}


def _png(pdf: Path, out: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out.with_suffix(""))],
                   check=True)


def main(out_dir: Path) -> None:
    app = QGuiApplication.instance() or QGuiApplication(["guide-pictures"])
    install_translators("zh_CN")
    db = memory_database()
    fill_sample(db)
    programme = db.execute("SELECT id FROM programmes ORDER BY id").fetchone()[0]
    mentor_ids = letters.programme_mentors(db, programme)[:1]
    seal = base64.b64encode((RESOURCES / "sample" / "seal-sample.png").read_bytes()).decode()
    issuers = ["重庆市渝北区职业教育中心", "德阳市第一技师学院", "重庆长安汽车股份有限公司"]
    settings.put(db, "letter_issuers", issuers)
    defaults = settings.get(db, "letter_layout")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name, (template, options, sealed) in LAYOUTS.items():
            settings.put(db, "letter_layout", {**defaults, **options, "seals": {i: seal for i in issuers[:sealed]}})
            pdf = Path(folder) / f"{name}.pdf"
            batch = letters.Batch.for_mentors(db, mentor_ids, programme, template, issue_date="2026-09-01")
            writer = QPdfWriter(str(pdf))
            writer.setPageLayout(batch.renderer().page_layout())
            writer.setResolution(300)
            batch.preview(writer)
            del writer  # the file is complete when the writer goes
            _png(pdf, out_dir / f"{name}.png")
        calibration = Path(folder) / "calibration.pdf"
        writer = QPdfWriter(str(calibration))
        writer.setResolution(300)
        preprinted.paint_calibration(writer, "校准页")
        del writer
        _png(calibration, out_dir / "paper_calibration.png")
    for png in sorted(out_dir.glob("paper_*.png")):
        print(png.relative_to(REPO) if png.is_relative_to(REPO) else png)
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots")
