#!/usr/bin/env bash
# Ingestion + segmentation of a folder of PDFs (clauselens-cli ingest into a
# fresh database) against pdftotext (poppler-utils) on the same files, run in
# turn A B A B ... so that both see the same machine, with the median of each
# and the median of the per-pair ratios.
#   bench/ingest_vs_pdftotext.sh CLI FOLDER [RUNS]
set -euo pipefail
cli=$1
folder=$2
runs=${3:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t pdfs < <(find "$folder" -name '*.pdf' | sort)

now() { date +%s.%N; }
ours() {
    rm -f "$work/db"*
    "$cli" ingest --db "$work/db" "${pdfs[@]}" >/dev/null 2>&1
}
theirs() {
    for f in "${pdfs[@]}"; do pdftotext "$f" "$work/out.txt" 2>/dev/null; done
}

ours; theirs # warm-up: file cache, first-time start-up
a=(); b=(); r=()
for ((i = 0; i < runs; i++)); do
    t0=$(now); ours; t1=$(now); theirs; t2=$(now)
    ta=$(echo "$t1 - $t0" | bc -l); tb=$(echo "$t2 - $t1" | bc -l)
    a+=("$ta"); b+=("$tb"); r+=("$(echo "$ta / $tb" | bc -l)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
printf 'files: %d, runs: %d\n' "${#pdfs[@]}" "$runs"
printf 'clauselens-cli ingest (read, segment, store): median %.3f s  [min %.3f, max %.3f]\n' \
    "$(median "${a[@]}")" "$(printf '%s\n' "${a[@]}" | sort -g | head -1)" "$(printf '%s\n' "${a[@]}" | sort -g | tail -1)"
printf 'pdftotext:                                    median %.3f s  [min %.3f, max %.3f]\n' \
    "$(median "${b[@]}")" "$(printf '%s\n' "${b[@]}" | sort -g | head -1)" "$(printf '%s\n' "${b[@]}" | sort -g | tail -1)"
printf 'ratio ingest / pdftotext: median %.2f  [min %.2f, max %.2f]\n' \
    "$(median "${r[@]}")" "$(printf '%s\n' "${r[@]}" | sort -g | head -1)" "$(printf '%s\n' "${r[@]}" | sort -g | tail -1)"
