#!/bin/sh
# Runs a fuzzer for a fixed time on a copy of its seed corpus.
#   tools/fuzz/run_fuzz.sh BUILD_DIR NAME SECONDS
# NAME is gguf (the GGUF reader), pdf (PDF ingestion), tokenizer
# (byte-level BPE encoding) or schema (JSON-schema grammar and token masks):
# the fuzzer is
# fuzz_NAME_reader, its seeds corpus/NAME/, its dictionary NAME.dict if there
# is one. BUILD_DIR is a build configured with the `fuzz` preset (build/fuzz).
# Exits non-zero if the fuzzer finds a crash, a
# leak, a timeout or an out-of-memory input, and says where the input is.
set -eu

if [ $# -ne 3 ]; then
    echo "usage: $0 BUILD_DIR gguf|pdf|tokenizer|schema SECONDS" >&2
    exit 2
fi
build_dir=$1
name=$2
seconds=$3
here=$(cd "$(dirname "$0")" && pwd)
fuzzer="$build_dir/tools/fuzz/fuzz_${name}_reader"
if [ ! -x "$fuzzer" ]; then
    echo "$0: $fuzzer not found; build it with:" >&2
    echo "  cmake --preset fuzz && cmake --build build/fuzz --target fuzz_${name}_reader" >&2
    exit 2
fi

# The fuzzer adds what it learns to the corpus folder: work on a copy so the
# committed seeds stay small. Crash inputs are kept in the build folder.
work=$(mktemp -d "${TMPDIR:-/tmp}/clauselens-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
cp "$here/corpus/$name/"* "$work/corpus/"
# One folder per run, so the report below lists only this run's findings.
artifacts=$(cd "$build_dir" && pwd)/fuzz-artifacts/$name/$(date +%Y%m%d-%H%M%S)
mkdir -p "$artifacts"

echo "fuzzing fuzz_${name}_reader for ${seconds}s ($(ls "$work/corpus" | wc -l) seeds)"
dict=""
if [ -f "$here/$name.dict" ]; then
    dict="$here/$name.dict"
fi
status=0
"$fuzzer" "$work/corpus" \
    -max_total_time="$seconds" \
    ${dict:+-dict="$dict"} \
    -max_len=16384 \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/" || status=$?

if [ "$status" -ne 0 ]; then
    echo >&2
    echo "FUZZER FOUND A PROBLEM (exit $status). Input(s) saved in $artifacts:" >&2
    ls -l "$artifacts" >&2
    # CI machines are gone after the run: print small inputs so they can be
    # recovered from the log (base64 -d).
    for f in "$artifacts"/*; do
        if [ -f "$f" ] && [ "$(wc -c <"$f")" -le 65536 ]; then
            echo "--- base64 of $(basename "$f"):" >&2
            base64 "$f" >&2
        fi
    done
    echo "Reproduce: $fuzzer $artifacts/<file>" >&2
    echo "After fixing, keep the input as a regression test (tests/data/$name/fuzz-regressions/ for gguf)." >&2
    exit 1
fi
rmdir "$artifacts" 2>/dev/null || true
echo "no crash in ${seconds}s"
