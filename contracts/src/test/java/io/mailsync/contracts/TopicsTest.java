package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.TopicDeclaration.CleanupPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void everyTopicIsDeclaredOnce() {
    assertThat(Topics.declarations())
        .extracting(TopicDeclaration::name)
        .containsAll(Topics.DIRECTORY)
        .contains(
            Topics.MESSAGES,
            Topics.LINKS,
            Topics.MAILBOXES,
            Topics.SEND_COMMANDS,
            Topics.SENT,
            Topics.CDC_HEARTBEATS,
            "fetcher.dlq",
            "linker.dlq",
            "timeline.dlq",
            "sender.dlq")
        .doesNotHaveDuplicates()
        .hasSize(6 + Topics.DIRECTORY.size() + Topics.CONSUMER_GROUPS.size());
  }

  @Test
  void mailboxesAndDirectoryAreCompactedWithRoomForManyReplicas() {
    assertThat(Topics.Declared.MAILBOXES.compacted()).isTrue();
    assertThat(Topics.Declared.MAILBOXES.partitions()).isGreaterThanOrEqualTo(12);
    assertThat(Topics.Declared.DIRECTORY)
        .allSatisfy(
            topic -> {
              assertThat(topic.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
              assertThat(topic.partitions()).isGreaterThanOrEqualTo(12);
            });
  }

  @Test
  void mailBodiesExpireWithinAWeek() {
    assertThat(Topics.Declared.MESSAGES.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
    assertThat(Topics.Declared.MESSAGES.retention()).isLessThanOrEqualTo(Duration.ofDays(7));
    // dead letters of the linker and the timeline carry message bodies too
    assertThat(Topics.Declared.DEAD_LETTERS)
        .allSatisfy(
            topic -> {
              assertThat(topic.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
              assertThat(topic.retention()).isLessThanOrEqualTo(Duration.ofDays(14));
            });
  }

  @Test
  void configsNameTheRetentionThatAppliesToThePolicy() {
    assertThat(Topics.Declared.MESSAGES.configs())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(7 * 86_400_000L)));
    assertThat(Topics.Declared.MAILBOXES.configs())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "cleanup.policy",
                "compact",
                "delete.retention.ms",
                Long.toString(7 * 86_400_000L)));
  }

  @Test
  void declarationIsFoundByName() {
    assertThat(Topics.declaration(Topics.MAILBOXES)).contains(Topics.Declared.MAILBOXES);
    assertThat(Topics.declaration("mailsync.unknown.v1")).isEmpty();
  }

  @Test
  void declarationsRefuseNonsense() {
    assertThatThrownBy(() -> TopicDeclaration.deleting("t", 0, Duration.ofDays(1)))
        .hasMessageContaining("partitions");
    assertThatThrownBy(() -> TopicDeclaration.deleting("t", 1, Duration.ZERO))
        .hasMessageContaining("retention");
    assertThatThrownBy(() -> TopicDeclaration.compacted(" ", 1, Duration.ofDays(1)))
        .hasMessageContaining("name");
  }

  @Test
  void deadLetterTopicIsNamedAfterTheConsumerGroup() {
    assertThat(Topics.deadLetter("linker")).isEqualTo("linker.dlq");
    assertThatThrownBy(() -> Topics.deadLetter("")).isInstanceOf(IllegalArgumentException.class);
  }
}
