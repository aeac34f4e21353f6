"""The main window (with each page shown) and every dialog fit the screens coordinators have: a
1366×768 laptop, at 100 % or at 150 % (911×480 logical pixels), and a 1920×1080 monitor at 150 %
(1280×720 logical pixels), with the taskbar and a title bar taken off.

Each screen is a fresh process (tests/screen_sizes.py) whose offscreen platform has that screen:
a screen's size is fixed when the application starts. The offscreen screen has no taskbar, so it
is made as large as the free area of the real one (what Windows reports as the available
geometry); a window must fit in it with its title bar and frame.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rosters import apprentices_xlsx

HERE = Path(__file__).resolve().parent
TASKBAR = 40  # Windows' taskbar at 100 %, in physical pixels (48 at 150 %)
TITLE_BAR, BORDERS = 32, 16  # logical pixels a window's title bar and frame take
SCREENS = {  # name: (physical size of the free area, scale factor, language)
    "1366×768": ((1366, 768 - TASKBAR), "1", "en"),
    "1920×1080 at 150 %": ((1920, 1080 - 48), "1.5", "en"),
    "1920×1080 at 150 %, Chinese": ((1920, 1080 - 48), "1.5", "zh_CN"),
    "1366×768 at 150 %, Chinese": ((1366, 768 - 48), "1.5", "zh_CN"),  # 911×480 logical pixels
}


def measured(tmp_path, size, scale, language):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": size[0], "height": size[1],
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale}
    roster = apprentices_xlsx(tmp_path / "学徒花名册.xlsx")
    result = subprocess.run([sys.executable, str(HERE / "screen_sizes.py"), language, str(roster), str(tmp_path / "settings")],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize("screen", SCREENS)
def test_every_window_fits_the_screen(tmp_path, screen):
    size, scale, language = SCREENS[screen]
    found = measured(tmp_path, size, scale, language)
    width, height = found["screen"]
    assert (width, height) == (round(size[0] / float(scale)), round(size[1] / float(scale)))
    room = (width - BORDERS, height - TITLE_BAR)
    too_big = {name: s for name, s in found["windows"].items()
               if not (s["size"][0] <= room[0] and s["size"][1] <= room[1] and s["minimum"][0] <= room[0] and s["minimum"][1] <= room[1])}
    assert not too_big, f"room {room}: {too_big}"
    assert len(found["windows"]) >= 34
