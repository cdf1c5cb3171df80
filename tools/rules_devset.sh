#!/bin/sh
# tools/rules_devset.sh - run `netra check` over a development set of real
# cases and print how often the verdict and the level agree with the
# recorded outcome.  Not a test: the figures are for people to read.
#
#   sh tools/rules_devset.sh [CASES.jsonl]   (default /work/shared/dev-data/cases.jsonl)
#
# Each case has conduct_text, employee_type, date, election and
# outcome.{finding, sanction_level}.  Elections the calendar does not know
# (pemilu2019, pilkada2020, other) are passed as election_kind only, so no
# penetapan date is assumed.  Agreement: finding "violation" = pelanggaran;
# "no violation" = boleh or bukan_asn; tidak_cukup_informasi never agrees.
set -u
NETRA_BIN=${NETRA_BIN:-build/bin/netra}
CASES=${1:-/work/shared/dev-data/cases.jsonl}
known=$("$NETRA_BIN" calendar --json 2>/dev/null | jq -r '.. | objects | select(has("penetapan")) | .id' 2>/dev/null | sort -u)
[ -n "$known" ] || known="pemilu2024 pilkada2024"
jq -c --arg known "$known" '
	($known | split("\n") | map(select(. != ""))) as $k
	| {id, text: .conduct_text, status: .employee_type}
	  + (if .date then {date} else {} end)
	  + (if (.election // "") as $e | $k | index($e) then {election} 
	     elif (.election // "" | startswith("pemilu")) then {election_kind: "pemilu"}
	     elif (.election // "" | startswith("pilkada")) then {election_kind: "pilkada"}
	     else {} end)' "$CASES" |
	"$NETRA_BIN" check --json 2>/dev/null >/tmp/netra-devset.$$.out
jq -n -r --slurpfile cases "$CASES" --slurpfile out /tmp/netra-devset.$$.out '
	[range(0; $cases | length) as $i | {c: $cases[$i], o: $out[$i]}] as $rows
	| ($rows | map(
		(.c.outcome.finding) as $f | (.o.verdict // ("error:" + (.o.error.code // "?"))) as $v
		| (.c.outcome.sanction_level) as $l
		| {id: .c.id, finding: $f, level: $l, verdict: $v, got_level: (.o.level // "-"),
		   top: ([.o.items[]? | select(.applies or .conditional) | .id][0] // "-"),
		   verdict_ok: (if $f == "violation" then $v == "pelanggaran"
				elif $f == "no violation" then ($v == "boleh" or $v == "bukan_asn")
				else null end),
		   level_ok: (if ($l | IN("moral","ringan","sedang","berat","ptdh")) then .o.level == $l else null end)})) as $r
	| ($r[] | "\(.id)  recorded: \(.finding) / \(.level)  netra: \(.verdict) / \(.got_level) (top \(.top))  verdict \(if .verdict_ok == null then "n/a" elif .verdict_ok then "agrees" else "differs" end), level \(if .level_ok == null then "n/a" elif .level_ok then "agrees" else "differs" end)"),
	  "",
	  ([$r[] | select(.verdict_ok != null)]) as $vs
	  | ([$r[] | select(.level_ok != null)]) as $ls
	  | "verdict agrees: \([$vs[] | select(.verdict_ok)] | length) of \($vs | length) cases with a recorded finding",
	    "level agrees:   \([$ls[] | select(.level_ok)] | length) of \($ls | length) cases with a recorded level",
	    "abstained (tidak_cukup_informasi): \([$r[] | select(.verdict == "tidak_cukup_informasi")] | length) of \($r | length)"'
rm -f /tmp/netra-devset.$$.out
