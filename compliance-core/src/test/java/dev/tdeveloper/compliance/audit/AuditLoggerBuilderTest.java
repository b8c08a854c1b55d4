package dev.tdeveloper.compliance.audit;

import static dev.tdeveloper.compliance.audit.Events.event;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditLoggerBuilderTest {
  private static final KeyedChain KEY_A = KeyedChain.withKey(new byte[32]);
  private static final KeyedChain KEY_B =
      KeyedChain.withKey(
          "another key of thirty-two bytes!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  @Test
  void rejectsOutOfRangeValuesNamingFieldAndRange() {
    assertThatThrownBy(() -> AuditLogger.builder().queueCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queueCapacity must be 1 to 1048576, got 0");
    assertThatThrownBy(() -> AuditLogger.builder().queueCapacity(1 << 21))
        .hasMessage("queueCapacity must be 1 to 1048576, got 2097152");
    assertThatThrownBy(() -> AuditLogger.builder().offerTimeout(Duration.ofMillis(-1)))
        .hasMessage("offerTimeout must be 0 to PT1M, got PT-0.001S");
    assertThatThrownBy(() -> AuditLogger.builder().offerTimeout(Duration.ofMinutes(2)))
        .hasMessage("offerTimeout must be 0 to PT1M, got PT2M");
    assertThatThrownBy(() -> AuditLogger.builder().groupCommitDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupCommitDelay must be 0 to PT1S, got PT-0.001S");
    assertThatThrownBy(() -> AuditLogger.builder().groupCommitDelay(Duration.ofMillis(1001)))
        .hasMessage("groupCommitDelay must be 0 to PT1S, got PT1.001S");
    assertThatThrownBy(() -> AuditLogger.builder().personalDetails("ok", "1bad"))
        .hasMessageContaining("personalDetails key '1bad' is not a detail key");
  }

  @Test
  void rejectsNullsAndRepeatedSettings() {
    assertThatThrownBy(() -> AuditLogger.builder().sink(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sink");
    assertThatThrownBy(() -> AuditLogger.builder().clock(null)).hasMessage("clock");
    assertThatThrownBy(
            () -> AuditLogger.builder().durability(Durability.SYNC).durability(Durability.ASYNC))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("durability was already set");
  }

  @Test
  void personalDetailsNeedAPseudonymizer() {
    assertThatThrownBy(() -> AuditLogger.builder().personalDetails("email").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("personalDetails [email] are set but no pseudonymizer is");
  }

  @Test
  void aGroupCommitDelayConflictsWithSyncAndIsSetOnce() {
    assertThatThrownBy(
            () ->
                AuditLogger.builder()
                    .durability(Durability.SYNC)
                    .groupCommitDelay(Duration.ofMillis(5))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "groupCommitDelay PT0.005S is set with durability SYNC, which syncs every entry on its"
                + " own");
    assertThatThrownBy(
            () ->
                AuditLogger.builder()
                    .groupCommitDelay(Duration.ZERO)
                    .groupCommitDelay(Duration.ofMillis(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("groupCommitDelay was already set");
  }

  @Test
  void refusesToContinueALogWithAnotherKey() {
    TestSink sink = new TestSink();
    try (AuditLogger logger = AuditLogger.builder().sink(sink).keyedChain(KEY_A).build()) {
      logger.log(event(0));
      logger.log(event(1));
    }
    assertThatThrownBy(() -> AuditLogger.builder().sink(sink).keyedChain(KEY_B).build())
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("does not match the stored audit log: entry 1");
    assertThatThrownBy(() -> AuditLogger.builder().sink(sink).build())
        .hasMessageContaining("the stored audit log is keyed (entry 1 carries a chain value)");
  }

  @Test
  void refusesToKeyAnUnkeyedLog() {
    TestSink sink = new TestSink();
    try (AuditLogger logger = AuditLogger.builder().sink(sink).build()) {
      logger.log(event(0));
    }
    assertThatThrownBy(() -> AuditLogger.builder().sink(sink).keyedChain(KEY_A).build())
        .hasMessageContaining("the stored audit log is not keyed (entry 0 has no chain value)");
  }

  @Test
  void refusesAKeyedLogWhoseEventsRetentionRemoved() {
    TestSink sink = new TestSink();
    try (AuditLogger logger = AuditLogger.builder().sink(sink).keyedChain(KEY_A).build()) {
      logger.log(event(0));
    }
    sink.delegate.removeEventsBefore(1);
    assertThatThrownBy(() -> AuditLogger.builder().sink(sink).keyedChain(KEY_A).build())
        .hasMessageContaining("retention removed every event up to entry 0");
  }

  @Test
  void eventsRefuseNonAddressSourceIpsFromCallers() {
    assertThatThrownBy(() -> AuditEvent.builder("a", Events.T0).sourceIp("ps-1"))
        .hasMessage("AuditEvent.sourceIp 'ps-1' is not an IPv4 or IPv6 address");
    AuditEvent e = AuditEvent.builder("a", Events.T0).build();
    assertThatThrownBy(
            () ->
                new AuditEvent(
                    e.id(),
                    e.time(),
                    e.tenant(),
                    e.actor(),
                    e.action(),
                    e.resource(),
                    e.outcome(),
                    java.util.Optional.of("a b"),
                    e.requestId(),
                    e.details()))
        .hasMessageContaining("is neither an IPv4 or IPv6 address nor a pseudonym");
  }
}
