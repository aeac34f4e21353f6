"""What the one-folder bundle weighs on Windows, worked out on Linux from the Windows wheels.

    python scripts/build_bundle.py && python benchmarks/bundle_size_windows.py

No Windows machine is at hand, so the Windows folder is put together on paper: from the Linux
folder dist/MentorMatch/ and the Windows (win_amd64) wheels of exactly the versions installed here
(importlib.metadata), which `pip download` brings into build/win-wheels/ once (not committed). It
prints, part by part, the Linux folder's megabytes against the Windows folder's, with the versions.

Measured (the sizes of files in the Windows wheels), by these rules:
- Files that are not binaries (Python data, pypinyin's dictionaries, stdnum's table, Qt's
  translations, the app's resources, licences, METADATA): the same path in the Windows wheel when
  it has one (Qt's `Qt/translations/` is `translations/` there), else the Linux file's size.
- Extension modules: `name.cpython-311-x86_64-linux-gnu.so` -> `name.cp311-win_amd64.pyd`,
  `name.abi3.so` / `name.so` -> `name.pyd`, from the same package's Windows wheel.
- Qt, as PyInstaller's Qt hooks collect it (PyInstaller.utils.hooks.qt): the Qt modules the app's
  code imports (found by importing every module of mentormatch and ui), plus the modules whose
  Qt library those link on Windows; each module's plug-in folders (PyInstaller's table) from the
  Windows wheel; opengl32sw.dll and ICU DLLs if the wheel has them. The spec's own filters then
  apply, read from packaging/MentorMatch.spec: its `excludes` (modules) and `wanted()` (plug-ins,
  translations, opengl32sw, stdnum's tables).
- Native libraries are not mapped one by one (Linux splits OR-Tools into 70 libraries, Windows
  into 9): the Windows folder has the DLLs its binaries link, followed through the PE import tables
  from the modules and plug-ins above, each found beside the binary that links it or in the same
  wheel, as PyInstaller looks for them. Windows' own DLLs (KERNEL32, the Universal CRT's
  api-ms-win-*, USER32, ... and icu.dll, which Qt 6 takes from Windows 10 1903 and later) are not
  collected. The Visual C++ runtime (msvcp140*.dll, vcruntime140*.dll, ...) is: PyInstaller always
  collects it; one copy each, the PySide6 wheel's (ortools' wheel has none), is counted.

Measured when the Windows embeddable Python (python-3.X.Y-embed-amd64.zip, the version running
this) is in build/win-wheels/ or can be downloaded from python.org: python311.dll and the .pyd of
the extension modules the Linux folder has in lib-dynload (the others are built into python311.dll
on Windows, or are POSIX-only), with the DLLs they link (OpenSSL, SQLite, libffi). Otherwise
ESTIMATED, by the Linux counterparts: libpython, lib-dynload, and the system libraries Python's
modules link on Linux that python.org's Windows build ships as DLLs or links into its .pyd
(OpenSSL, SQLite, libffi, liblzma, libbz2, libexpat). Also estimated:
- base_library.zip and the compressed modules inside the two programs: as on Linux (the same
  Python code compiled; the stdlib's few platform modules differ);
- the two programs: PyInstaller's Windows bootloaders (run.exe, runw.exe, measured from
  PyInstaller's Windows wheel) plus the archive the Linux programs carry, without icon and
  manifest resources (some kB).
Not counted: Windows-only standard modules the app would import there (asyncio's _overlapped.pyd,
some tens of kB); second copies of the Visual C++ runtime (printed below the table). Sizes are the
files' own (the Linux folder's symbolic links are not counted), in MB of 10^6 bytes.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import struct
import subprocess
import sys
import urllib.request
import zipfile
from collections import defaultdict
from importlib import metadata
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
INTERNAL = ROOT / "dist" / "MentorMatch" / "_internal"
PROGRAMS = ("MentorMatch", "mentormatch")
CACHE = ROOT / "build" / "win-wheels"
SPEC = ROOT / "packaging" / "MentorMatch.spec"
PY = f"{sys.version_info.major}{sys.version_info.minor}"
EMBED = f"python-{sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro}-embed-amd64.zip"

# Microsoft's Visual C++ runtime, which PyInstaller collects wherever it is found (dylib._win_includes)
VC_RUNTIME = re.compile(r"(msvcp140(_\w+)?|vcruntime140(_1)?|concrt140|vccorlib140|vcamp140|vcomp140)\.dll", re.IGNORECASE)
# What python.org's Windows build ships as DLLs or links into its .pyd, and the Linux folder
# carries as system libraries: the estimate of Python's part when the embeddable package is missing
PYTHON_LIBS = ("libcrypto.", "libssl.", "libsqlite3.", "libffi.", "liblzma.", "libbz2.", "libexpat.")


def spec_names(*names: str) -> dict:
    """Top-level definitions of packaging/MentorMatch.spec (a list, a tuple, a function), run
    alone: the rules the build applies, read from their one home."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    keep = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name in names
            or isinstance(node, ast.Assign) and {getattr(t, "id", None) for t in node.targets} & set(names)]
    namespace = {"Path": Path}
    exec(compile(ast.Module(body=keep, type_ignores=[]), str(SPEC), "exec"), namespace)  # noqa: S102 — the project's spec
    return namespace


