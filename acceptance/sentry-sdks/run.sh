#!/usr/bin/env bash
# Real, unmodified Sentry SDKs against a running Faultline (acceptance/run starts one and makes the applications
# and keys): @sentry/node (pinned here) and Debian's python3-sentry-sdk send crashes, then an MCP client checks
# what was stored. Needs FAULTLINE_URL, FAULTLINE_ADMIN_URL, FAULTLINE_PERSONAL_TOKEN (read only),
# FAULTLINE_WRITE_TOKEN (mcp:read mcp:write), SENTRY_NODE_DSN, SENTRY_NODE_LIMITED_DSN, SENTRY_NODE_APPLICATION,
# SENTRY_PYTHON_DSN, SENTRY_PYTHON_LIMITED_DSN, SENTRY_PYTHON_APPLICATION.
set -uo pipefail
cd "$(dirname "$0")"
node run.mjs
