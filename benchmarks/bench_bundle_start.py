"""Benchmark: opening the window from the self-contained folder against the same checkout run by
the virtual environment's Python, side by side.

    python scripts/build_bundle.py && python benchmarks/bench_bundle_start.py [--runs 7]

Each run is a fresh process, the two ways alternating (bundle, venv, bundle, ...) after one
warm-up of each: `dist/MentorMatch/MentorMatch --db DB` and `python main.py --db DB`, both in
Chinese over the same sample database, with MENTORMATCH_QUIT_AFTER_MS=0 (ui/app.py), which
closes the main window at the first event-loop turn after show(). Timed from just before the
process starts until it has exited, so closing and exiting are in both; the CPU time is the
process's own (user + system). Target: bundle - venv <= 0.3 s.

Platform: Linux or macOS (os.wait4 for the CPU time); QT_QPA_PLATFORM=offscreen unless already
set. Settings go to a temporary home.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "MentorMatch" / "MentorMatch"
CLI = BUNDLE.with_name("mentormatch")


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one start, window shown and closed."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=env["HOME"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} exited with {process.returncode}: {process.stderr.read().decode()}")
    process.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not BUNDLE.exists():
        raise SystemExit(f"{BUNDLE} is missing: run python scripts/build_bundle.py first")
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": f"{home}/.config", "XDG_DATA_HOME": f"{home}/.local/share",
               "XDG_STATE_HOME": f"{home}/.local/state", "MENTORMATCH_QUIT_AFTER_MS": "0"}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        db = f"{home}/college.db"
        subprocess.run([str(CLI), "--db", db, "sample"], env=env, check=True, stdout=subprocess.DEVNULL)
        ways = {
            "bundle": [str(BUNDLE), "--db", db, "--lang", "zh_CN"],
            "venv": [sys.executable, str(ROOT / "main.py"), "--db", db, "--lang", "zh_CN"],
        }
        for command in ways.values():  # warm-up: the first start reads everything from disk
            run(command, env)
        figures = {name: [] for name in ways}
        for _ in range(args.runs):
            for name, command in ways.items():
                figures[name].append(run(command, env))
    print(f"{'':8} {'median s':>9} {'min s':>7} {'max s':>7} {'CPU s (median)':>15}   ({args.runs} runs each, alternating)")
    for name, runs in figures.items():
        walls = [w for w, _ in runs]
        print(f"{name:8} {statistics.median(walls):9.3f} {min(walls):7.3f} {max(walls):7.3f} "
              f"{statistics.median(c for _, c in runs):15.3f}")
    gap = statistics.median(w for w, _ in figures["bundle"]) - statistics.median(w for w, _ in figures["venv"])
    print(f"bundle - venv: {gap:+.3f} s (target <= +0.3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
