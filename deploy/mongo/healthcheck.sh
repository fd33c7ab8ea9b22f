#!/usr/bin/env bash
# Compose health check of the single-node replica set rs0. On the first start it initiates the set, then it
# passes only while this node is PRIMARY, so that the services start against a writable store.
# While the image's entrypoint is still creating the root user (a temporary mongod without --replSet),
# rs.status() fails with NoReplicationEnabled and the check fails, as it should.
set -euo pipefail

exec mongosh --quiet --norc \
  --username "$MONGO_INITDB_ROOT_USERNAME" \
  --password "$MONGO_INITDB_ROOT_PASSWORD" \
  --authenticationDatabase admin \
  --eval '
    try {
      rs.status();
    } catch (e) {
      if (e.codeName !== "NotYetInitialized") throw e;
      rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongodb:27017" }] });
    }
    if (!db.hello().isWritablePrimary) quit(1);
  '
