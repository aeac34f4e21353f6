"""Build the self-contained folder dist/MentorMatch/ for the machine this runs on.

    python scripts/build_bundle.py            # installs the `bundle` extra's tools, then builds

The folder holds the window program MentorMatch (MentorMatch.exe) and the console program
mentormatch (mentormatch.com on Windows, see packaging/MentorMatch.spec), Python, Qt and every
library, so that it runs on a PC with neither Python nor the internet. Run it in the environment
where MentorMatch's own dependencies are installed (the README's set-up command): the folder is
made of what is installed there. Then check it with scripts/smoke_bundle.sh, and on Windows make
the installer with `makensis packaging/windows/MentorMatch.nsi`.
"""

from __future__ import annotations

import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "MentorMatch.spec"
DIST = ROOT / "dist"
FOLDER = DIST / "MentorMatch"


def bundle_requirements() -> list[str]:
    """The freezer and its helpers, as the project's `bundle` extra lists them."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["optional-dependencies"]["bundle"]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *bundle_requirements()], check=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "bundle"), str(SPEC)],
                   check=True, cwd=ROOT)
    print(f"{FOLDER}: {folder_size(FOLDER) / 1e6:.0f} MB, built in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
