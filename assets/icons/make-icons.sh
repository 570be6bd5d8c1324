#!/usr/bin/env bash
# Renders the application icon from its SVG source (zae-atlas.svg) into every size and format
# the platforms need, into this folder:
#   PNG 16…512 (Linux hicolor theme, window icon), zae-atlas.ico (Windows exe, installer),
#   zae-atlas.icns (macOS .app).
# Tools (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
convert_bin=/usr/bin/convert   # ImageMagick's, not another `convert` earlier on PATH
for tool in rsvg-convert "$convert_bin" png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool not found" >&2; exit 1; }
done
sizes=(16 24 32 48 64 128 256 512)
for s in "${sizes[@]}"; do
  rsvg-convert --width "$s" --height "$s" zae-atlas.svg --output "zae-atlas-$s.png"
done
"$convert_bin" zae-atlas-16.png zae-atlas-24.png zae-atlas-32.png zae-atlas-48.png \
  zae-atlas-64.png zae-atlas-128.png zae-atlas-256.png zae-atlas.ico
png2icns zae-atlas.icns zae-atlas-16.png zae-atlas-32.png zae-atlas-48.png zae-atlas-128.png \
  zae-atlas-256.png zae-atlas-512.png >/dev/null
echo "make-icons: $(ls zae-atlas-*.png | wc -l) PNG, zae-atlas.ico, zae-atlas.icns"
