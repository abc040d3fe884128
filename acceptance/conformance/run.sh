#!/usr/bin/env bash
# Runs the MCP conformance scenarios a tools-only, stateless server can pass. The suite cannot send a token,
# so it talks to the personal-token URL form /mcp/<token>. Prints one line per scenario and a closing count.
set -uo pipefail
cd "$(dirname "$0")"
url="$1"
node22=node_modules/.bin/node
suite=node_modules/@modelcontextprotocol/conformance/dist/index.js
scenarios=(server-initialize ping tools-list dns-rebinding-protection)
passed=0
failed=0
for scenario in "${scenarios[@]}"; do
  out=$(mktemp -d)
  if "$node22" "$suite" server --url "$url" --scenario "$scenario" -o "$out" > "$out/log.txt" 2>&1; then
    passed=$((passed + 1)); echo "ok   conformance $scenario"
  else
    failed=$((failed + 1)); echo "FAIL conformance $scenario"; sed -e 's#/mcp/flt_pat_[A-Za-z0-9]*#/mcp/flt_pat_…#g' "$out/log.txt" | tail -30
  fi
  rm -rf "$out"
done
echo "conformance: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
