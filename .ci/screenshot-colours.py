#!/usr/bin/env python3
"""Says whether a screenshot of ZAE Atlas shows its zones: the image is not blank, and zone
colours (saturated hues, of several vocations) cover part of it. Used by .ci/check-dist on the
window shot under Xvfb and Wine.

    screenshot-colours.py SHOT.png   exit 0 when zones show, 1 otherwise; prints the figures
"""

import subprocess
import sys

CONVERT = "/usr/bin/convert"  # ImageMagick's, not another `convert` earlier on PATH
MIN_COLOURS = 40  # distinct colours: a blank or one-colour window has a handful
MIN_ZONE_PIXELS = 2000  # saturated pixels in all
MIN_HUES = 3  # hue buckets (of 12) with at least HUE_PIXELS each: several vocations
HUE_PIXELS = 150


def read_ppm(path):
    raw = subprocess.run(
        [CONVERT, path, "-depth", "8", "ppm:-"], check=True, capture_output=True
    ).stdout
    # P6\n<w> <h>\n<max>\n<data>: ImageMagick writes exactly these three header lines.
    header, rest = raw.split(b"\n", 1)
    if header != b"P6":
        raise ValueError(f"{path}: not a P6 image")
    dims, rest = rest.split(b"\n", 1)
    _maxval, data = rest.split(b"\n", 1)
    width, height = (int(v) for v in dims.split())
    return width, height, data


def hue_bucket(r, g, b):
    hi, lo = max(r, g, b), min(r, g, b)
    d = hi - lo
    if hi == r:
        h = ((g - b) / d) % 6
    elif hi == g:
        h = (b - r) / d + 2
    else:
        h = (r - g) / d + 4
    return int(h * 2) % 12


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    width, height, data = read_ppm(sys.argv[1])
    colours = set()
    zone_pixels = 0
    hues = [0] * 12
    for i in range(0, len(data) - 2, 3):
        r, g, b = data[i], data[i + 1], data[i + 2]
        colours.add((r, g, b))
        if max(r, g, b) - min(r, g, b) >= 60:
            zone_pixels += 1
            hues[hue_bucket(r, g, b)] += 1
    strong_hues = sum(1 for n in hues if n >= HUE_PIXELS)
    print(
        f"{sys.argv[1]}: {width}x{height}, {len(colours)} colours, "
        f"{zone_pixels} zone-coloured pixels in {strong_hues} hues"
    )
    ok = (
        len(colours) >= MIN_COLOURS
        and zone_pixels >= MIN_ZONE_PIXELS
        and strong_hues >= MIN_HUES
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
