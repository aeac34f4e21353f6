#!/usr/bin/env bash
# Smoke test of the BUILT folder (scripts/build_bundle.py), not of the source: every job a
# coordinator's day needs, run by the bundled programs with networking switched off, then the
# window opened offscreen on the same database and closed.
#
#     scripts/smoke_bundle.sh [FOLDER]        # default dist/MentorMatch
#
# The rosters are written by tests/rosters.py (as Excel, WPS and academic systems write them) with
# the development environment's Python; only writing them needs it. Exits non-zero at the first
# failure; prints one line per step.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FOLDER="$(cd "${1:-$ROOT/dist/MentorMatch}" && pwd)"

# Networking off: rerun this script in a new network namespace (only the loopback inside).
if [ -z "${SMOKE_OFFLINE:-}" ]; then
  if unshare -n true 2>/dev/null; then
    SMOKE_OFFLINE=1 exec unshare -n bash "$0" "$FOLDER"
  fi
  echo "smoke: unshare -n is not permitted here: running with the network on"
fi
[ -r /proc/net/dev ] && echo "smoke: network interfaces: $(awk -F: 'NR>2 {printf "%s ", $1}' /proc/net/dev)"

# Windows: the console program is mentormatch.com (see packaging/MentorMatch.spec).
CLI="$FOLDER/mentormatch"; [ -f "$FOLDER/mentormatch.com" ] && CLI="$FOLDER/mentormatch.com"
WINDOW="$FOLDER/MentorMatch"; [ -f "$FOLDER/MentorMatch.exe" ] && WINDOW="$FOLDER/MentorMatch.exe"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# A user with nothing of ours yet: settings, data and logs go to the scratch home.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
  XDG_STATE_HOME="$WORK/home/.local/state" XDG_CACHE_HOME="$WORK/home/.cache"
mkdir -p "$HOME"
unset PYTHONPATH PYTHONHOME MENTORMATCH_DB MENTORMATCH_LANG
export QT_QPA_PLATFORM=offscreen
PYTHON="${PYTHON:-python}"
cd "$WORK"  # nothing of the checkout is importable from here

passed=0
fail() { echo "smoke: FAILED: $*" >&2; echo "smoke: $passed passed, 1 failed"; exit 1; }
step() { passed=$((passed + 1)); echo "smoke: $*"; }
DB="$WORK/college.db"

version="$("$CLI" --version)" || fail "$CLI --version"
[[ "$version" == "MentorMatch "* ]] || fail "--version printed: $version"
step "version: $version"

"$CLI" --lang zh_CN --help | grep -q "配对" || fail "--lang zh_CN --help is not in Chinese (the .qm files)"
step "--lang zh_CN --help speaks Chinese"

"$CLI" --db "$DB" sample || fail "sample"
step "sample loaded"
programme="$("$PYTHON" - "$WORK" "$ROOT/tests" <<'EOF'
import sys
from pathlib import Path
work = Path(sys.argv[1])
sys.path.insert(0, sys.argv[2])
import rosters
rosters.enterprises_csv(work / "合作企业.csv")
rosters.mentors_xlsx(work / "导师名单.xlsx")
rosters.apprentices_xlsx(work / "学徒名单.xlsx")
print(rosters.PROGRAMME)
EOF
)" || fail "writing the rosters needs a Python with openpyxl: PYTHON=$PYTHON"
iconv -f GBK -t UTF-8 "$WORK/合作企业.csv" >/dev/null || fail "the CSV roster is not GBK"
"$CLI" --db "$DB" import enterprises "$WORK/合作企业.csv" || fail "import of the GBK .csv"
step "GBK .csv roster imported"
"$CLI" --db "$DB" import mentors "$WORK/导师名单.xlsx" || fail "import of the mentors' .xlsx"
"$CLI" --db "$DB" import apprentices "$WORK/学徒名单.xlsx" --skip-errors || fail "import of the apprentices' .xlsx"
step ".xlsx rosters imported"
"$CLI" --db "$DB" match --confirm || fail "match --confirm"
step "pairs matched and confirmed"
"$CLI" --db "$DB" letters "$WORK/letters.pdf" --programme "$programme" || fail "letters"
if command -v pdffonts >/dev/null; then
  fonts="$(pdffonts "$WORK/letters.pdf")"
  # name ... emb sub uni object ID: a Simplified Chinese face with emb = yes
  embedded="$(echo "$fonts" | awk 'NR>2 && tolower($1) ~ /(cjksc|sc-|simsun|song|yahei|simhei|kaiti|fangsong)/ && $(NF-4) == "yes" {print $1}')"
  [ -n "$embedded" ] || { echo "$fonts"; fail "letters.pdf embeds no Simplified Chinese font"; }
  step "letters.pdf embeds: $(echo "$embedded" | sort -u | tr '\n' ' ')"
else
  step "pdffonts missing: the letters' fonts are not checked"
fi
"$CLI" --db "$DB" export pairs "$WORK/pairs.xlsx" || fail "export pairs"
rows="$("$PYTHON" -c "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1]).active.max_row)" "$WORK/pairs.xlsx")"
[ "$rows" -gt 1 ] || fail "pairs.xlsx has no pairs"
step "pairs.xlsx: $rows rows"
"$CLI" --db "$DB" check || fail "check"
step "database checked"

# The window: opens on that database in Chinese, stays up until closed 3 s into its event loop,
# and exits 0; closing it saved its geometry (Linux, macOS), so the window was really shown.
started=$SECONDS
status=0
MENTORMATCH_QUIT_AFTER_MS=3000 timeout 120 "$WINDOW" --db "$DB" --lang zh_CN || status=$?
[ $status -eq 0 ] || fail "the window exited with status $status"
[ $((SECONDS - started)) -ge 3 ] || fail "the window did not stay open until it was closed"
case "$(uname -s)" in  # Windows keeps the settings in the registry
  MINGW*|MSYS*|CYGWIN*) ;;
  *) grep -rqs "geometry" "$XDG_CONFIG_HOME" "$HOME" || fail "the window never saved its settings on closing" ;;
esac
step "window opened offscreen and closed cleanly after $((SECONDS - started)) s"
echo "smoke: $passed passed, 0 failed"
