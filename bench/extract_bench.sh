#!/usr/bin/env bash
# Segments/s and tokens/s of `clauselens-cli extract` with and without the
# shared-prefix cache and at several batch sizes, side by side: every
# configuration runs once per round, in turn, for RUNS rounds (after one
# warm-up round), so that all see the same machine; each run extracts into a
# fresh database (the PDFs are ingested beforehand into a template that each
# run copies, so ingestion is not timed; loading the model and evaluating the
# prompt prefix are, as a user waits for them). Prints the exact commands, each
# run's figures (from extract's summary line), the medians and the ratios of
# the medians to the first configuration.
#   bench/extract_bench.sh CLI MODEL LIBRARY RUNS EXTRACT_OPTIONS -- PDF...
# e.g.
#   bench/extract_bench.sh build/release/app/cli/clauselens-cli tiny.gguf \
#     tests/data/extraction/cuad-five.json 3 --max-answer-tokens 16 -- a.pdf b.pdf
set -euo pipefail
cli=$1 model=$2 library=$3 runs=$4
shift 4
common=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    common+=("$1")
    shift
done
[ "${1:-}" = "--" ] || { echo "usage: $0 CLI MODEL LIBRARY RUNS OPTIONS -- PDF..." >&2; exit 2; }
shift
pdfs=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name|options of each configuration; the first is the reference for ratios.
configs=(
    "cache, batch 1|--batch 1"
    "cache, batch 8|--batch 8"
    "cache, batch 32|--batch 32"
    "no cache, batch 8|--batch 8 --no-prefix-cache"
)

"$cli" ingest --db "$work/template.db" "${pdfs[@]}" >/dev/null 2>&1

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "device: $("$cli" devices 2>/dev/null | grep -m1 'vk:0' | sed 's/^ *//')"
echo "commands (each into a fresh copy of the ingested database):"
for c in "${configs[@]}"; do
    echo "  $cli extract --db DB -m $model --library $library ${common[*]} ${c#*|} ${pdfs[*]}"
done

# One run: prints "segments tokens seconds" from the summary line, e.g.
# "run 1: 2 documents (0 done before), 71 segments, 0 clauses found, 6323
# tokens in 7:02 (15 tokens/s, 0.2 segments/s)"; the seconds are timed here.
one() {
    local options=$1
    rm -f "$work/run.db"*
    cp "$work/template.db" "$work/run.db"
    local t0 t1 line
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086 # options are words
    line=$("$cli" extract --db "$work/run.db" -m "$model" --library "$library" "${common[@]}" \
        $options "${pdfs[@]}" 2>/dev/null | grep '^run ')
    t1=$(date +%s.%N)
    local segments tokens
    segments=$(sed -E 's/.* ([0-9]+) segments,.*/\1/' <<<"$line")
    tokens=$(sed -E 's/.* ([0-9]+) tokens in .*/\1/' <<<"$line")
    echo "$segments $tokens $(echo "$t1 - $t0" | bc -l)"
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

# A warm-up round (file cache, first start of the Vulkan driver) unless
# WARMUP=0.
if [ "${WARMUP:-1}" != 0 ]; then
    echo "warm-up round"
    for c in "${configs[@]}"; do one "${c#*|}" >/dev/null; done
fi

declare -A sps tps
for ((r = 1; r <= runs; r++)); do
    for i in "${!configs[@]}"; do
        c=${configs[$i]}
        read -r segments tokens seconds < <(one "${c#*|}")
        s=$(echo "$segments / $seconds" | bc -l)
        t=$(echo "$tokens / $seconds" | bc -l)
        sps[$i]+="$s "
        tps[$i]+="$t "
        printf 'round %d  %-18s %4d segments %7d tokens %8.2f s  %6.3f segments/s %7.1f tokens/s\n' \
            "$r" "${c%%|*}" "$segments" "$tokens" "$seconds" "$s" "$t"
    done
done

echo
printf '| %-18s | %-14s | %-12s | %-24s |\n' configuration "segments/s" "tokens/s" "segments/s ratio to first"
echo '|---|---|---|---|'
# shellcheck disable=SC2086 # lists of numbers
ref=$(median ${sps[0]})
for i in "${!configs[@]}"; do
    c=${configs[$i]}
    # shellcheck disable=SC2086
    s=$(median ${sps[$i]})
    # shellcheck disable=SC2086
    t=$(median ${tps[$i]})
    printf '| %-18s | %14.3f | %12.1f | %24.2f |\n' "${c%%|*}" "$s" "$t" "$(echo "$s / $ref" | bc -l)"
done
