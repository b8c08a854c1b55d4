#!/usr/bin/env bash
# Runs the JMH benchmarks matching a regex with short settings, then prints the ratio table.
#
#   benchmarks/run.sh <regex> [extra JMH args]
#
# Builds benchmarks/target/benchmarks.jar first when it is missing or older than any source or
# pom of the repository (set MVN_ARGS, for example MVN_ARGS=-o, to pass flags to Maven). Extra
# arguments go to JMH and replace the matching defaults (-f 1 -wi 2 -w 1s -i 3 -r 1s), e.g. -f 3.
# Results (-rf/-rff are fixed): benchmarks/target/results-<regex, sanitized>.json
set -euo pipefail

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
 sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
regex=$1
shift

jar=benchmarks/target/benchmarks.jar
stale=""
if [[ -f $jar ]]; then
  stale=$(find . -path ./.git -prune -o -path '*/target' -prune -o \
    \( -name '*.java' -o -name 'pom.xml' \) -newer "$jar" -print -quit)
fi
if [[ ! -f $jar || -n $stale ]]; then
  echo "Building $jar ..." >&2
  # shellcheck disable=SC2086 # MVN_ARGS is a list of flags
  mvn -B -q ${MVN_ARGS:-} -DskipTests package -pl benchmarks -am
fi

name=$(printf '%s' "$regex" | tr -c 'A-Za-z0-9._-' '_')
results=benchmarks/target/results-$name.json

# JMH refuses an option given twice, so a default is dropped when the caller gives the option.
user=("$@")
given() {
  local arg
  for arg in ${user[@]+"${user[@]}"}; do
    [[ $arg == "$1" ]] && return 0
  done
  return 1
}
if given -rf || given -rff; then
  echo "run.sh writes JSON results itself; do not pass -rf or -rff" >&2
  exit 2
fi
defaults=()
for option in "-f 1" "-wi 2" "-w 1s" "-i 3" "-r 1s"; do
  read -r flag value <<<"$option"
  given "$flag" || defaults+=("$flag" "$value")
done
given -prof || defaults+=(-prof gc)

java -jar "$jar" "$regex" "${defaults[@]}" -rf json -rff "$results" ${user[@]+"${user[@]}"}

echo
java -cp "$jar" dev.tdeveloper.benchmarks.report.RatioReport "$results"
