package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link LegalHoldRegistry} does; each implementation's test extends it. */
abstract class LegalHoldRegistryContract {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final DataSubject ALICE = DataSubject.of(ACME, "email", "alice@example.com");

  final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  /** Returns an empty registry timed by {@link #clock}. */
  abstract LegalHoldRegistry registry();

  @Test
  void placedHoldCoversItsScopeUntilReleased() {
    LegalHoldRegistry holds = registry();
    LegalHold hold = holds.place(ACME, Optional.of(ALICE), Optional.of("orders"), "tax audit");
    assertThat(hold.placedAt()).isEqualTo(clock.instant());
    assertThat(holds.covering(ACME, Optional.of(ALICE), "orders")).containsExactly(hold);
    assertThat(holds.covering(ACME, Optional.of(ALICE), "profile")).isEmpty();

    clock.advance(Duration.ofHours(1));
    LegalHold released = holds.release(hold.id(), "audit closed");
    assertThat(released.releasedAt()).contains(clock.instant());
    assertThat(released.releaseReason()).contains("audit closed");
    assertThat(holds.covering(ACME, Optional.of(ALICE), "orders")).isEmpty();
  }

  @Test
  void releaseIsRecordedNotErased() {
    LegalHoldRegistry holds = registry();
    LegalHold first = holds.place(ACME, Optional.empty(), Optional.empty(), "litigation A");
    LegalHold second = holds.place(ACME, Optional.empty(), Optional.of("invoices"), "tax");
    LegalHold released = holds.release(first.id(), "settled");
    assertThat(holds.find(first.id())).contains(released);
    assertThat(holds.forTenant(ACME)).containsExactly(released, second);
    assertThatThrownBy(() -> holds.release(first.id(), "again"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already released");
    assertThat(holds.find(first.id())).contains(released);
  }

  @Test
  void oneTenantsHoldsNeverCoverOrListForAnother() {
    LegalHoldRegistry holds = registry();
    holds.place(ACME, Optional.empty(), Optional.empty(), "acme litigation");
    DataSubject aliceAtGlobex = DataSubject.of(GLOBEX, "email", "alice@example.com");
    assertThat(holds.covering(GLOBEX, Optional.of(aliceAtGlobex), "orders")).isEmpty();
    assertThat(holds.covering(GLOBEX, Optional.empty(), "orders")).isEmpty();
    assertThat(holds.forTenant(GLOBEX)).isEmpty();
    LegalHold globex = holds.place(GLOBEX, Optional.empty(), Optional.empty(), "globex audit");
    assertThat(holds.forTenant(GLOBEX)).containsExactly(globex);
    assertThat(holds.covering(ACME, Optional.of(ALICE), "orders"))
        .extracting(LegalHold::tenant)
        .containsOnly(ACME);
  }

  @Test
  void badInputFailsClearlyAndChangesNothing() {
    LegalHoldRegistry holds = registry();
    LegalHold kept = holds.place(ACME, Optional.empty(), Optional.empty(), "kept");
    assertThatThrownBy(
            () ->
                holds.place(
                    ACME, Optional.of(DataSubject.of(GLOBEX, "id", "1")), Optional.empty(), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("of tenant globex");
    assertThatThrownBy(() -> holds.place(ACME, Optional.empty(), Optional.empty(), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hold reason");
    assertThatThrownBy(() -> holds.place(ACME, Optional.empty(), Optional.of("9bad"), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("category '9bad' is invalid");
    assertThatThrownBy(() -> holds.release("nope", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no legal hold nope");
    assertThatThrownBy(() -> holds.release(kept.id(), "line\nbreak"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("release reason");
    assertThatThrownBy(() -> holds.place(null, Optional.empty(), Optional.empty(), "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tenant");
    assertThat(holds.forTenant(ACME)).containsExactly(kept);
    assertThat(holds.find(kept.id())).contains(kept);
  }
}
