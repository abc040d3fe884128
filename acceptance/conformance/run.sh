#!/usr/bin/env bash
# Runs every MCP conformance server scenario that applies to a stateless, tools-only server, on the newest
# release (0.1.16, `latest`) and the newest pre-release (0.2.0-alpha.12, installed as `conformance-next`) — the
# latter under 2025-11-25 and 2026-07-28. The suite cannot send a token, so it talks to the personal-token URL
# form /mcp/<token>. A scenario passes when it has no FAILURE other than the checks listed in not_testable
# (they need the suite's test_* fixture tools; README "Conformance" says why each is not applicable).
# Prints one line per scenario and a closing count.
set -uo pipefail
cd "$(dirname "$0")"
url="$1"
node22=node_modules/.bin/node
latest=node_modules/@modelcontextprotocol/conformance/dist/index.js
next=node_modules/conformance-next/dist/index.js
not_testable="sep-2575-server-rejects-undeclared-capability sep-2575-missing-capability-http-400
sep-2575-http-server-no-independent-requests-on-stream sep-2575-server-no-log-without-loglevel
sep-2549-prompts-list-caching-hints sep-2549-resources-list-caching-hints sep-2549-resources-templates-list-caching-hints"
runs=(
  "$latest|-|server-initialize ping tools-list dns-rebinding-protection server-sse-multiple-streams"
  "$next|2025-11-25|server-initialize ping tools-list dns-rebinding-protection server-sse-multiple-streams server-session-lifecycle"
  "$next|2026-07-28|server-stateless tools-list caching http-header-validation server-sse-multiple-streams dns-rebinding-protection"
)
passed=0
failed=0
for run in "${runs[@]}"; do
  IFS='|' read -r suite version scenarios <<< "$run"
  label=$([ "$suite" = "$latest" ] && echo "0.1.16" || echo "0.2.0-alpha.12 $version")
  for scenario in $scenarios; do
    out=$(mktemp -d)
    args=(server --url "$url" --scenario "$scenario" -o "$out")
    [ "$version" != "-" ] && args+=(--spec-version "$version")
    "$node22" "$suite" "${args[@]}" > "$out/log.txt" 2>&1
    unexpected=$(NOT_TESTABLE="$not_testable" "$node22" -e '
      const fs = require("fs"), path = require("path");
      const allowed = new Set(process.env.NOT_TESTABLE.split(/\s+/));
      const files = []; (function walk(d) { for (const f of fs.readdirSync(d)) { const p = path.join(d, f);
        fs.statSync(p).isDirectory() ? walk(p) : f === "checks.json" && files.push(p); } })(process.argv[1]);
      if (files.length === 0) { console.log("no checks.json written"); process.exit(); }
      for (const f of files) for (const c of JSON.parse(fs.readFileSync(f, "utf8")))
        if (c.status === "FAILURE" && !allowed.has(c.id)) console.log(c.id + ": " + (c.errorMessage || ""));
    ' "$out")
    if [ -z "$unexpected" ]; then
      passed=$((passed + 1)); echo "ok   conformance $label $scenario"
    else
      failed=$((failed + 1)); echo "FAIL conformance $label $scenario"; echo "$unexpected"
      sed -e 's#/mcp/flt_pat_[A-Za-z0-9]*#/mcp/flt_pat_…#g' "$out/log.txt" | tail -30
    fi
    rm -rf "$out"
  done
done
echo "conformance: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
