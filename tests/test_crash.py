"""The crash test, bounded for every run of the suite: the command line killed with SIGKILL at each
injected step of an import, a confirmation, a letter batch (one file and one per mentor) and an
export, and at random moments, 50 kills in all; after each, nothing is half done (see
scripts/crash_test.py for the checks, and for longer runs)."""

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import crash_test  # noqa: E402

KILLS = 50


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_fifty_kills_leave_nothing_half_done(tmp_path):
    lab = crash_test.Lab(tmp_path)
    lab.prepare()
    tally = lab.run(KILLS, seed=1, workers=4)
    assert tally.failures == []
    for job in crash_test.JOBS:  # every step was reached and killed the job there
        for step in job.steps:
            assert tally.kills[f"{job.name}/{step}"] == 1
    assert tally.total >= KILLS
