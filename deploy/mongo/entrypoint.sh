#!/usr/bin/env bash
# Wraps the image's entrypoint. A replica set with authentication needs a keyFile that its members share;
# a single node only needs one to exist. It is made once into the config volume, owned by mongodb and
# unreadable by anyone else, as mongod requires, then the official entrypoint creates the root user and
# drops to the mongodb user.
set -euo pipefail

keyfile=/data/configdb/keyfile
if [[ ! -s $keyfile ]]; then
  umask 077
  # 756 random bytes are 1008 base64 characters: within mongod's 6-1024 and without '=' padding.
  head -c 756 /dev/urandom | base64 -w 0 > "$keyfile"
fi
chown mongodb:mongodb "$keyfile"
chmod 400 "$keyfile"

exec docker-entrypoint.sh "$@"
