"""The crash test: kill MentorMatch's command line at every injected step and at random moments,
and check after each kill that nothing is half done.

    python scripts/crash_test.py --kills 500 [--seed 1] [--workers 4]

Each kill starts from a copy of a prepared folder (the database and the output folder) and runs
one job: an import of 60 apprentices, `match --confirm`, a letter batch as one PDF (replacing an
older one) or one PDF per mentor (replacing three), or an export as .xlsx, .csv or .pdf. The job
is killed with SIGKILL, either by itself at a named step (MENTORMATCH_CRASH_AT, see
mentormatch.files.crash_point) or by a timer at a random moment of its run. Then:

- right after the kill: `PRAGMA integrity_check` is ok; the database is exactly as before the
  job or exactly as after an uninterrupted run (apprentices, active pairs and their status, the
  letter register); every unrevoked serial in the register has its letter in a complete PDF in
  the output folder; an export is either absent or complete;
- after the next run (`export letters`, which opens the database and writes into the output
  folder): no temporary (.part), kept (.kept) or journal file is left, and no PDF carries a
  serial the register lacks (a killed batch's files were rolled back).

tests/test_crash.py runs the named steps and enough random kills for 50 in all, through the
same functions. Figures are in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = "db/mentormatch.db"
OUT = "out"
LETTERS = ["letters-written", "letters-recorded", "letters-placed-first", "letters-placed-all", "letters-committed"]
SERIAL = re.compile(r"MM-\d{4}-\d{4}")
LEFTOVER = re.compile(r"\..*\.(part|kept|journal)")


@dataclass(frozen=True)
class Job:
    name: str
    base: str  # the prepared folder it starts from
    args: tuple[str, ...]  # after --db; paths relative to the case folder
    steps: tuple[str, ...]  # its crash points, in order
    output: str | None = None  # the file an export writes


JOBS = [
    Job("import", "sample", ("import", "apprentices", "{roster}"),
        ("import-validated", "import-rows-written", "import-before-commit")),
    Job("confirm", "imported", ("match", "--confirm"), ("confirm-draft-written", "confirm-before-commit")),
    Job("letters", "confirmed", ("letters", f"{OUT}/letters.pdf"), tuple(LETTERS)),
    Job("split", "confirmed", ("letters", "--split", OUT), tuple(LETTERS)),
    Job("export-xlsx", "confirmed", ("export", "pairs", f"{OUT}/pairs.xlsx"), ("export-written",), f"{OUT}/pairs.xlsx"),
    Job("export-csv", "confirmed", ("export", "pairs", f"{OUT}/pairs.csv"), ("export-written",), f"{OUT}/pairs.csv"),
    Job("export-pdf", "confirmed", ("export", "mentors", f"{OUT}/mentors.pdf"), ("export-written",), f"{OUT}/mentors.pdf"),
]
NEXT_RUN = ("export", "letters", f"{OUT}/register.csv")


@dataclass
class Tally:
    kills: Counter = field(default_factory=Counter)  # job/step or job/random -> kills
    finished: int = 0  # random timers that went off after the job had ended (checked all the same)
    traces: int = 0  # kills that left temporary, kept or journal files for the next run to clear
    failures: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.kills.values())


def cli(case: Path, *args: str, crash_at: str | None = None) -> subprocess.Popen:
    """mentormatch --db CASE/db/mentormatch.db ARGS, where out/ in an argument means CASE/out/."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "MENTORMATCH_CRASH_AT")}
    if crash_at:
        env["MENTORMATCH_CRASH_AT"] = crash_at
    args = [str(case / a) if a == OUT or a.startswith(f"{OUT}/") else a for a in args]
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(case / DB), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_cli(case: Path, *args: str) -> None:
    proc = cli(case, *args)
    out, err = proc.communicate(timeout=120)
    if proc.returncode != 0:
        raise AssertionError(f"mentormatch {' '.join(args)} ended with {proc.returncode}: {err.strip() or out.strip()}")


def write_roster(path: Path, programme: str) -> Path:
    """60 new apprentices of the sample's programme, as a CSV from the academic office."""
    kinds = [("汽车运用与维修", "四川工业科技学院", "重庆长安汽车股份有限公司"),
             ("焊接技术应用", "德阳安装技师学院", "重庆渝北精工焊接有限公司"),
             ("数控加工", "德阳安装技师学院", "德阳东方电机装备有限公司")]
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(["学号", "姓名", "性别", "所学专业", "班级", "学院", "实习单位", "项目"])
        for i in range(60):
            major, college, enterprise = kinds[i % 3]
            writer.writerow([f"2027{i:06d}", f"新学徒{i}", "男女"[i % 2], major, "新班", college, enterprise, programme])
    return path


