"""The open-source components MentorMatch runs on, with the versions and licences their installed
packages' metadata states: Help → About lists them; the bundle's spec (packaging/MentorMatch.spec)
walks the same requirements to copy their licence files and metadata into the folder.
"""

from __future__ import annotations

import platform
import re
import tomllib
from importlib import metadata

from resources import RESOURCES

ROOT = RESOURCES.parent  # a checkout's root; the bundle's _internal folder once frozen
PYPROJECT = ROOT / "pyproject.toml"
# The licence texts: licenses/ in the bundle (the spec's licences()); in a checkout only Qt's texts,
# the other packages' are installed with them.
LICENCES = ROOT / "licenses" if (ROOT / "licenses").is_dir() else ROOT / "packaging" / "licenses"


def required() -> list[metadata.Distribution]:
    """The installed distributions pyproject.toml's dependencies name, with theirs in turn (not the
    extras': tests, the bundle's tools)."""
    with open(PYPROJECT, "rb") as f:
        pending = list(tomllib.load(f)["project"]["dependencies"])
    found: dict[str, metadata.Distribution] = {}
    while pending:
        requirement = pending.pop()
        name, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", name).group(1)
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        try:
            found[key] = dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # for another platform or Python (markers), so not installed here
        pending += dist.requires or ()
    return list(found.values())


def installed() -> list[metadata.Distribution]:
    """From a checkout, what pyproject.toml requires; in the bundle, which has no pyproject.toml,
    exactly what the spec put in (it copies the metadata of the components it bundles)."""
    return required() if PYPROJECT.exists() else list(metadata.distributions())


def licence(dist: metadata.Distribution) -> str:
    """The licence as the metadata states it: its SPDX expression, else its short License field,
    else its classifier's name."""
    meta = dist.metadata
    text = meta.get("License-Expression") or meta.get("License") or ""
    if text and "\n" not in text.strip() and len(text) <= 60:
        return text.strip()
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or () if c.startswith("License ::")]
    return classifiers[-1] if classifiers else "?"


def listing() -> list[tuple[str, str, str]]:
    """(name, version, licence) of Python and of every component, sorted by name."""
    rows = {(dist.metadata["Name"], dist.version, licence(dist)) for dist in installed()}
    return [("Python", platform.python_version(), "PSF-2.0"), *sorted(rows, key=lambda row: row[0].lower())]
