#!/usr/bin/env bash
# Builds and runs msc_bench, the libmodsecurity3 peer of WafBenchmark, on the same CRS and requests.
#
#   benchmarks/peer/modsecurity/run.sh [msc_bench options: -n transactions -i rounds -w warmup]
#
# Installs libmodsecurity3, libmodsecurity-dev and modsecurity-crs with apt-get when missing (needs
# root), compiles msc_bench.c with gcc into benchmarks/target/peer/, writes the three requests with
# WafRequests (from benchmarks/target/benchmarks.jar, built by benchmarks/run.sh or mvn package),
# then loads preamble.conf and the CRS in owasp-crs.load order, as WafBuilder.crs(...) does.
# CRS_DIR and CRS_SETUP override /usr/share/modsecurity-crs and /etc/modsecurity/crs.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
crs=${CRS_DIR:-/usr/share/modsecurity-crs}
setup=${CRS_SETUP:-/etc/modsecurity/crs}
out=$root/benchmarks/target/peer
jar=$root/benchmarks/target/benchmarks.jar

missing=()
for pkg in libmodsecurity3 libmodsecurity-dev modsecurity-crs; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} ..." >&2
  apt-get install -y -q "${missing[@]}" >&2
fi
if [[ ! -f $jar ]]; then
  echo "$jar is missing: run benchmarks/run.sh once or mvn -DskipTests package -pl benchmarks -am" >&2
  exit 2
fi

mkdir -p "$out"
gcc -O2 -Wall -Wextra -o "$out/msc_bench" "$here/msc_bench.c" -lmodsecurity -lm
java -cp "$jar" dev.tdeveloper.benchmarks.waf.WafRequests "$out/requests" >/dev/null

rules=(-r "$here/preamble.conf" -r "$setup/crs-setup.conf")
[[ -f $setup/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf ]] &&
  rules+=(-r "$setup/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf")
while IFS= read -r file; do
  rules+=(-r "$file")
done < <(LC_ALL=C ls "$crs"/rules/*.conf)
[[ -f $setup/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf ]] &&
  rules+=(-r "$setup/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf")

echo "libmodsecurity3 $(dpkg-query -W -f='${Version}' libmodsecurity3), CRS $(dpkg-query -W -f='${Version}' modsecurity-crs)"
"$out/msc_bench" "$@" "${rules[@]}" \
  "$out/requests/benign-get.http" "$out/requests/json-post.http" "$out/requests/sqli-get.http"
