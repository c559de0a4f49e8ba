# Shared by scripts/run and scripts/test: the system packages Qt needs, and the virtual
# environment with the application installed in it. Idempotent and quiet when all is there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Qt's libraries (offscreen and X11) and a font with every French glyph.
APT_RUNTIME=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 fonts-dejavu-core)
# Tests also need a virtual screen, PDF rendering and a PostgreSQL server.
APT_TEST=(xvfb xauth poppler-utils postgresql)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    echo "Il faut les droits d'administrateur pour installer : $*" >&2
    exit 1
  fi
}

ensure_apt() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian/Ubuntu: nothing to install this way
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installation des paquets système : ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  echo "Python 3.11 ou plus récent est requis." >&2
  exit 1
}

# ensure_venv EXTRA: create .venv if missing and install the application (editable) with EXTRA.
ensure_venv() {
  local extra="$1" python stamp hash
  python="$(find_python)"
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
      ensure_apt "python3-venv" "python$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')-venv"
    fi
    "$python" -m venv "$VENV"
  fi
  # One stamp per extra and per version of pyproject.toml: reinstall only when either changes.
  hash="$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
  stamp="$VENV/.installed-$extra-$hash"
  if [ ! -f "$stamp" ]; then
    echo "Installation de lawyer_billing et de ses dépendances dans .venv ..."
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
    "$VENV/bin/python" -m pip install -q -e "$ROOT[$extra]"
    find "$VENV" -maxdepth 1 -name '.installed-*' ! -name "*-$hash" -delete
    touch "$stamp"
  fi
}
