#!/bin/sh
# As Kafka's own script (compose's healthcheck): WARN-level logging.
# A short-lived client: a small heap (the JVM would size it from the host's memory), and the
# quick-starting JIT and collector, since the compose file runs it once per topic and per health check.
exec java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlog4j.configuration=file:/opt/kafka/config/log4j.properties \
  -cp '/opt/kafka/libs/*' kafka.admin.BrokerApiVersionsCommand "$@"
