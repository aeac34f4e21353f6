"""Save new enterprises through records.py again and again, as a colleague keeps saving a form.

    python benchmarks/save_loop.py DB SECONDS

Prints `saved NAME` for each save that committed and `busy NAME` for each refused with DataBusy
(nothing written); any other error ends in a traceback. Run beside other jobs by
tests/test_two_writers.py and benchmarks/bench_two_writers.py.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mentormatch import records, store  # noqa: E402
from mentormatch.errors import DataBusy  # noqa: E402


def main(path: str, seconds: float) -> None:
    db = store.open_database(path)
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        values = records.empty("enterprises")
        values["name"] = name = f"并发测试企业{i:04d}"
        try:
            records.save(db, "enterprises", values)
            print("saved", name, flush=True)
        except DataBusy:
            print("busy", name, flush=True)
        i += 1
        time.sleep(0.01)
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