# --- what is checked -------------------------------------------------------------------------

def state(case: Path) -> tuple:
    """What the jobs change: apprentices, active pairs with their status, the letter register."""
    with sqlite3.connect(case / DB) as conn:
        return (conn.execute("SELECT COUNT(*) FROM apprentices").fetchone()[0],
                tuple(conn.execute("SELECT apprentice_id, mentor_id, status FROM pairs WHERE ended_at IS NULL ORDER BY 1")),
                tuple(r[0] for r in conn.execute("SELECT serial FROM letters ORDER BY serial")))


def integrity(case: Path) -> str:
    conn = sqlite3.connect(case / DB)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def serials_in_pdfs(case: Path) -> set[str]:
    """The serials of every PDF in the output folder; AssertionError for an incomplete PDF."""
    found = set()
    for pdf in (case / OUT).glob("*.pdf"):
        data = pdf.read_bytes()
        if not (data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]):
            raise AssertionError(f"{pdf.name} is not a complete PDF")
        named = SERIAL.match(pdf.name)  # one PDF per mentor: the serial is in its name
        found |= {named.group()} if named else set(SERIAL.findall(pdftotext(pdf)))
    return found


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def complete_export(path: Path, reference: Path) -> bool:
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return book.testzip() is None
    if path.suffix == ".csv":
        return path.read_bytes().count(b"\n") == reference.read_bytes().count(b"\n")
    return b"%%EOF" in path.read_bytes()[-1024:]


def leftovers(case: Path) -> list[str]:
    return [str(p.relative_to(case)) for p in case.rglob(".*") if LEFTOVER.fullmatch(p.name)]


def check(lab: Lab, job: Job, case: Path) -> None:
    """The checks after a kill and after the next run; AssertionError says what is wrong."""
    before, after = lab.before[job.name], lab.after[job.name]
    if (verdict := integrity(case)) != "ok":
        raise AssertionError(f"integrity_check: {verdict}")
    now = state(case)
    if now not in (before, after):
        raise AssertionError("half done: the database is neither as before the job nor as after it")
    registered = set(now[2])
    missing = registered - serials_in_pdfs(case)  # nothing is revoked in these registers
    if missing:
        raise AssertionError(f"serials issued without their letter: {sorted(missing)[:5]} ({len(missing)})")
    if job.output and (case / job.output).exists() and not complete_export(case / job.output, lab.reference(job)):
        raise AssertionError(f"{job.output} is incomplete")
    run_cli(case, *NEXT_RUN)
    if state(case) != now:
        raise AssertionError("the next run changed the data")
    left = leftovers(case)
    if left:
        raise AssertionError(f"left after the next run: {left}")
    in_pdfs = serials_in_pdfs(case)
    if in_pdfs - registered:
        raise AssertionError(f"letters with serials the register lacks: {sorted(in_pdfs - registered)[:5]}")
    if registered - in_pdfs:
        raise AssertionError(f"serials without their letter after the next run: {sorted(registered - in_pdfs)[:5]}")


# --- the laboratory ----------------------------------------------------------------------------

