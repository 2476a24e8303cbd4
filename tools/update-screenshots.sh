#!/usr/bin/env bash
# Saves the screenshots README shows (docs/screenshots/*.png): the GUI
# workflow test, run under Xvfb on a 1280x820 window, snapshots the main
# window when empty, while a batch runs, with results highlighted on the page,
# and the settings dialog. Usage: tools/update-screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build/default}"
out="$PWD/docs/screenshots"
mkdir -p "$out"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/xdg-runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
CLAUSELENS_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=xcb \
  xvfb-run -a -s "-screen 0 1400x900x24" "$build/tests/gui/test_gui_window" "[window]"
ls -l "$out"
