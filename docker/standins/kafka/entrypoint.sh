#!/bin/bash
# As the official image: every KAFKA_<NAME> variable becomes a server property
# (lower case; "___" -> "-", "__" -> "_", "_" -> "."), the storage is formatted once, the broker runs.
set -euo pipefail

props=/tmp/server.properties
: >"$props"
for var in $(compgen -e); do
  case "$var" in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS) continue ;; # JVM options, not properties
    KAFKA_*) ;;
    *) continue ;;
  esac
  name="${var#KAFKA_}"
  name="${name,,}"
  name="${name//___/-}"
  name="${name//__/@}" # a placeholder, so the next line leaves it alone
  name="${name//_/.}"
  name="${name//@/_}"
  printf '%s=%s\n' "$name" "${!var}" >>"$props"
done
grep -q '^log\.dirs=' "$props" || echo 'log.dirs=/tmp/kraft-combined-logs' >>"$props"

java_opts=(-Dlog4j.configuration=file:/opt/kafka/config/log4j.properties -cp '/opt/kafka/libs/*')
java "${java_opts[@]}" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$props" --ignore-formatted
# exec: the JVM is PID 1 and gets docker stop's SIGTERM (a clean broker shutdown).
# shellcheck disable=SC2086 # KAFKA_HEAP_OPTS is a list of options
exec java ${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m} -XX:+UseG1GC -Djava.awt.headless=true "${java_opts[@]}" kafka.Kafka "$props"
