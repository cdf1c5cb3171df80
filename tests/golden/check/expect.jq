# expect.jq - compare one `netra check --json` answer ($o) with the
# expectations of one golden case ($c.expect); prints one line per failure.
def ids: [.items[]?.id];
def inplay: [.items[]? | select(.applies or .conditional) | .id];
$c.expect as $e
| [
    (if $o == null then "no answer" else empty end),
    (if ($e | has("error")) then
        (if ($o.error.code // null) == $e.error then empty
         else "error: got \($o.error.code // ("verdict " + ($o.verdict // "?"))) want \($e.error)" end)
     else
        (if ($o.error // null) != null then "unexpected error \($o.error.code): \($o.error.message)" else empty end)
     end),
    (if ($e | has("verdict")) and ($o.verdict != $e.verdict) then "verdict: got \($o.verdict) want \($e.verdict)" else empty end),
    (if ($e | has("level")) and ($o.level != $e.level) then "level: got \($o.level) want \($e.level)" else empty end),
    (if ($e | has("top")) and (($o | inplay | .[0]) != $e.top) then "top: got \($o | inplay | .[0]) want \($e.top)" else empty end),
    (($e.items // [])[] as $id | if ($o | ids | index($id)) != null then empty else "item \($id) not listed" end),
    (($e.applying // [])[] as $id | if ($o | inplay | index($id)) != null then empty else "item \($id) should apply" end),
    (($e.not_applying // [])[] as $id | if ($o | inplay | index($id)) == null then empty else "item \($id) should not apply" end),
    (($e.covered // {}) | to_entries[] as $p
        | ([$o.items[]? | select(.id == $p.key) | .covered_by][0]) as $got
        | if $got == $p.value then empty else "\($p.key) covered_by: got \($got) want \($p.value)" end),
    (if ($e | has("recommending")) and (($o.route.recommending // null) != $e.recommending) then "route: got \($o.route.recommending // null) want \($e.recommending)" else empty end),
    (if ($e | has("route")) and (($o.route.id // null) != $e.route) then "route id: got \($o.route.id // null) want \($e.route)" else empty end),
    (if ($e | has("date_source")) and (($o.route.date_source // null) != $e.date_source) then "route date_source: got \($o.route.date_source // null) want \($e.date_source)" else empty end),
    (if ($e | has("forms_regime")) and ($o.forms_regime != $e.forms_regime) then "forms_regime: got \($o.forms_regime) want \($e.forms_regime)" else empty end),
    (if ($e | has("nforms")) and (($o.forms | length) != $e.nforms) then "forms: got \($o.forms | length) want \($e.nforms)" else empty end),
    (if ($e | has("flagged")) and ([$o.forms[]? | select(.flagged) | .code] != $e.flagged) then "flagged forms: got \([$o.forms[]? | select(.flagged) | .code]) want \($e.flagged)" else empty end),
    (($e.basis // [])[] as $b | if ([$o.legal_basis[]?.text] | index($b)) != null then empty else "legal basis '\($b)' not listed" end),
    (($e.not_basis // [])[] as $b | if ([$o.legal_basis[]?.text] | index($b)) == null then empty else "legal basis '\($b)' should not be listed" end),
    (($e.missing // [])[] as $m | if ($o.missing | index($m)) != null then empty else "missing: '\($m)' not listed (got \($o.missing))" end),
    (($e.readings // [])[] as $r | if ($o.readings | index($r)) != null then empty else "reading \($r) not listed (got \($o.readings))" end),
    (($e.notes // [])[] as $re | if ([$o.notes[]? | test($re)] | any) then empty else "no note matching /\($re)/" end),
    (($e.explanation // [])[] as $re | if (($o.explanation // "") | test($re)) then empty else "explanation does not match /\($re)/" end),
    (if ($e | has("pidana")) and (($o.pidana != null) != $e.pidana) then "pidana route: got \($o.pidana != null) want \($e.pidana)" else empty end),
    (if ($e | has("status")) and (($o.status.id // null) != $e.status) then "status: got \($o.status.id // null) want \($e.status)" else empty end),
    (if ($e | has("stage")) and (($o.election.stage.id // null) != $e.stage) then "stage: got \($o.election.stage.id // null) want \($e.stage)" else empty end),
    (($e.modifiers // {}) | to_entries[] as $p
        | if ($o.modifiers[$p.key].value) == $p.value then empty else "modifier \($p.key): got \($o.modifiers[$p.key].value) want \($p.value)" end),
    (($e.matched // {}) | to_entries[] as $p
        | ([$o.items[]? | select(.id == $p.key) | .matched[]]) as $m
        | ($p.value[] as $w | if ($m | index($w)) != null then empty else "\($p.key) matched: '\($w)' not in \($m)" end))
  ]
| .[]
