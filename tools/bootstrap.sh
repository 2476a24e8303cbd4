#!/usr/bin/env bash
# Installs every Debian 12 package ClauseLens needs to build, test and package.
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
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
