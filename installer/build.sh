#!/usr/bin/env bash
# Build the one-folder application for this platform into installer/dist/lawyer-billing
# (or DIST_DIR), then check it with --self-test. Usage: installer/build.sh [DIST_DIR]
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
ensure_apt "${APT_RUNTIME[@]}"
ensure_venv test
dist="${1:-$ROOT/installer/dist}"
work="$(mktemp -d "${TMPDIR:-/tmp}/lawyer_billing-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" "$ROOT/installer/lawyer_billing.spec"
QT_QPA_PLATFORM=offscreen "$dist/lawyer-billing/lawyer-billing" --self-test
