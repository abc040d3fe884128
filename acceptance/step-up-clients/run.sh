#!/usr/bin/env bash
# Step-up with clients people use, against a running Faultline (acceptance/run starts one): the TS SDK v2
# client, mcp-remote (the stdio bridge desktop hosts use) through a real headless Chromium, and MCP Inspector's
# CLI. Needs FAULTLINE_URL, FAULTLINE_EMAIL, FAULTLINE_PASSWORD and FAULTLINE_PERSONAL_TOKEN (read only).
set -uo pipefail
cd "$(dirname "$0")"
status=0
node ts-sdk-v2.mjs || status=$?
node mcp-remote.mjs || status=$?
node inspector-cli.mjs || status=$?
exit "$status"
