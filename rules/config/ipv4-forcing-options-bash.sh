#!/bin/sh
# ruleid: v6lint.config.ipv4-forcing-options-bash
export CATALINA_OPTS="$CATALINA_OPTS -Djava.net.preferIPv4Stack=true"
# ok: v6lint.config.ipv4-forcing-options-bash
export CATALINA_OPTS="$CATALINA_OPTS -Djava.net.preferIPv4Stack=false"