def pe_imports(data: bytes) -> list[str]:
    """The DLL names in a PE file's import table (what PyInstaller's pefile reading gives)."""
    header = struct.unpack_from("<I", data, 0x3C)[0]
    sections, optional_size = struct.unpack_from("<H", data, header + 6)[0], struct.unpack_from("<H", data, header + 20)[0]
    optional = header + 24
    directories = optional + (112 if struct.unpack_from("<H", data, optional)[0] == 0x20B else 96)
    table = [struct.unpack_from("<8sIIII", data, optional + optional_size + 40 * i) for i in range(sections)]

    def offset(rva: int) -> int:
        return next(rva - address + raw for _, size, address, raw_size, raw in table
                    if address <= rva < address + max(size, raw_size))

    names, entry = [], struct.unpack_from("<I", data, directories + 8)[0]
    if entry:
        entry = offset(entry)
        while name := struct.unpack_from("<I", data, entry + 12)[0]:
            start = offset(name)
            names.append(data[start:data.index(b"\0", start)].decode("ascii"))
            entry += 20
    return names


class Windows:
    """The files of the Windows wheels (and the embeddable Python), by lower-case path."""

    def __init__(self):
        self.files: dict[str, tuple[zipfile.ZipFile, zipfile.ZipInfo]] = {}
        self.by_name: dict[str, list[str]] = defaultdict(list)

    def add(self, archive: Path, prefix: str = "") -> None:
        z = zipfile.ZipFile(archive)
        for info in z.infolist():
            if not info.is_dir():
                path = (prefix + info.filename).lower()
                self.files[path] = (z, info)
                self.by_name[PurePosixPath(path).name].append(path)

    def original(self, path: str) -> str:
        """The path as the wheel spells it, which is the path in PyInstaller's folder."""
        return self.files[path][1].filename

    def size(self, path: str) -> int:
        return self.files[path][1].file_size

    def imports(self, path: str) -> list[str]:
        z, info = self.files[path]
        return pe_imports(z.read(info))


def download(requirement: str, platform: str = "win_amd64") -> Path:
    """The Windows wheel of `name==version`, from the cache or downloaded into it."""
    name, version = requirement.split("==")
    stem = f"{re.sub(r'[-_.]+', '_', name).lower()}-{version}-"
    found = [w for w in CACHE.glob("*.whl") if w.name.lower().startswith(stem) and platform in w.name]
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--no-deps",
                        "--platform", platform, "--python-version", f"{sys.version_info.major}.{sys.version_info.minor}",
                        "--dest", str(CACHE), requirement], check=True)
        found = [w for w in CACHE.glob("*.whl") if w.name.lower().startswith(stem) and platform in w.name]
    return found[0]


def embeddable() -> Path | None:
    """python.org's embeddable Windows Python of this version, if it is cached or can be fetched."""
    target = CACHE / EMBED
    if not target.exists():
        url = f"https://www.python.org/ftp/python/{'.'.join(map(str, sys.version_info[:3]))}/{EMBED}"
        try:
            with urllib.request.urlopen(url, timeout=20) as response:
                target.write_bytes(response.read())
        except OSError as error:
            print(f"{EMBED}: not available ({error}); Python's part is estimated", file=sys.stderr)
            return None
    return target


