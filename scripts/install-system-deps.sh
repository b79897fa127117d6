#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages asll needs, only those missing, non-interactively:
# Tesseract with its French model (scans), LibreOffice Writer/Calc (PDF of the drafts,
# register round trip), poppler-utils (pdftoppm, page images), fonts for the documents;
# and, with --tests, what only the tests need: PostgreSQL (a register shared by several sites),
# Chromium (the pages of `asll servir` driven through Playwright).
#   scripts/install-system-deps.sh [--tests]
set -euo pipefail

missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
tesseract --list-langs 2>/dev/null | grep -qx fra || missing+=(tesseract-ocr-fra)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Liberation Sans" || missing+=(fonts-liberation)
if [ "${1:-}" = "--tests" ]; then
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -e /usr/lib/chromium/locales/fr.pak ] || missing+=(chromium-l10n)  # French file picker in screenshots
fi
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installation des paquets système manquants : ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