class Lab:
    """Prepared folders, references (state and duration of an uninterrupted run), and kills."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.before: dict[str, tuple] = {}
        self.after: dict[str, tuple] = {}
        self.duration: dict[str, float] = {}  # of an uninterrupted run, alone on the machine
        self.startup = 0.0  # until a job would begin its work: the interpreter, Qt, the opening
        self.loaded: dict[str, float] = {}  # until the last step, among the other kills
        self._cases = 0
        self._lock = threading.Lock()

    def prepare(self) -> None:
        sample = self.folder / "sample"
        (sample / OUT).mkdir(parents=True)
        (sample / DB).parent.mkdir()  # the folder a coordinator chose: MentorMatch never creates it
        run_cli(sample, "sample")
        with sqlite3.connect(sample / DB) as conn:
            programme = conn.execute("SELECT name FROM programmes").fetchone()[0]
        self.roster = write_roster(self.folder / "roster.csv", programme)
        started = time.monotonic()
        cli(sample, "match", "--programme", "-").communicate(timeout=120)  # refused after opening: start-up only
        self.startup = time.monotonic() - started
        imported = self._copy("sample", "imported")
        run_cli(imported, *self._args(JOBS[0]))
        confirmed = self._copy("imported", "confirmed")
        run_cli(confirmed, "match", "--confirm")
        with sqlite3.connect(confirmed / DB) as conn:  # three letters issued earlier: the batches replace their files
            mentors = [str(r[0]) for r in conn.execute("SELECT DISTINCT mentor_id FROM pairs ORDER BY mentor_id LIMIT 3")]
        run_cli(confirmed, "letters", f"{OUT}/letters.pdf", "--mentor", ",".join(mentors))
        run_cli(confirmed, "letters", "--split", OUT, "--mentor", ",".join(mentors))
        for job in JOBS:
            case = self._copy(job.base, f"reference-{job.name}")
            self.before[job.name] = state(case)
            started = time.monotonic()
            run_cli(case, *self._args(job))
            self.duration[job.name] = time.monotonic() - started
            self.after[job.name] = state(case)

    def reference(self, job: Job) -> Path:
        return self.folder / f"reference-{job.name}" / job.output

    def _copy(self, base: str, name: str) -> Path:
        case = self.folder / name
        shutil.copytree(self.folder / base, case)
        return case

    def _args(self, job: Job) -> list[str]:
        return [a.format(roster=self.roster) for a in job.args]

    def kill(self, job: Job, step: str | None, delay: float, tally: Tally) -> None:
        """One kill: at a named step, or after delay seconds; checked, counted, its folder removed if all is well."""
        with self._lock:
            self._cases += 1
            name = f"case-{self._cases}"
        case = self._copy(job.base, name)
        started = time.monotonic()
        proc = cli(case, *self._args(job), crash_at=step)
        if step is None:
            try:
                proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                proc.kill()
        _, err = proc.communicate(timeout=120)
        if step == job.steps[-1]:
            self.loaded[job.name] = time.monotonic() - started
        label = f"{job.name}/{step or 'random'}"
        killed = proc.returncode == -signal.SIGKILL
        failure, traces = None, False
        try:
            if step and not killed:
                raise AssertionError(f"the job did not die at {step} (exit {proc.returncode}): {err.strip()[-300:]}")
            if not killed and proc.returncode != 0:
                raise AssertionError(f"the job failed (exit {proc.returncode}): {err.strip()[-300:]}")
            traces = bool(leftovers(case))
            check(self, job, case)
        except Exception as exc:  # noqa: BLE001 — every way a case fails is reported with its folder
            failure = f"{label}: {exc} [{case}]"
        with self._lock:
            tally.kills[label] += killed
            tally.finished += not killed
            tally.traces += killed and traces and not failure
            if failure:
                tally.failures.append(failure)
        if not failure:
            shutil.rmtree(case)

    def moment(self, job: Job, rng: random.Random) -> float:
        """A random moment of the job's work: between start-up and the end, stretched as much as
        the machine's load stretched the run to its last step (half the kills), or anywhere in the
        run, start-up included (the other half)."""
        stretch = self.loaded.get(job.name, self.duration[job.name]) / self.duration[job.name]
        start = self.startup if rng.random() < 0.5 else 0.0
        return stretch * rng.uniform(min(start, self.duration[job.name]), self.duration[job.name])

    def run(self, kills: int, seed: int, workers: int, progress=None) -> Tally:
        """Every named step of every job once, then random kills until `kills` in all."""
        tally = Tally()
        rng = random.Random(seed)
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda task: self.kill(*task, tally), [(job, step, 0.0) for job in JOBS for step in job.steps]))
            for _ in range(kills):  # rounds; a timer that goes off after the end kills nothing
                if tally.total >= kills or len(tally.failures) >= 20:
                    break
                batch = []
                for _ in range(min(workers * 4, kills - tally.total)):
                    job = rng.choice(JOBS)
                    batch.append((job, None, self.moment(job, rng)))
                list(pool.map(lambda task: self.kill(*task, tally), batch))
                if progress:
                    progress(tally)
        return tally


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=max(2, (os.cpu_count() or 1) * 2))
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mentormatch-crash-") as folder:
        lab = Lab(Path(folder))
        lab.prepare()
        tally = lab.run(args.kills, args.seed, args.workers,
                        lambda t: print(f"  {t.total} kills, {len(t.failures)} failures", file=sys.stderr))
        if tally.failures:
            kept = Path(tempfile.mkdtemp(prefix="mentormatch-crash-failed-"))
            shutil.copytree(folder, kept, dirs_exist_ok=True)
            tally.failures = [f.replace(folder, str(kept)) for f in tally.failures]
    print(f"machine: {machine()}")
    print(f"command: python scripts/crash_test.py --kills {args.kills} --seed {args.seed} --workers {args.workers}")
    print(f"kills: {tally.total}, survived: {tally.total - len(tally.failures)}, failures: {len(tally.failures)}, "
          f"timers after the end: {tally.finished}, kills that left files to clear: {tally.traces}, "
          f"{time.monotonic() - started:.0f} s")
    for label, count in sorted(tally.kills.items()):
        print(f"  {label}: {count}")
    for failure in tally.failures:
        print(f"FAILED {failure}")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
