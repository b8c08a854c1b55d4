package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.privacy.RetentionDecision.Action;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionAndLegalHoldTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant CREATED = Instant.parse("2020-02-29T00:00:00Z");
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RetentionPolicy sevenYears =
      RetentionPolicy.retainFor(Period.ofYears(7)).thenAnonymize().unlessLegalHold();

  @Test
  void retainsUntilThePeriodEndsThenAnonymizesOrDeletes() {
    assertThat(sevenYears.expiresAt(CREATED)).isEqualTo(Instant.parse("2027-02-28T00:00:00Z"));
    assertThat(sevenYears.decide(CREATED, clock.instant(), List.of()).action())
        .isEqualTo(Action.RETAIN);
    Instant later = Instant.parse("2027-02-28T00:00:00Z");
    assertThat(sevenYears.decide(CREATED, later, List.of()).action()).isEqualTo(Action.ANONYMIZE);
    RetentionPolicy ninety =
        RetentionPolicy.retainFor(Period.ofDays(90)).thenDelete().unlessLegalHold();
    assertThat(ninety.decide(CREATED, later, List.of()).action()).isEqualTo(Action.DELETE);
    assertThat(ninety.toString()).isEqualTo("retainFor(P90D).thenDelete().unlessLegalHold()");
  }

  @Test
  void legalHoldAlwaysWinsWhileActive() {
    LegalHolds holds = new LegalHolds(clock);
    LegalHold hold = holds.place(ACME, Optional.empty(), Optional.of("invoices"), "tax audit");
    Instant expired = Instant.parse("2030-01-01T00:00:00Z");
    List<LegalHold> covering = holds.covering(ACME, Optional.empty(), "invoices");

    RetentionDecision held = sevenYears.decide(CREATED, expired, covering);
    assertThat(held.action()).isEqualTo(Action.HELD);
    assertThat(held.reason()).contains("tax audit").contains(hold.id());

    clock.advance(Duration.ofDays(1));
    LegalHold released = holds.release(hold.id(), "audit closed");
    assertThat(sevenYears.decide(CREATED, expired, List.of(released)).action())
        .isEqualTo(Action.ANONYMIZE);
    assertThat(holds.covering(ACME, Optional.empty(), "invoices")).isEmpty();
    assertThatThrownBy(() -> holds.release(hold.id(), "again"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already released");
  }

  @Test
  void holdsCoverOnlyTheirTenantSubjectAndCategory() {
    LegalHolds holds = new LegalHolds(clock);
    DataSubject alice = DataSubject.of(ACME, "email", "alice@example.com");
    DataSubject bob = DataSubject.of(ACME, "email", "bob@example.com");
    holds.place(ACME, Optional.of(alice), Optional.empty(), "alice litigation");

    assertThat(holds.covering(ACME, Optional.of(alice), "orders")).hasSize(1);
    assertThat(holds.covering(ACME, Optional.of(bob), "orders")).isEmpty();
    assertThat(
            holds.covering(
                GLOBEX,
                Optional.of(DataSubject.of(GLOBEX, "email", "alice@example.com")),
                "orders"))
        .isEmpty();
    assertThat(holds.covering(ACME, Optional.empty(), "orders")).isEmpty();
    assertThat(holds.forTenant(GLOBEX)).isEmpty();
  }

  @Test
  void invalidPoliciesAndHoldsFailClearly() {
    assertThatThrownBy(() -> RetentionPolicy.retainFor(Period.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> RetentionPolicy.retainFor(Period.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-1D");
    assertThatThrownBy(() -> RetentionPolicy.retainFor(Period.of(1, -1, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sevenYears.decide(clock.instant(), CREATED, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the data");
    LegalHolds holds = new LegalHolds(clock);
    assertThatThrownBy(
            () ->
                holds.place(
                    ACME, Optional.of(DataSubject.of(GLOBEX, "id", "1")), Optional.empty(), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("of tenant globex");
    assertThatThrownBy(() -> holds.place(ACME, Optional.empty(), Optional.empty(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hold reason");
    assertThatThrownBy(() -> holds.release("nope", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no legal hold nope");
    assertThat(holds.forTenant(ACME)).isEmpty();
  }
}
