"""MentorMatch core: storage, rules, matching, import/export and letters. No widgets here."""

import ctypes
import sys

__version__ = "0.1.0"

# PySide6 6.12 on Python 3.11 returns None from every void method without taking a reference
# (it assumes Python 3.12's immortal None), so after a few thousand calls (painting one letter
# makes dozens) the interpreter aborts with "none_dealloc". Give None references it can never
# lose, as Python 3.12 does. Import of any mentormatch module runs this before Qt is used.
if sys.version_info < (3, 12):
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
