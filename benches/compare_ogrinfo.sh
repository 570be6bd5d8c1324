#!/usr/bin/env bash
# Load time and peak memory of `zae-atlas check` against GDAL's `ogrinfo -al -so` on the same
# generated files, same machine, same run.
#   usage: benches/compare_ogrinfo.sh [N...]      (default: 10000 100000)
# Needs: gdal-bin (apt-get install -y gdal-bin), python3, /usr/bin/time; builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v ogrinfo >/dev/null || { echo "ogrinfo missing: apt-get install -y gdal-bin" >&2; exit 2; }
cargo build --release --quiet
gen=../shared/tools/gen_parks.py
dir=${TMPDIR:-/tmp}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)

measure() { # label, command...: prints "label  seconds  peak-MiB"
  local label=$1; shift
  local tf; tf=$(mktemp)
  /usr/bin/time -o "$tf" -f "%e %M" "$@" >/dev/null 2>&1 || true
  local out; out=$(tail -1 "$tf"); rm -f "$tf"
  local secs=${out% *} kib=${out#* }
  printf "%-34s %8.2f s %8.0f MiB\n" "$label" "$secs" "$((kib / 1024))"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); $(ogrinfo --version)"
for n in "${sizes[@]}"; do
  f="$dir/parks_$n.geojson"
  [ -f "$f" ] || python3 "$gen" "$n" "$f" >/dev/null
  mib=$(( $(stat -c %s "$f") / 1048576 ))
  echo "== $n zones, $mib MiB: $f"
  measure "zae-atlas check" target/release/zae-atlas check "$f"
  measure "ogrinfo -al -so" ogrinfo -al -so "$f"
done
