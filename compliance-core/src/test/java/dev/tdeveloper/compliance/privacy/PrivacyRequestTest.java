package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrivacyRequestTest {
  private static final DataSubject ALICE = DataSubject.of(TenantId.of("acme"), "email", "a@x.io");
  private static final Instant JAN_31 = Instant.parse("2026-01-31T10:00:00Z");

  private static PrivacyRequest access() {
    return PrivacyRequest.builder(PrivacyRequestType.ACCESS, ALICE, JAN_31).id("r-1").build();
  }

  @Test
  void isDueOneCalendarMonthAfterReceipt() {
    PrivacyRequest r = access();
    assertThat(r.status()).isEqualTo(PrivacyRequestStatus.RECEIVED);
    assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
  }

  @Test
  void extensionsAddAtMostTwoMonthsInTotal() {
    PrivacyRequest once = access().extend(1, "complex request", JAN_31);
    assertThat(once.dueAt()).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
    PrivacyRequest twice = once.extend(1, "many systems", JAN_31);
    assertThat(twice.dueAt()).isEqualTo(Instant.parse("2026-04-30T10:00:00Z"));
    assertThat(access().extend(2, "many requests", JAN_31).dueAt()).isEqualTo(twice.dueAt());
    assertThatThrownBy(() -> twice.extend(1, "more", JAN_31))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("receipt plus 3 months")
        .hasMessageContaining("at most 0 left");
    assertThatThrownBy(() -> access().extend(3, "too long", JAN_31))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 2, was 3");
    assertThatThrownBy(() -> access().extend(0, "none", JAN_31))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> access().extend(1, " ", JAN_31))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extension reason");
    assertThat(twice.extensions()).hasSize(2);
  }

  @Test
  void overdueDetectionFollowsTheInjectedClock() {
    ManualClock clock = new ManualClock(JAN_31);
    PrivacyRequest r = access();
    assertThat(r.isOverdue(clock)).isFalse();
    clock.setTo(r.dueAt());
    assertThat(r.isOverdue(clock)).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(r.isOverdue(clock)).isTrue();
    assertThat(r.extend(1, "complex", JAN_31).isOverdue(clock)).isFalse();
    PrivacyRequest done =
        r.moveTo(PrivacyRequestStatus.IN_PROGRESS, "go", JAN_31)
            .moveTo(PrivacyRequestStatus.COMPLETED, "done", JAN_31);
    assertThat(done.isOverdue(clock)).isFalse();
  }

  @Test
  void statusChangesAreRecordedAndIllegalMovesRefused() {
    PrivacyRequest r =
        access()
            .moveTo(PrivacyRequestStatus.IN_PROGRESS, "started", JAN_31)
            .moveTo(PrivacyRequestStatus.FAILED, "crm down", JAN_31);
    assertThat(r.history())
        .extracting(StatusChange::status)
        .containsExactly(
            PrivacyRequestStatus.RECEIVED,
            PrivacyRequestStatus.IN_PROGRESS,
            PrivacyRequestStatus.FAILED);
    assertThatThrownBy(() -> r.moveTo(PrivacyRequestStatus.COMPLETED, "x", JAN_31))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("from FAILED to COMPLETED");
    assertThatThrownBy(() -> access().moveTo(PrivacyRequestStatus.COMPLETED, "x", JAN_31))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> r.extend(1, "late", JAN_31))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no longer be extended");
  }

  @Test
  void detailsMustFitTheType() {
    assertThatThrownBy(
            () -> PrivacyRequest.builder(PrivacyRequestType.RECTIFICATION, ALICE, JAN_31).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one correction");
    assertThatThrownBy(
            () -> PrivacyRequest.builder(PrivacyRequestType.OBJECTION, ALICE, JAN_31).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one purpose");
    assertThatThrownBy(
            () ->
                PrivacyRequest.builder(PrivacyRequestType.ACCESS, ALICE, JAN_31)
                    .purpose("marketing")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a ACCESS");
    assertThatThrownBy(
            () -> PrivacyRequest.builder(PrivacyRequestType.ACCESS, ALICE, JAN_31).id("a").id("b"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void dataSubjectsAreValidatedWithoutEchoingValues() {
    TenantId acme = TenantId.of("acme");
    assertThatThrownBy(() -> new DataSubject(acme, new TreeMap<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 16 identifiers");
    assertThatThrownBy(() -> DataSubject.of(acme, "email", "secret\u0000value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("identifier 'email'")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> DataSubject.of(acme, "1bad", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("identifier kind");
    DataSubject s = DataSubject.of(acme, "email", "a@x.io").with("userId", "u1");
    assertThat(s.toString()).doesNotContain("a@x.io");
    assertThat(s.matches(DataSubject.of(acme, "userId", "u1"))).isTrue();
    assertThat(s.matches(DataSubject.of(TenantId.of("globex"), "userId", "u1"))).isFalse();
    assertThat(s.identifiers()).isEqualTo(new TreeMap<>(Map.of("email", "a@x.io", "userId", "u1")));
  }
}
