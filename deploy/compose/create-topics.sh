#!/bin/sh
# Generated from crawl-events Topics.all(Layout.SINGLE_BROKER) by `./univ topics render`: do not edit.
# Run by docker-compose's kafka-topics step in the apache/kafka image; safe to run again.
set -eu
BOOTSTRAP="${BOOTSTRAP:-kafka:9092}"
KAFKA_TOPICS="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.tasks.critical --partitions 12 --replication-factor 1 --config retention.ms=604800000
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.tasks.high --partitions 12 --replication-factor 1 --config retention.ms=604800000
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.tasks.normal --partitions 12 --replication-factor 1 --config retention.ms=604800000
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.tasks.low --partitions 12 --replication-factor 1 --config retention.ms=604800000
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.tasks.retry --partitions 12 --replication-factor 1 --config retention.ms=604800000
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.tasks.dlq --partitions 3 --replication-factor 1 --config retention.ms=2592000000
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.task-status --partitions 12 --replication-factor 1 --config retention.ms=604800000
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.results --partitions 12 --replication-factor 1 --config retention.ms=604800000
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.worker-heartbeats --partitions 3 --replication-factor 1 --config cleanup.policy=compact
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.persistence.dlq --partitions 3 --replication-factor 1 --config retention.ms=2592000000
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.monitor.dlq --partitions 3 --replication-factor 1 --config retention.ms=2592000000
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.task-cancellations --partitions 3 --replication-factor 1 --config cleanup.policy=compact
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic crawl.page-state --partitions 12 --replication-factor 1 --config cleanup.policy=compact
echo "UnivInsight topics ready on $BOOTSTRAP"
