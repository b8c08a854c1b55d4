package dev.tdeveloper.compliance.audit;

import static dev.tdeveloper.compliance.audit.Events.T0;
import static dev.tdeveloper.compliance.audit.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditQueryTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @Test
  void rejectsBadValuesNamingTheField() {
    assertThatThrownBy(() -> AuditQuery.forTenant(ACME).limit(0))
        .hasMessage("AuditQuery.limit must be 1 to 10000, got 0");
    assertThatThrownBy(() -> AuditQuery.forTenant(ACME).limit(10_001))
        .hasMessage("AuditQuery.limit must be 1 to 10000, got 10001");
    assertThatThrownBy(() -> AuditQuery.forTenant(ACME).afterSequence(-1))
        .hasMessage("AuditQuery.afterSequence must be >= 0, got -1");
    assertThatThrownBy(() -> AuditQuery.forTenant(ACME).action("note*"))
        .hasMessageContaining("AuditQuery.action 'note*' is invalid");
    assertThatThrownBy(() -> AuditQuery.forTenant(ACME).from(T0).to(T0).build())
        .hasMessageContaining("must be before to");
    assertThatThrownBy(() -> AuditQuery.forTenant(null)).hasMessage("tenant");
  }

  @Test
  void filtersByActionPrefixOutcomeAndTimeRange() {
    try (AuditLogger logger = AuditLogger.inMemory()) {
      logger.log(event("acme", "u1", "note.read", 0));
      logger.log(event("acme", "u1", "note.write", 1));
      logger.log(event("acme", "u1", "notes.read", 2));
      logger.log(event("acme", "u1", "note", 3));
      logger.logAndWait(
          AuditEvent.builder("note.delete", T0.plusSeconds(4))
              .tenant(ACME)
              .outcome(AuditOutcome.DENIED)
              .build());
      assertThat(actions(logger, AuditQuery.forTenant(ACME).action("note.*").build()))
          .containsExactly("note.read", "note.write", "note.delete");
      assertThat(actions(logger, AuditQuery.forTenant(ACME).action("note").build()))
          .containsExactly("note");
      assertThat(actions(logger, AuditQuery.forTenant(ACME).outcome(AuditOutcome.DENIED).build()))
          .containsExactly("note.delete");
      assertThat(
              actions(
                  logger,
                  AuditQuery.forTenant(ACME).from(T0.plusSeconds(1)).to(T0.plusSeconds(3)).build()))
          .containsExactly("note.write", "notes.read");
    }
  }

  @Test
  void pagesWithAfterSequenceAndStopsAtTheLimit() {
    try (AuditLogger logger = AuditLogger.inMemory()) {
      for (int i = 0; i < 1200; i++) {
        logger.log(event(i));
      }
      logger.logAndWait(event(1200));
      List<AuditEntry> first = logger.query(AuditQuery.forTenant(ACME).limit(700).build());
      assertThat(first).hasSize(700);
      long last = first.get(699).sequence();
      List<AuditEntry> second =
          logger.query(AuditQuery.forTenant(ACME).afterSequence(last).limit(1000).build());
      assertThat(second).hasSize(501);
      assertThat(second.get(0).sequence()).isEqualTo(700);
      assertThat(logger.query(AuditQuery.forTenant(ACME).build()))
          .hasSize(AuditQuery.DEFAULT_LIMIT);
    }
  }

  @Test
  void aTenantsQueryNeverReturnsAnotherTenantsEntries() {
    try (AuditLogger logger = AuditLogger.inMemory()) {
      for (int i = 0; i < 50; i++) {
        logger.log(event("acme", "bob", "note.read", i));
        logger.log(event("globex", "bob", "note.read", i));
        logger.log(event(null, "bob", "note.read", i));
        // a detail naming the other tenant must not fool the byte pre-filter
        logger.log(
            AuditEvent.builder("note.read", T0)
                .tenant(GLOBEX)
                .actor("bob")
                .detail("tenant", "acme")
                .detail("note", "\"tenant\":\"acme\"")
                .build());
      }
      logger.logAndWait(event(null, "x", "a", 0));
      for (TenantId tenant : List.of(ACME, GLOBEX)) {
        List<AuditEntry> found =
            logger.query(
                AuditQuery.forTenant(tenant).actor("bob").action("note.*").limit(10_000).build());
        assertThat(found)
            .hasSize(tenant.equals(ACME) ? 50 : 100)
            .allSatisfy(e -> assertThat(e.event().tenant()).contains(tenant));
      }
      assertThat(logger.query(AuditQuery.platform().actor("bob").limit(10_000).build()))
          .hasSize(50)
          .allSatisfy(e -> assertThat(e.event().tenant()).isEmpty());
    }
  }

  @Test
  void perTenantPseudonymsKeepCollidingActorsApart() {
    MapPseudonymizer pseudonymizer = new MapPseudonymizer();
    try (AuditLogger logger = AuditLogger.builder().pseudonymizer(pseudonymizer).build()) {
      logger.log(event("acme", "bob", "note.read", 0));
      logger.log(event("globex", "bob", "note.read", 1));
      logger.logAndWait(event("globex", "carol", "note.read", 2));
      String acmeBob = pseudonymizer.lookup(java.util.Optional.of(ACME), "bob").orElseThrow();
      assertThat(pseudonymizer.lookup(java.util.Optional.of(GLOBEX), "bob")).isNotEqualTo(acmeBob);
      List<AuditEntry> found = logger.query(AuditQuery.forTenant(ACME).actor("bob").build());
      assertThat(found)
          .singleElement()
          .satisfies(e -> assertThat(e.event().actor()).isEqualTo(acmeBob));
      assertThat(logger.query(AuditQuery.forTenant(ACME).actor("carol").build())).isEmpty();
    }
  }

  private static List<String> actions(AuditLogger logger, AuditQuery query) {
    return logger.query(query).stream().map(e -> e.event().action()).toList();
  }
}
