#!/bin/bash
# Status check reading the client address from the server line of the config.
clientPortAndAddress=$(grep "^server.1=" zoo.cfg | sed -e 's/.*;//')
if [[ "$clientPortAndAddress" =~ ^.*:[0-9]+ ]] ; then
  # ruleid: v6lint.config.shell-host-port-split
  clientPortAddress=`echo "$clientPortAndAddress" | sed -e 's/:.*//'`
fi
# ok: v6lint.config.shell-host-port-split
clientPort=`echo "$clientPortAndAddress" | sed -e 's/.*://'`

# ruleid: v6lint.config.shell-host-port-split
DB_HOSTNAME="${DB_HOST%%:*}"
# ruleid: v6lint.config.shell-host-port-split
DB_PORT="${DB_HOST#*:}"
# ok: v6lint.config.shell-host-port-split
DB_PORT="${DB_HOST##*:}"
# ok: v6lint.config.shell-host-port-split
DB_HOSTNAME="${DB_HOST%:*}"
# ruleid: v6lint.config.shell-host-port-split
REDIS_HOST=$(echo $REDIS_ADDR | cut -d: -f1)
# ruleid: v6lint.config.shell-host-port-split
REDIS_PORT=$(echo "$REDIS_ADDR" | cut -d ':' -f 2)
# ruleid: v6lint.config.shell-host-port-split
host=$(awk -F: '{print $1}' <<< "$ENDPOINT")
# ruleid: v6lint.config.shell-host-port-split
IFS=: read -r host port <<< "$LISTEN"

# Colon-separated text that is not an address.
# ok: v6lint.config.shell-host-port-split
name=$(echo "$IMAGE_TAG" | cut -d: -f1)
# ok: v6lint.config.shell-host-port-split
first=$(grep -n pattern file | cut -d: -f1)
# ok: v6lint.config.shell-host-port-split
user=$(echo "$line" | cut -d: -f1)
# ok: v6lint.config.shell-host-port-split
target=$(printf "%s" "$line" | sed -E 's/:.*//')
# ok: v6lint.config.shell-host-port-split
SRC_PATH="${HOST_PATH%%:*}"
# ok: v6lint.config.shell-host-port-split
rest=$(echo "$SERVER_LIST" | cut -d: -f2-)
# ok: v6lint.config.shell-host-port-split
IFS=: read -r user uid gid <<< "$entry"

# The split runs only after a bracketed address was ruled out.
if [[ "$clientAddress" =~ \[.*\]:[0-9]+ ]] ; then
  clientHost=`echo "$clientAddress" | sed -e 's|\[||' | sed -e 's|\]:.*||'`
else
  # ok: v6lint.config.shell-host-port-split
  clientHost=`echo "$clientAddress" | sed -e 's/:.*//'`
fi
if [[ "$host" == \[* ]]; then
  host=$(echo "$host" | tr -d "[]" | sed "s/:[0-9]*$//")
else
  # ok: v6lint.config.shell-host-port-split
  host="${host%%:*}"
fi
