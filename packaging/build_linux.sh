#!/usr/bin/env bash
# Build the Linux one-folder bundle (verifier + verifier-gui) and smoke-test it.
#
#   packaging/build_linux.sh [TRUST_DIR]
#
# TRUST_DIR (default: the repository's resources/trust, the public C2PA lists with their
# SOURCES.json) is copied into the bundle as verifier/trust/bundled.
# Output: build/dist/verifier/ and build/verifier-linux-x86_64.tar.gz
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TRUST_SRC="${1:-$ROOT/resources/trust}"
cd "$ROOT"

python3 dev.py setup
PY="$ROOT/.venv/bin/python"
"$PY" -m pip install -q -c constraints.txt pyinstaller pyinstaller-hooks-contrib

if [ -d "$TRUST_SRC" ]; then
  echo "[build] trust lists from $TRUST_SRC"
else
  echo "[build] no trust directory at $TRUST_SRC: the bundle will trust no C2PA signer" >&2
  TRUST_SRC=""
fi

start=$(date +%s)
VERIFIER_ROOT="$ROOT" VERIFIER_TRUST_SRC="$TRUST_SRC" "$PY" -m PyInstaller --noconfirm --clean \
  --log-level WARN --distpath build/dist --workpath build/work packaging/pyinstaller/verifier.spec
"$PY" packaging/licenses.py > build/dist/verifier/THIRD_PARTY_LICENSES.txt
cp packaging/linux/verifier.desktop packaging/linux/org.verifier.Verifier.metainfo.xml build/dist/verifier/
echo "[build] bundle built in $(( $(date +%s) - start )) s: $(du -sh build/dist/verifier | cut -f1)"
tar -C build/dist -czf build/verifier-linux-x86_64.tar.gz verifier
echo "[build] archive: $(du -sh build/verifier-linux-x86_64.tar.gz | cut -f1)"

"$PY" packaging/smoke_test.py build/dist/verifier
