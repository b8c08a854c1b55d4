#!/usr/bin/env bash
# Fidelity of our WAF engine against libmodsecurity3 3.0.9: the same requests, the same CRS 3.3.4 and
# the same setup through both, at PL1 and PL2; per request the matched rule ids are compared.
#
#   benchmarks/peer/modsecurity/fidelity.sh [requests.jsonl ...]
#
# Default input: our corpus (security-core/src/test/resources/.../waf/corpus/{attacks,benign}.jsonl).
# Installs libmodsecurity3, libmodsecurity-dev and modsecurity-crs with apt-get when missing (needs
# root), builds msc_replay.c with gcc and security-core with Maven (offline), then writes to
# benchmarks/target/fidelity/: ours-plN.jsonl, theirs-plN.tsv, diff-plN.txt (every request whose
# decision or id set differs: ids only in ours / only in theirs) and summary.md.
# Setup on both sides: Debian's crs-setup.conf, then REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf made
# of the corpus test's rest-api-setup.conf followed by the installed REQUEST-900 file, then rules/*.conf
# in owasp-crs.load order, then RESPONSE-999. libmodsecurity3 also gets the engine settings our
# WafConfig defaults stand for (see preamble below) and tx.paranoia_level, which our side sets with
# --paranoia. CRS_DIR and CRS_SETUP override /usr/share/modsecurity-crs and /etc/modsecurity/crs.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
crs=${CRS_DIR:-/usr/share/modsecurity-crs}
setup=${CRS_SETUP:-/etc/modsecurity/crs}
out=$root/benchmarks/target/fidelity
corpus=$root/security-core/src/test/resources/dev/tdeveloper/security/waf/corpus
inputs=("$@")
((${#inputs[@]})) || inputs=("$corpus/attacks.jsonl" "$corpus/benign.jsonl")

missing=()
for pkg in libmodsecurity3 libmodsecurity-dev modsecurity-crs; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} ..." >&2
  apt-get install -y -q "${missing[@]}" >&2
fi

mkdir -p "$out/setup"
gcc -O2 -Wall -Wextra -o "$out/msc_replay" "$here/msc_replay.c" -lmodsecurity
(cd "$root" && mvn -B -ntp -o -q package dependency:build-classpath -pl security-core -am \
  -DskipTests -Dmdep.outputFile=target/runtime.classpath -DincludeScope=runtime >&2)
cp=$(ls "$root"/security-core/target/security-core-*.jar | grep -v -e sources -e javadoc -e tests | head -1)
cp="$cp:$(cat "$root/security-core/target/runtime.classpath")"

# One setup directory for both sides.
cp "$setup/crs-setup.conf" "$out/setup/crs-setup.conf"
{
  cat "$corpus/rest-api-setup.conf"
  [[ -f $setup/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf ]] &&
    cat "$setup/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf"
} >"$out/setup/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf"
if [[ -f $setup/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf ]]; then
  cp "$setup/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf" "$out/setup/"
fi

# The corpus annotates each attack with "pl" (its paranoia level), which the replay format does not
# accept (docs/waf-replay.md): drop it, keep everything else.
python3 -c '
import json, sys
for name in sys.argv[1:]:
    for text in open(name, encoding="utf-8"):
        if text.strip():
            o = json.loads(text)
            o.pop("pl", None)
            print(json.dumps(o, separators=(",", ":")))
' "${inputs[@]}" >"$out/requests.jsonl"

for pl in 1 2; do
  # What libmodsecurity3 needs to run as our WafConfig.defaults() do: engine On, request body
  # access, JSON and XML bodies by Content-Type (rules 200000/200001 of modsecurity.conf-recommended),
  # the paranoia level set before the CRS (as WafTransaction sets tx.paranoia_level).
  cat >"$out/preamble-pl$pl.conf" <<EOF
SecRuleEngine On
SecRequestBodyAccess On
SecRule REQUEST_HEADERS:Content-Type "^(?:application(?:/soap\+|/)|text/)xml" \\
     "id:'200000',phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=XML"
SecRule REQUEST_HEADERS:Content-Type "^application/json" \\
     "id:'200001',phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=JSON"
SecRequestBodyLimit 13107200
SecRequestBodyNoFilesLimit 131072
SecRequestBodyLimitAction Reject
SecResponseBodyAccess Off
SecAuditEngine Off
SecArgumentSeparator &
SecCookieFormat 0
SecAction "id:1999900,phase:1,pass,nolog,t:none,setvar:tx.paranoia_level=$pl"
EOF
  # Reads the score for msc_replay (its C API cannot read TX) after every phase 2 detection rule and
  # before the blocking evaluation; msc_replay does not list this id.
  cat >"$out/score.conf" <<'EOF'
SecAction "id:1999901,phase:2,pass,log,t:none,msg:'anomaly score',logdata:'%{tx.anomaly_score_pl1},%{tx.anomaly_score_pl2},%{tx.anomaly_score_pl3},%{tx.anomaly_score_pl4}'"
EOF
  rules=(-r "$out/preamble-pl$pl.conf" -r "$out/setup/crs-setup.conf"
    -r "$out/setup/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf")
  while IFS= read -r file; do
    [[ $file == */REQUEST-949-* ]] && rules+=(-r "$out/score.conf")
    rules+=(-r "$file")
  done < <(LC_ALL=C ls "$crs"/rules/*.conf)
  [[ -f $out/setup/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf ]] &&
    rules+=(-r "$out/setup/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf")
  "$out/msc_replay" "${rules[@]}" "$out/requests.jsonl" >"$out/theirs-pl$pl.tsv"
  java -cp "$cp" dev.tdeveloper.security.waf.replay.WafReplay --crs "$crs" --setup "$out/setup" \
    --paranoia "$pl" "$out/requests.jsonl" >"$out/ours-pl$pl.jsonl"
done

# Per request: decision and id set, ours against theirs; summary.md and diff-plN.txt.
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
rows = ["| PL | requests | identical decision | identical id set | identical score | only ours (requests) | only theirs (requests) |",
        "|---|---|---|---|---|---|---|"]
for pl in (1, 2):
    ours = {}
    for text in open(f"{out}/ours-pl{pl}.jsonl"):
        o = json.loads(text)
        # libmodsecurity3 3.0.9 gives no phase 5 message to the log callback: 980xxx left out.
        o["matched"] = [i for i in o["matched"] if not 980000 <= i < 981000]
        ours[o["line"]] = o
    theirs = {}
    for text in open(f"{out}/theirs-pl{pl}.tsv"):
        line, rid, decision, status, rule, score, ids = text.rstrip("\n").split("\t")
        theirs[int(line)] = (rid, decision, int(score), [int(i) for i in ids.split(",") if i])
    same_decision = same_ids = same_score = only_ours = only_theirs = 0
    per_rule_ours, per_rule_theirs = {}, {}
    diff = []
    for line in sorted(theirs):
        rid, decision, score, ids = theirs[line]
        o = ours[line]
        a, b = set(o["matched"]), set(ids)
        same_decision += o["decision"] == decision
        same_ids += a == b
        same_score += o["inboundScore"] == score
        only_ours += bool(a - b)
        only_theirs += bool(b - a)
        for i in a - b:
            per_rule_ours[i] = per_rule_ours.get(i, 0) + 1
        for i in b - a:
            per_rule_theirs[i] = per_rule_theirs.get(i, 0) + 1
        if a != b or o["decision"] != decision or o["inboundScore"] != score:
            diff.append(f"{rid}\tours {o['decision']} {o['inboundScore']}\ttheirs {decision} {score}"
                        f"\tonly ours {sorted(a - b)}\tonly theirs {sorted(b - a)}")
    n = len(theirs)
    if n != len(ours):
        sys.exit(f"PL{pl}: {len(ours)} results of ours, {n} of libmodsecurity3")
    rows.append(f"| {pl} | {n} | {same_decision} ({100 * same_decision / n:.1f} %) | {same_ids} "
                f"({100 * same_ids / n:.1f} %) | {same_score} ({100 * same_score / n:.1f} %) | {only_ours} | {only_theirs} |")
    with open(f"{out}/diff-pl{pl}.txt", "w") as f:
        f.write("\n".join(diff) + "\n")
        f.write("\nrule: requests where only ours matched it\n")
        for i, c in sorted(per_rule_ours.items(), key=lambda e: -e[1]):
            f.write(f"{i}\t{c}\n")
        f.write("\nrule: requests where only libmodsecurity3 matched it\n")
        for i, c in sorted(per_rule_theirs.items(), key=lambda e: -e[1]):
            f.write(f"{i}\t{c}\n")
open(f"{out}/summary.md", "w").write("\n".join(rows) + "\n")
print("\n".join(rows))
PY
