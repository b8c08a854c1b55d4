package dev.tdeveloper.tenancy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenancyException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.NoTenantBoundException;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.event.AccessDeniedEvent;
import dev.tdeveloper.tenancy.event.AccessEvent;
import dev.tdeveloper.tenancy.event.OperatorAccessEvent;
import dev.tdeveloper.tenancy.event.OperatorGrantChangedEvent;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TenantAccessGuardTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Permission READ = Permission.of("notes:read");
  private static final Permission WRITE = Permission.of("notes:write");

  private final ManualClock clock = new ManualClock();
  private final List<AccessEvent> events = new CopyOnWriteArrayList<>();
  private final TenantAccessGuard guard =
      TenantAccessGuard.builder()
          .rolePolicy(
              RolePolicy.builder()
                  .role("viewer", "notes:read")
                  .role("editor", "notes:read", "notes:write")
                  .build())
          .clock(clock)
          .listener(events::add)
          .build();
  private final Principal alice = Principal.member("alice", ACME, "viewer");
  private final Principal operator = Principal.member("ops-bob", GLOBEX, "editor");

  private OperatorGrant grantFor(TenantId tenant, Duration lifetime) {
    return OperatorGrant.forTenant(
        "ops-bob", tenant, Set.of(READ), "INC-42 data repair", clock.instant().plus(lifetime));
  }

  @Test
  void memberWithAGrantingRolePasses() {
    assertThatCode(() -> guard.check(alice, ACME, READ)).doesNotThrowAnyException();
    assertThat(events).isEmpty();
  }

  @Test
  void memberWithoutThePermissionIsDenied() {
    assertThatThrownBy(() -> guard.check(alice, ACME, WRITE))
        .isExactlyInstanceOf(AccessDeniedException.class)
        .isInstanceOf(TenancyException.class)
        .hasMessage("principal 'alice' lacks permission 'notes:write' in tenant 'acme'");
    assertThat(events)
        .containsExactly(
            new AccessDeniedEvent(
                "alice",
                ACME,
                "notes:write",
                AccessDeniedEvent.Reason.MISSING_PERMISSION,
                clock.instant()));
  }

  @Test
  void roleUnknownToThePolicyGrantsNothing() {
    Principal mallory = Principal.member("mallory", ACME, "superuser");
    assertThatThrownBy(() -> guard.check(mallory, ACME, READ))
        .isExactlyInstanceOf(AccessDeniedException.class);
  }

  @Test
  void crossTenantAccessIsDeniedNamingPrincipalTenantAndPermission() {
    assertThatThrownBy(() -> guard.check(alice, GLOBEX, READ))
        .isInstanceOf(CrossTenantAccessException.class)
        .hasMessageContaining("'alice'")
        .hasMessageContaining("'globex'")
        .hasMessageContaining("'notes:read'")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    assertThat(events)
        .singleElement()
        .isEqualTo(
            new AccessDeniedEvent(
                "alice",
                GLOBEX,
                "notes:read",
                AccessDeniedEvent.Reason.CROSS_TENANT,
                clock.instant()));
  }

  @Test
  void operatorGrantAllowsAndIsAuditedUntilItExpires() {
    OperatorGrant grant = grantFor(ACME, Duration.ofHours(1));
    assertThat(guard.grant(grant)).isTrue();
    guard.check(operator, ACME, READ);
    assertThat(events)
        .containsExactly(
            new OperatorGrantChangedEvent(
                OperatorGrantChangedEvent.Change.ADDED,
                "ops-bob",
                grant.tenant(),
                Set.of("notes:read"),
                "INC-42 data repair",
                grant.expiresAt(),
                clock.instant()),
            new OperatorAccessEvent(
                "ops-bob",
                ACME,
                "notes:read",
                "INC-42 data repair",
                grant.expiresAt(),
                clock.instant()));
    assertThatThrownBy(() -> guard.check(operator, ACME, WRITE))
        .isInstanceOf(CrossTenantAccessException.class);

    clock.advance(Duration.ofHours(1).minusNanos(1));
    guard.check(operator, ACME, READ);
    clock.advanceNanos(1);
    assertThatThrownBy(() -> guard.check(operator, ACME, READ))
        .isInstanceOf(CrossTenantAccessException.class);
    assertThat(guard.activeGrants()).isEmpty();
  }

  @Test
  void grantForOneTenantDoesNotOpenAnother() {
    guard.grant(grantFor(ACME, Duration.ofHours(1)));
    assertThatThrownBy(() -> guard.check(operator, TenantId.of("initech"), READ))
        .isInstanceOf(CrossTenantAccessException.class);
    Principal other = Principal.member("ops-carol", GLOBEX, "viewer");
    assertThatThrownBy(() -> guard.check(other, ACME, READ))
        .isInstanceOf(CrossTenantAccessException.class);
  }

  @Test
  void allTenantsGrantCoversEveryTenant() {
    guard.grant(
        OperatorGrant.forAllTenants(
            "ops-bob", Set.of(READ), "audit export", clock.instant().plusSeconds(60)));
    guard.check(operator, ACME, READ);
    guard.check(operator, TenantId.of("initech"), READ);
  }

  @Test
  void revokedGrantDenies() {
    OperatorGrant grant = grantFor(ACME, Duration.ofHours(1));
    guard.grant(grant);
    guard.check(operator, ACME, READ);
    assertThat(guard.revoke(grant)).isTrue();
    assertThat(guard.revoke(grant)).isFalse();
    assertThatThrownBy(() -> guard.check(operator, ACME, READ))
        .isInstanceOf(CrossTenantAccessException.class);
    assertThat(events)
        .filteredOn(OperatorGrantChangedEvent.class::isInstance)
        .extracting(e -> ((OperatorGrantChangedEvent) e).change())
        .containsExactly(
            OperatorGrantChangedEvent.Change.ADDED, OperatorGrantChangedEvent.Change.REVOKED);
  }

  @Test
  void revokeAllRemovesEveryGrantOfAnOperator() {
    guard.grant(grantFor(ACME, Duration.ofHours(1)));
    guard.grant(grantFor(TenantId.of("initech"), Duration.ofHours(2)));
    assertThat(guard.activeGrants()).hasSize(2);
    assertThat(guard.revokeAll("ops-bob")).isEqualTo(2);
    assertThat(guard.activeGrants()).isEmpty();
    assertThatThrownBy(() -> guard.check(operator, ACME, READ))
        .isInstanceOf(CrossTenantAccessException.class);
  }

  @Test
  void expiredGrantIsRefusedAndChangesNothing() {
    OperatorGrant expired = grantFor(ACME, Duration.ZERO);
    assertThatThrownBy(() -> guard.grant(expired))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiresAt")
        .hasMessageContaining("ops-bob");
    assertThat(guard.activeGrants()).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void grantOfAMemberCoversWhatItsRolesLack() {
    guard.grant(
        OperatorGrant.forTenant(
            "alice", ACME, Set.of(WRITE), "temporary elevation", clock.instant().plusSeconds(60)));
    guard.check(alice, ACME, WRITE);
    assertThat(events).last().isInstanceOf(OperatorAccessEvent.class);
  }

  @Test
  void aThrowingListenerDoesNotBreakTheCheck() {
    TenantAccessGuard noisy =
        TenantAccessGuard.builder()
            .rolePolicy(RolePolicy.builder().role("viewer", "notes:read").build())
            .clock(clock)
            .listener(
                event -> {
                  throw new IllegalStateException("audit sink down");
                })
            .listener(events::add)
            .build();
    noisy.grant(grantFor(ACME, Duration.ofMinutes(5)));
    assertThatCode(() -> noisy.check(operator, ACME, READ)).doesNotThrowAnyException();
    assertThatThrownBy(() -> noisy.check(alice, GLOBEX, READ))
        .isInstanceOf(CrossTenantAccessException.class);
    assertThat(events).hasSize(3);
  }

  @Test
  void checkCurrentUsesTheBoundTenant() {
    TenantContext.run(ACME, () -> guard.checkCurrent(alice, READ));
    TenantContext.run(
        GLOBEX,
        () ->
            assertThatThrownBy(() -> guard.checkCurrent(alice, READ))
                .isInstanceOf(CrossTenantAccessException.class));
    assertThatThrownBy(() -> guard.checkCurrent(alice, READ))
        .isInstanceOf(NoTenantBoundException.class);
  }

  @Test
  void builderValidatesItsSettings() {
    assertThatThrownBy(() -> TenantAccessGuard.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rolePolicy");
    assertThatThrownBy(
            () ->
                TenantAccessGuard.builder()
                    .rolePolicy(RolePolicy.builder().build())
                    .clock(clock)
                    .grant(grantFor(ACME, Duration.ZERO))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TenantAccessGuard.builder().clock(clock).clock(clock))
        .isInstanceOf(IllegalStateException.class);
  }
}
