#!/bin/sh
# Installs the Debian and npm packages Tertulia needs to build, run and test.
# Idempotent: only missing packages are installed, so repeat runs cost a second.
set -eu
cd "$(dirname "$0")/.."
# --bench: also what `make bench` needs (the FastAPI and Node ws peers, gnuplot).
bench=false
[ "${1:-}" = "--bench" ] && bench=true

debian_packages="
    cmake ninja-build g++ pkg-config clang libclang-rt-14-dev
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev
    libqt6sql6-sqlite libsqlite3-dev liburing-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins qt6-image-formats-plugins libgl-dev libqrencode-dev zbar-tools
    libhiredis-dev redis-server haproxy avahi-daemon
    libicu-dev python3-websockets python3-dbus openssl faketime chromium xvfb xauth imagemagick fonts-dejavu-core fonts-noto-color-emoji
"

if $bench; then
    debian_packages="$debian_packages python3-fastapi python3-uvicorn python3-uvloop python3-httptools gnuplot-nox"
fi

missing=""
for package in $debian_packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done

if ! command -v node >/dev/null 2>&1; then
    missing="$missing nodejs npm"
fi

if [ -n "$missing" ]; then
    echo "Installing Debian packages:$missing"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# playwright-core drives Debian's chromium; it never downloads a browser.
if [ ! -d tests/browser/node_modules/playwright-core ]; then
    echo "Installing npm packages for the browser tests"
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

if $bench && [ ! -d bench/peers/node-ws/node_modules/ws ]; then
    echo "Installing npm packages for the Node ws peer"
    (cd bench/peers/node-ws && npm ci --no-audit --no-fund --loglevel=error)
fi
