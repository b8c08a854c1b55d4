#!/usr/bin/env bash
# Backs a generated tree up to a local S3 server (s3rver or S3Mock) with dr-core's engine and S3BackupStore, and with the
# AWS SDK's S3TransferManager, then again after a 1% change; prints MiB/s, bytes sent and ratios.
#
#   benchmarks/aws-backup.sh [megabytes (default 1024)] [work directory] [s3rver (default) | s3mock]
#
# s3rver by default: S3Mock rewrites a bucket-wide key list on every put, so a 1 GiB run stalls there.
#
# Builds benchmarks/target/benchmarks.jar first when it is missing or older than any source or pom
# (MVN_ARGS, for example MVN_ARGS=-o, passes flags to Maven). The tree is generated (seeded) under
# benchmarks/target/aws-backup unless a work directory is given, and deleted at the end.
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

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

java -Xmx2g -cp "$jar" dev.tdeveloper.benchmarks.aws.S3BackupComparison "${1:-1024}" \
  "${2:-benchmarks/target/aws-backup}" "${3:-s3rver}"
