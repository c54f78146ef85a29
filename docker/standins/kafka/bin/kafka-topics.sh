#!/bin/sh
# As Kafka's own script: TopicCommand (in kafka-tools since 3.9), WARN-level logging.
# A short-lived client: a small heap (the JVM would size it from the host's memory), and the
# quick-starting JIT and collector, since the compose file runs it once per topic and per health check.
exec java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlog4j.configuration=file:/opt/kafka/config/log4j.properties \
  -cp '/opt/kafka/libs/*' org.apache.kafka.tools.TopicCommand "$@"
