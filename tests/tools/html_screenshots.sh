#!/bin/sh
# html_screenshots.sh RESPUB DIR -- PNGs of the example pages at a phone
# (390 px) and a desktop (1280 px) width: DIR/html-NAME-WIDTH.png, from a
# site of examples/ rendered in Debian's headless chromium.
set -e
respub=$1 dir=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
RESPUB_DATA_DIR=$root "$respub" site -q -d "$tmp/site" "$root"/examples/*.txt
mkdir -p "$dir"
for page in index S-RES-1377-2001 A-RES-58-136 E-RES-2005-19 \
    S-RES-1456-2003-zho S-RES-2617-2021; do
	for w in 390 1280; do
		h=$([ $w = 390 ] && echo 1600 || echo 1100)
		chromium --headless --no-sandbox --disable-gpu --disable-quic \
		    --no-first-run --disable-background-networking \
		    --disable-component-update --disable-sync \
		    --hide-scrollbars --user-data-dir="$tmp/chrome" \
		    --window-size=$w,$h --screenshot="$dir/html-$page-$w.png" \
		    "file://$tmp/site/$page.html" 2>/dev/null
		echo "$dir/html-$page-$w.png"
	done
done
