"""Benchmark: 1,000 letters of appointment with a seal image into one PDF.

    python benchmarks/bench_letters.py [COUNT] [--crowded]

Target (issue 12): at most 1.5 s and at most 3 MB for 1,000 letters; --crowded at most 3 s.
--crowded measures the letter that needs a smaller type step to stay on one sheet: the bilingual
template in landscape with three issuers, a seal for each and signature lines. Prints the wall
and CPU time of each step (plan and fill, draw and repair the text layer, commit) and the file's
size, page count and number of embedded images and fonts.
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pikepdf  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from mentormatch import letters, settings  # noqa: E402
from mentormatch.sample import fill_city_scale  # noqa: E402
from mentormatch.store import memory_database  # noqa: E402
from resources import RESOURCES  # noqa: E402


def main(count: int = 1000, crowded: bool = False) -> None:
    app = QGuiApplication.instance() or QGuiApplication(["bench"])
    db = memory_database()
    fill_city_scale(db, apprentices=10, mentors=count, enterprises=50)
    programme = db.execute("SELECT id FROM programmes").fetchone()[0]
    seal = base64.b64encode((RESOURCES / "sample" / "seal-sample.png").read_bytes()).decode()
    issuers = ["重庆市第一技师学院", "重庆市第二技师学院", "重庆市第1号制造有限公司"] if crowded else ["重庆市第一技师学院", "重庆市第1号制造有限公司"]
    settings.put(db, "letter_issuers", issuers)
    settings.put(db, "letter_layout", {**settings.get(db, "letter_layout"), "landscape": crowded, "signature_lines": crowded,
                                       "seals": {issuer: seal for issuer in issuers[:3 if crowded else 1]}})
    mentor_ids = [r[0] for r in db.execute("SELECT id FROM mentors ORDER BY id")]

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "letters.pdf"
        marks = [(time.perf_counter(), time.process_time())]
        batch = letters.Batch.for_mentors(db, mentor_ids, programme, "bilingual" if crowded else None, issue_date="2026-07-14")
        marks.append((time.perf_counter(), time.process_time()))
        batch.write(target=target)
        marks.append((time.perf_counter(), time.process_time()))
        batch.commit(db)
        marks.append((time.perf_counter(), time.process_time()))
        size = target.stat().st_size
        with pikepdf.open(target) as pdf:
            pages = len(pdf.pages)
            images = sum(1 for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image")
            fonts = sum(1 for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Font"
                        and o.get("/Subtype") == "/Type0")
    for name, (w0, c0), (w1, c1) in zip(("plan and fill", "draw, repair", "commit"), marks, marks[1:]):
        print(f"{name:14} {w1 - w0:6.2f} s wall {c1 - c0:6.2f} s CPU")
    print(f"{'total':14} {marks[-1][0] - marks[0][0]:6.2f} s wall {marks[-1][1] - marks[0][1]:6.2f} s CPU; {count} letters, "
          f"{pages} pages, {size / 1e6:.2f} MB; image objects: {images}; Type0 fonts: {fonts}")
    del app


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--crowded", action="store_true")
    arguments = parser.parse_args()
    main(arguments.count, arguments.crowded)
