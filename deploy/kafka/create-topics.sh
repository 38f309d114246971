#!/bin/sh
# Creates every Mailsync topic with its declared partitions, cleanup policy and retention:
# docker-compose's one-shot topic-init service runs it, since brokers never auto-create
# topics. Topics that exist already are left as they are.
# Generated from io.mailsync.contracts.Topics, the one place topics are declared: edit the
# declarations, then rewrite this file with
#   ./mvnw -o verify -pl e2e -am -DskipITs -Dtest=TopicFilesTest \
#     -Dsurefire.failIfNoSpecifiedTests=false -Dmailsync.write-topic-files=true
# (e2e TopicFilesTest fails while the two disagree).
#
# KAFKA_BOOTSTRAP_SERVERS (default kafka:9092), KAFKA_TOPICS (the kafka-topics.sh to run,
# default /opt/kafka/bin/kafka-topics.sh) and REPLICATION_FACTOR (default 1) adapt it.
set -eu
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
kafka_topics="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
replication="${REPLICATION_FACTOR:-1}"

# create NAME PARTITIONS [--config KEY=VALUE]...
create() {
  name=$1
  partitions=$2
  shift 2
  "$kafka_topics" --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$replication" "$@"
  echo "topic $name ready"
}

create mailsync.messages.v1 12 --config cleanup.policy=delete --config retention.ms=604800000
create mailsync.links.v1 12 --config cleanup.policy=delete --config retention.ms=604800000
create mailsync.mailboxes.v1 24 --config cleanup.policy=compact --config delete.retention.ms=604800000
create mailsync.send-commands.v1 12 --config cleanup.policy=delete --config retention.ms=604800000
create mailsync.sent.v1 12 --config cleanup.policy=delete --config retention.ms=2592000000
create mailsync.directory.timeline.company 12 --config cleanup.policy=compact --config delete.retention.ms=604800000
create mailsync.directory.timeline.contact 12 --config cleanup.policy=compact --config delete.retention.ms=604800000
create mailsync.directory.timeline.app_user 12 --config cleanup.policy=compact --config delete.retention.ms=604800000
create mailsync.heartbeats.mailsync.directory 1 --config cleanup.policy=compact --config delete.retention.ms=86400000
create fetcher.dlq 1 --config cleanup.policy=delete --config retention.ms=1209600000
create linker.dlq 1 --config cleanup.policy=delete --config retention.ms=1209600000
create timeline.dlq 1 --config cleanup.policy=delete --config retention.ms=1209600000
create sender.dlq 1 --config cleanup.policy=delete --config retention.ms=1209600000