def is_elf(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def part(dest: str) -> str:
    """The row of the table a file of either folder counts in."""
    path = PurePosixPath(dest.lower())
    top = path.parts[0]
    if VC_RUNTIME.fullmatch(path.name):
        return "Visual C++ runtime"
    if top in ("python3.11", "base_library.zip") or top.startswith(("libpython", "python3")) or path.suffix == ".pyd" and len(path.parts) == 1:
        return "Python (runtime, extension modules, base library)"
    if "libicu" in path.name:
        return "Qt's ICU"
    if len(path.parts) == 1 and (".so" in path.name or path.suffix == ".dll"):
        return "system libraries" if ".so" in path.name else "Python (runtime, extension modules, base library)"
    if top == "licenses" or top.endswith(".dist-info"):
        return "licences, METADATA"
    top = top.removesuffix(".libs")
    return "PySide6, shiboken6 (Qt without ICU)" if top in ("pyside6", "shiboken6") else top


def windows_module(linux: str) -> str:
    """The Windows name of an extension module's file."""
    path = PurePosixPath(linux)
    name = re.sub(rf"\.cpython-{PY}-x86_64-linux-gnu\.so$", f".cp{PY}-win_amd64.pyd", path.name)
    name = re.sub(r"(\.abi3)?\.so$", ".pyd", name)
    return str(path.with_name(name)).lower()


def qt_modules(windows: Windows, excludes: list[str]) -> tuple[list[str], set[str], list[str]]:
    """Qt as PyInstaller's Qt hooks collect it on Windows: the PySide6 modules (.pyd), the plug-in
    folders, and the ICU/OpenGL extras present in the wheel."""
    from PyInstaller.utils.hooks.qt._modules_info import QT_MODULES_INFO

    info = [m for m in QT_MODULES_INFO if not m.bindings or any(
        re.fullmatch(b.lstrip("!").replace("*", ".*"), "PySide6") != b.startswith("!") for b in m.bindings)]
    by_module = {m.module: m for m in info if m.module}
    by_library = {f"qt6{m.shared_lib}.dll".lower(): m for m in info if m.shared_lib}
    imported = subprocess.run(
        [sys.executable, "-c", (
            "import pkgutil, importlib, sys, mentormatch, ui\n"
            "for p in (mentormatch, ui):\n"
            "    for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
            "        m.name.endswith('__main__') or importlib.import_module(m.name)\n"  # __main__ would run the app
            "print(' '.join(m[8:] for m in sys.modules if m.startswith('PySide6.Qt')))")],
        cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout.split()  # a module makes the application
    pending, modules, plugins = list(imported), [], set()
    while pending:
        module = pending.pop()
        if module in modules or f"PySide6.{module}" in excludes or module not in by_module:
            continue
        modules.append(module)
        plugins.update(by_module[module].plugins)
        seen, libraries = set(), list(windows.imports(f"pyside6/{module.lower()}.pyd"))
        while libraries:  # collect_module: follow the Qt libraries the module links
            library = libraries.pop().lower()
            if library in seen or library not in by_library or (  # as collect_module: QML only for QML
                    library == "qt6qml.dll" and not module.startswith(("QtQml", "QtQuick"))):
                continue
            seen.add(library)
            linked = by_library[library]
            if linked.module and linked.module != module:
                pending.append(linked.module)
                continue
            plugins.update(linked.plugins)
            libraries += windows.imports(f"pyside6/{library}")
    extras = [p for p in windows.files if PurePosixPath(p).parent == PurePosixPath("pyside6")
              and re.fullmatch(r"(opengl32sw|libegl|libglesv2|d3dcompiler_\d\d|icu(dt|in|uc)\d\d)\.dll", PurePosixPath(p).name)]
    return sorted(modules), plugins, extras


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", action="store_true", help="list the Windows folder's files too")
    args = parser.parse_args()
    if not INTERNAL.is_dir():
        sys.exit(f"{INTERNAL} is missing: run python scripts/build_bundle.py first")
    CACHE.mkdir(parents=True, exist_ok=True)
    rules = spec_names("excludes", "UNUSED_PLUGINS", "wanted")
    wanted, excludes = rules["wanted"], rules["excludes"]

    # The Linux folder, and the distributions with native code it carries: their Windows wheels
    linux = {str(p.relative_to(INTERNAL)): p for p in sorted(INTERNAL.rglob("*")) if p.is_file() and not p.is_symlink()}
    owners = metadata.packages_distributions()
    native = sorted({dist for dest, path in linux.items() if is_elf(path)
                     for dist in owners.get(PurePosixPath(dest).parts[0].removesuffix(".libs"), ())})
    versions = {dist: metadata.version(dist) for dist in native}
    windows = Windows()
    for dist, version in versions.items():
        windows.add(download(f"{dist}=={version}"))
    embed = embeddable()
    if embed:
        windows.add(embed, prefix="<python>/")

    linux_sizes, windows_sizes = defaultdict(int), defaultdict(int)
    estimated, unmapped = set(), []
    collected: dict[str, int] = {}  # Windows dest (lower case) -> size, measured
    roots: list[str] = []  # Windows binaries whose imports are followed

    def collect(path: str, dest: str | None = None) -> None:
        dest = dest or path
        if dest not in collected:
            collected[dest] = windows.size(path)
            if path.endswith((".dll", ".pyd")):
                roots.append(path)

    for dest, path in linux.items():
        size = path.stat().st_size
        row = part(dest)
        linux_sizes[row] += size
        low = dest.lower()
        if dest.startswith(("python3.11/", "libpython")) or row == "system libraries" and dest.startswith(PYTHON_LIBS):
            if not embed:  # estimated by the Linux counterparts
                windows_sizes["Python (runtime, extension modules, base library)"] += size
                estimated.add("Python (runtime, extension modules, base library)")
            elif dest.startswith("python3.11/"):
                pyd = f"<python>/{PurePosixPath(dest).name.split('.')[0]}.pyd".lower()
                if pyd in windows.files:  # else built into python311.dll, or POSIX-only
                    collect(pyd, PurePosixPath(pyd).name)
            continue
        if dest.startswith("PySide6/") or dest.startswith("shiboken6/") and is_elf(path):
            if not is_elf(path):  # translations: the spec's wanted() chose them
                windows_path = low.replace("pyside6/qt/translations/", "pyside6/translations/")
                collect(windows_path) if windows_path in windows.files else unmapped.append(dest)
            continue  # Qt's binaries: qt_modules() below
        if not is_elf(path):
            if low in windows.files:
                collect(low)
            else:
                collected[low] = size
            if dest == "base_library.zip":
                estimated.add(row)
            continue
        if PurePosixPath(dest).name.startswith("lib") or row == "system libraries":
            continue  # a library: Windows has what the binaries link (below)
        windows_path = windows_module(dest)
        if windows_path in windows.files:
            collect(windows_path)
        else:
            unmapped.append(dest)
            collected[low] = size
            estimated.add(row)

    modules, plugin_folders, extras = qt_modules(windows, excludes)
    left_out = []  # by the spec's wanted()
    collect("shiboken6/shiboken.pyd")
    for module in modules:
        collect(f"pyside6/{module.lower()}.pyd")
    for path in windows.files:
        folder = PurePosixPath(path).parent
        if path.startswith("pyside6/plugins/") and path.endswith(".dll") and str(folder)[len("pyside6/plugins/"):] in plugin_folders:
            collect(path) if wanted(windows.original(path)) else left_out.append(path)
    for path in extras:
        collect(path) if wanted(windows.original(path)) else left_out.append(path)
    if embed:
        collect(f"<python>/python{PY}.dll", f"python{PY}.dll")

    # Follow the import tables: beside the binary, else in its wheel's package, else Windows' own
    def package(path: str) -> str:
        return path.split("/")[0].removesuffix(".libs")

    system = set()
    while roots:
        binary = roots.pop()
        for name in windows.imports(binary):
            name = name.lower()
            beside = str(PurePosixPath(binary).parent / name) if "/" in binary else name
            candidates = [beside] if beside in windows.files else [
                p for p in windows.by_name.get(name, ()) if package(p) == package(binary)]
            if candidates:
                collect(candidates[0], candidates[0].removeprefix("<python>/"))
            elif f"<python>/{name}" in windows.files:
                collect(f"<python>/{name}", name)
            elif VC_RUNTIME.fullmatch(name) and windows.by_name.get(name):
                collect(windows.by_name[name][0], name)  # from Windows' folders on the build machine
            elif windows.by_name.get(name):  # another wheel's (PySide6 links shiboken6's library)
                collect(windows.by_name[name][0])
            elif not embed and name.startswith(("python", "libcrypto", "libssl", "libffi", "sqlite3")):
                pass  # Python's own, in its estimate
            else:
                system.add(name)

    vc_copies = defaultdict(list)
    for dest, size in collected.items():
        if VC_RUNTIME.fullmatch(PurePosixPath(dest).name):
            vc_copies[PurePosixPath(dest).name].append(dest)
        else:
            windows_sizes[part(dest)] += size
    for name, copies in vc_copies.items():
        windows_sizes["Visual C++ runtime"] += collected[copies[0]]

    # The two programs: the bootloader and the archive of compiled modules it carries
    bootloaders = zipfile.ZipFile(download(f"pyinstaller=={metadata.version('pyinstaller')}"))
    import PyInstaller
    linux_bootloader = (Path(PyInstaller.__file__).parent / "bootloader" / "Linux-64bit-intel" / "run").stat().st_size
    row = "the two programs"
    for program, windows_loader in zip(PROGRAMS, ("runw.exe", "run.exe")):
        size = (INTERNAL.parent / program).stat().st_size
        linux_sizes[row] += size
        windows_sizes[row] += size - linux_bootloader + bootloaders.getinfo(
            f"PyInstaller/bootloader/Windows-64bit-intel/{windows_loader}").file_size
    estimated.add(row)

    print(f"Linux folder {INTERNAL.parent} against the Windows folder from the win_amd64 wheels of:")
    print("  " + ", ".join(f"{d} {v}" for d, v in versions.items())
          + f"; Python {'.'.join(map(str, sys.version_info[:3]))} ({embed.name if embed else 'no embeddable package: estimated'})")
    present = sorted(f for f in plugin_folders if any(p.startswith(f"pyside6/plugins/{f}/") for p in windows.files))
    print(f"  Qt modules: {', '.join(modules)}; plug-in folders (in the Windows wheel): {', '.join(present)}")
    if args.files:
        for dest, size in sorted(collected.items(), key=lambda item: (part(item[0]), item[0])):
            shown = windows.original(dest) if dest in windows.files else dest
            print(f"  {part(dest):<20.20} {size / 1e6:7.2f}  {shown}")
    rows = sorted(set(linux_sizes) | set(windows_sizes), key=lambda r: -max(linux_sizes[r], windows_sizes[r]))
    print("\n| part | Linux MB | Windows MB | |\n| --- | ---: | ---: | --- |")
    for row in rows:
        print(f"| {row} | {linux_sizes[row] / 1e6:.1f} | {windows_sizes[row] / 1e6:.1f} | {'estimated' if row in estimated else 'measured'} |")
    total_linux, total_windows = sum(linux_sizes.values()), sum(windows_sizes.values())
    print(f"| **total** | **{total_linux / 1e6:.1f}** | **{total_windows / 1e6:.1f}** | |")
    icu = [p for p in windows.files if re.fullmatch(r"icu.*\.dll", PurePosixPath(p).name)]
    print(f"\nICU in the PySide6 Windows wheel: {', '.join(icu) or 'none'}; Qt links Windows' own: "
          f"{', '.join(sorted(n for n in system if n.startswith('icu')))}")
    print(f"Windows' own DLLs linked, not collected: {', '.join(sorted(system))}")
    print("Left out by the spec's wanted() on Windows: " + ", ".join(
        f"{windows.original(p)} ({windows.size(p) / 1e6:.2f} MB)" for p in sorted(left_out)))
    extra_vc = sum(collected[c] for copies in vc_copies.values() for c in copies[1:])
    print(f"Visual C++ runtime: {', '.join(sorted(vc_copies))} (one copy each counted; "
          f"PyInstaller may also keep the copies beside other binaries: +{extra_vc / 1e6:.1f} MB)")
    if unmapped:
        print(f"Not found in the Windows wheels (counted at their Linux size): {', '.join(unmapped)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
