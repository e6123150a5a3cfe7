#!/bin/sh
# mkbase.sh SUITE MIRROR OUT.tar: a minimal Debian root filesystem as a tarball.
#
# The base of the refgo toolchain image (harness/image.py runs this, then `docker import`s
# OUT.tar as refgo-base:<key>; no registry is involved).  Example:
#
#     sh toolchain/mkbase.sh bookworm "$MIRROR" /tmp/base.tar
#
# MIRROR comes from the host's apt configuration at build time; do NOT write a mirror
# into the repository.  Needs root (debootstrap chroots).  The rootfs keeps the mirror in
# its /etc/apt/sources.list so the Dockerfile's apt-get can install the toolchain.
set -eu
if [ $# -ne 3 ]; then
	echo "usage: mkbase.sh SUITE MIRROR OUT.tar" >&2
	exit 2
fi
suite=$1
mirror=$2
out=$3
root=$(mktemp -d "${TMPDIR:-/tmp}/refgo-rootfs.XXXXXX")
trap 'rm -rf "$root"' EXIT INT TERM
debootstrap --variant=minbase --arch=amd64 "$suite" "$root" "$mirror"
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/tmp/*
tar --numeric-owner --xattrs -C "$root" -cf "$out.part" .
mv "$out.part" "$out"
