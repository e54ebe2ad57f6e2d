#!/usr/bin/env bash
# UNTESTED HERE: appimagetool is a download from GitHub, which this build machine cannot reach.
# Wraps the one-folder bundle from packaging/build_linux.sh into an AppImage.
#
#   packaging/build_linux.sh && packaging/appimage/build_appimage.sh /path/to/appimagetool
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TOOL="${1:?usage: build_appimage.sh /path/to/appimagetool-x86_64.AppImage}"
APPDIR="$ROOT/build/verifier.AppDir"
rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/bin" "$APPDIR/usr/share/applications" "$APPDIR/usr/share/metainfo"
cp -a "$ROOT/build/dist/verifier/." "$APPDIR/usr/bin/"
cp "$ROOT/packaging/linux/verifier.desktop" "$APPDIR/verifier.desktop"
cp "$ROOT/packaging/linux/verifier.desktop" "$APPDIR/usr/share/applications/"
cp "$ROOT/packaging/linux/org.verifier.Verifier.metainfo.xml" "$APPDIR/usr/share/metainfo/"
cp "$ROOT/resources/icons/verifier.png" "$APPDIR/org.verifier.Verifier.png"
cat > "$APPDIR/AppRun" <<'RUN'
#!/bin/sh
HERE="$(dirname "$(readlink -f "$0")")"
case "$1" in
  --cli) shift; exec "$HERE/usr/bin/verifier" "$@" ;;
  *) exec "$HERE/usr/bin/verifier-gui" "$@" ;;
esac
RUN
chmod +x "$APPDIR/AppRun"
ARCH=x86_64 "$TOOL" "$APPDIR" "$ROOT/build/verifier-x86_64.AppImage"
