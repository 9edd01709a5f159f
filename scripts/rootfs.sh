#!/usr/bin/env bash
# Builds the local root filesystem that stands in for public container images (no registry can be
# reached here): Debian bookworm (debootstrap --variant=minbase) with python3 and python3-numpy,
# busybox, nginx-light and git (with ca-certificates), a `python` -> `python3` link, and busybox
# applets that Debian lacks (e.g. `wget`, `nc`, `vi`) linked under /usr/local/bin. It is NOT Alpine
# and NOT the images it stands in for (python:alpine, busybox:1.36, alpine:3, nginx:alpine,
# bitnamilegacy/git): the offload-bridge's image catalog says so in the pod's events and logs.
#
#   scripts/rootfs.sh            build once (cached), then import into podman when podman is there
#   scripts/rootfs.sh --podman   also install podman + runc when missing, and import
#   scripts/rootfs.sh --no-podman   skip the podman import
#   scripts/rootfs.sh --rebuild     build again even when a complete rootfs exists
#   scripts/rootfs.sh path          print the rootfs directory
#
# Output: ${PONTE_IMAGES_DIR:-$HOME/.cache/ponte/images}/bookworm-standin/rootfs, and the podman tag
# localhost/ponte/bookworm-standin:latest. bubblewrap (which runs the rootfs) and debootstrap are
# installed from Debian's packages when missing. The Debian mirror is the one this machine's apt sources
# name (override with PONTE_DEBIAN_MIRROR). From scratch ≈ 2 minutes; cached < 1 s.
set -euo pipefail

IMAGES_DIR="${PONTE_IMAGES_DIR:-$HOME/.cache/ponte/images}"
NAME=bookworm-standin
IMAGE_DIR="$IMAGES_DIR/$NAME"
ROOTFS="$IMAGE_DIR/rootfs"
PODMAN_TAG="localhost/ponte/$NAME:latest"
SUITE=bookworm
INCLUDE=python3,python3-numpy,busybox,nginx-light,git,ca-certificates
# Changing what goes into the rootfs changes this id, so cached builds are redone.
RECIPE="$SUITE minbase $INCLUDE links-v1"

log() { printf 'rootfs.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

PODMAN=auto
REBUILD=0
for arg in "$@"; do
  case "$arg" in
    --no-podman) PODMAN=no ;;
    --podman) PODMAN=yes ;;
    --rebuild) REBUILD=1 ;;
    path) echo "$ROOTFS"; exit 0 ;;
    *) echo "usage: $0 [--podman|--no-podman] [--rebuild] | path" >&2; exit 2 ;;
  esac
done

apt_install() {
  [ "$(id -u)" -eq 0 ] || die "missing $*; run as root or install them first"
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -o DPkg::Lock::Timeout=300 -y -q)
  if [ -z "$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)"')" ]; then
    "${apt[@]}" update >&2
  fi
  "${apt[@]}" install --no-install-recommends "$@" >&2
}

# The first Debian (not security) mirror in the apt sources, deb822 or one-line format.
debian_mirror() {
  if [ -n "${PONTE_DEBIAN_MIRROR:-}" ]; then
    echo "$PONTE_DEBIAN_MIRROR"
    return
  fi
  local files=() f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  [ ${#files[@]} -gt 0 ] || die "no apt sources found; set PONTE_DEBIAN_MIRROR"
  awk -v suite="$SUITE" '
    /^[[:space:]]*#/ { next }
    /^deb[[:space:]]/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { if ($(i + 1) == suite) { print $i; exit } break } }
    /^URIs:/ { uri = $2 }
    /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite && uri != "") { print uri; exit } }
    /^$/ { uri = "" }
  ' "${files[@]}" | head -n1
}

build() {
  command -v debootstrap >/dev/null || apt_install debootstrap
  local mirror tmp
  mirror="$(debian_mirror)"
  [ -n "$mirror" ] || die "no $SUITE mirror in the apt sources; set PONTE_DEBIAN_MIRROR"
  mkdir -p "$IMAGE_DIR"
  tmp="$(mktemp -d "$IMAGE_DIR/build.XXXXXX")"
  log "debootstrap $SUITE ($INCLUDE) into $tmp"
  local start=$SECONDS
  debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$tmp" "$mirror" >"$IMAGE_DIR/debootstrap.log" 2>&1 \
    || { tail -n 30 "$IMAGE_DIR/debootstrap.log" >&2; rm -rf -- "$tmp"; die "debootstrap failed"; }
  ln -sf python3 "$tmp/usr/bin/python"
  # busybox applets Debian does not provide, as commands (busybox images have them on PATH).
  local applet
  for applet in $("$tmp/bin/busybox" --list); do
    case "$applet" in busybox | linuxrc | init) continue ;; esac
    if [ ! -e "$tmp/usr/bin/$applet" ] && [ ! -e "$tmp/bin/$applet" ] \
      && [ ! -e "$tmp/usr/sbin/$applet" ] && [ ! -e "$tmp/sbin/$applet" ]; then
      ln -s /bin/busybox "$tmp/usr/local/bin/$applet"
    fi
  done
  # Debian's package caches and lists are not needed inside a container.
  rm -rf "$tmp/var/cache/apt/archives/"*.deb "$tmp/var/lib/apt/lists/"*
  cat >"$tmp/etc/ponte-standin" <<EOF
A local stand-in built by scripts/rootfs.sh from Debian $SUITE packages ($INCLUDE).
It is not the image a pod names; it runs pod specs that only need a shell, python3 (with numpy), busybox,
nginx or git.
EOF
  echo "$RECIPE" >"$tmp/.ponte-recipe"
  rm -rf -- "$ROOTFS.old"
  [ -d "$ROOTFS" ] && mv "$ROOTFS" "$ROOTFS.old"
  chmod 0755 "$tmp"
  mv "$tmp" "$ROOTFS"
  rm -rf -- "$ROOTFS.old"
  log "built $ROOTFS in $((SECONDS - start)) s ($(du -sm "$ROOTFS" | cut -f1) MB)"
}

import_podman() {
  local have
  have="$(podman image inspect --format '{{ index .Labels "io.ponte.recipe" }}' "$PODMAN_TAG" 2>/dev/null || true)"
  if [ "$have" = "$RECIPE" ] && [ "$REBUILD" -eq 0 ]; then
    log "podman already has $PODMAN_TAG"
    return
  fi
  local start=$SECONDS
  tar --numeric-owner -C "$ROOTFS" -c . \
    | podman import --quiet --change "LABEL io.ponte.recipe=\"$RECIPE\"" --change 'CMD ["/bin/sh"]' - "$PODMAN_TAG" >/dev/null
  log "imported $PODMAN_TAG into podman in $((SECONDS - start)) s"
}

mkdir -p "$IMAGES_DIR"
exec 9>"$IMAGES_DIR/.$NAME.lock"
flock -w 900 9 || die "another rootfs.sh holds $IMAGES_DIR/.$NAME.lock"
if [ "$REBUILD" -eq 1 ] || [ "$(cat "$ROOTFS/.ponte-recipe" 2>/dev/null)" != "$RECIPE" ]; then
  build
else
  log "cached: $ROOTFS"
fi
command -v bwrap >/dev/null || apt_install bubblewrap
if [ "$PODMAN" = yes ]; then
  command -v podman >/dev/null && command -v runc >/dev/null || apt_install podman runc
fi
if [ "$PODMAN" != no ] && command -v podman >/dev/null; then
  import_podman
fi
echo "$ROOTFS"
