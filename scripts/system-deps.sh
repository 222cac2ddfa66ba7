#!/usr/bin/env bash
# System packages the test suite needs beyond Python, and the Nu HTML Checker
# (vnu.jar, from npm). Installs only what is missing, and only when it can
# (root with apt); otherwise says what to install.
set -euo pipefail

needed=()
# command → Debian package
declare -A packages=(
  [chromium]=chromium  # browser tests (Playwright drives /usr/bin/chromium)
  [nginx]=nginx  # the browser tests run against deploy/nginx/portal.conf
  [java]=default-jre-headless  # runs the Nu HTML Checker
  [npm]=npm  # fetches the Nu HTML Checker (vnu-jar) below
)
for command in "${!packages[@]}"; do
  command -v "$command" >/dev/null 2>&1 || [ -x "/usr/sbin/$command" ] || needed+=("${packages[$command]}")
done
if [ ${#needed[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}"
  else
    echo "Cần cài các gói hệ thống: ${needed[*]} (sudo apt-get install ${needed[*]})" >&2
    exit 1
  fi
fi
# The Nu HTML Checker, pinned (tests/browser/test_valid_html.py runs it).
VNU_VERSION=26.9.27
if [ ! -f ".cache/vnu/$VNU_VERSION/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  npm install --silent --no-audit --no-fund --prefix ".cache/vnu/$VNU_VERSION" "vnu-jar@$VNU_VERSION"
fi
