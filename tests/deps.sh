#!/bin/sh
# Installs the Debian packages tqlint needs (arguments), when missing.
# As root: apt-get install; otherwise prints the exact command.
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "tqlint: missing packages:$missing"
	echo "run: sudo apt-get update && sudo apt-get install -y$missing"
	exit 1
fi
echo "tqlint: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || { echo "tqlint: apt-get update failed"; exit 1; }
apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
	echo "tqlint: apt-get install failed for:$missing"; exit 1; }
