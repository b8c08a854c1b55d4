package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditLoggerPseudonymizationTest {
  private static AuditEvent personal(String tenant) {
    return AuditEvent.builder("profile.update", Events.T0)
        .tenant(TenantId.of(tenant))
        .actor("alice@example.com")
        .sourceIp("203.0.113.7")
        .resource("profiles/7")
        .detail("email", "alice.private@example.com")
        .detail("field", "phone")
        .build();
  }

  @Test
  void rawActorIpAndPersonalDetailsNeverReachTheStoredBytes() {
    TestSink sink = new TestSink();
    MapPseudonymizer pseudonymizer = new MapPseudonymizer();
    try (AuditLogger logger =
        AuditLogger.builder()
            .sink(sink)
            .pseudonymizer(pseudonymizer)
            .personalDetails("email")
            .build()) {
      logger.logAndWait(personal("acme"));
      AuditEvent stored = logger.entry(0).orElseThrow().event();
      assertThat(stored.actor()).startsWith("ps-");
      assertThat(stored.sourceIp()).hasValueSatisfying(ip -> assertThat(ip).startsWith("ps-"));
      assertThat(stored.details()).containsEntry("field", "phone");
      assertThat(stored.details().get("email")).startsWith("ps-");
    }
    for (AuditRecord record : sink.records()) {
      String bytes = new String(record.eventBytes(), StandardCharsets.UTF_8);
      assertThat(bytes).doesNotContain("alice", "203.0.113.7", "example.com").contains("phone");
    }
  }

  @Test
  void nonPersonalActorsStayReadableAndAreFoundByName() {
    MapPseudonymizer pseudonymizer = new MapPseudonymizer();
    try (AuditLogger logger =
        AuditLogger.builder()
            .pseudonymizer(pseudonymizer)
            .nonPersonalActors("system", "anonymous")
            .build()) {
      logger.logAndWait(
          AuditEvent.builder("job.run", Events.T0).tenant(TenantId.of("acme")).build());
      logger.logAndWait(personal("acme"));
      assertThat(logger.entry(0).orElseThrow().event().actor()).isEqualTo("system");
      assertThat(logger.entry(1).orElseThrow().event().actor()).startsWith("ps-");
      assertThat(logger.query(AuditQuery.forTenant(TenantId.of("acme")).actor("system").build()))
          .singleElement()
          .satisfies(e -> assertThat(e.sequence()).isZero());
    }
    assertThatThrownBy(() -> AuditLogger.builder().nonPersonalActors(" "))
        .hasMessageContaining("blank");
  }

  @Test
  void queryByActorLooksUpThePseudonymWithoutCreatingOne() {
    MapPseudonymizer pseudonymizer = new MapPseudonymizer();
    try (AuditLogger logger = AuditLogger.builder().pseudonymizer(pseudonymizer).build()) {
      logger.logAndWait(personal("acme"));
      logger.logAndWait(personal("globex"));
      int known = pseudonymizer.map.size();
      AuditQuery byAlice =
          AuditQuery.forTenant(TenantId.of("acme")).actor("alice@example.com").build();
      assertThat(logger.query(byAlice))
          .singleElement()
          .satisfies(e -> assertThat(e.event().tenant()).contains(TenantId.of("acme")));
      AuditQuery byBob = AuditQuery.forTenant(TenantId.of("acme")).actor("bob@example.com").build();
      assertThat(logger.query(byBob)).isEmpty();
      assertThat(pseudonymizer.map).hasSize(known);
    }
  }

  @Test
  void pseudonymizerReturningTheRawValueIsRefusedAndNothingIsLogged() {
    Pseudonymizer broken =
        new Pseudonymizer() {
          @Override
          public String pseudonymize(Optional<TenantId> tenant, String value) {
            return value;
          }

          @Override
          public Optional<String> lookup(Optional<TenantId> tenant, String value) {
            return Optional.empty();
          }
        };
    try (AuditLogger logger = AuditLogger.builder().pseudonymizer(broken).build()) {
      assertThatThrownBy(() -> logger.log(personal("acme")))
          .isInstanceOf(ComplianceException.class)
          .hasMessageContaining("returned the raw value for the actor")
          .hasMessageContaining("never stores personal data raw");
      assertThat(logger.size()).isZero();
    }
  }

  @Test
  void pseudonymThatCannotBeStoredIsRefused() {
    Pseudonymizer spaces =
        new Pseudonymizer() {
          @Override
          public String pseudonymize(Optional<TenantId> tenant, String value) {
            return "not a token " + value.length();
          }

          @Override
          public Optional<String> lookup(Optional<TenantId> tenant, String value) {
            return Optional.empty();
          }
        };
    try (AuditLogger logger = AuditLogger.builder().pseudonymizer(spaces).build()) {
      assertThatThrownBy(() -> logger.log(personal("acme")))
          .isInstanceOf(ComplianceException.class)
          .hasMessageContaining("the pseudonymizer returned a value the audit log cannot store")
          .hasMessageContaining("sourceIp");
      assertThat(logger.size()).isZero();
    }
  }
}
