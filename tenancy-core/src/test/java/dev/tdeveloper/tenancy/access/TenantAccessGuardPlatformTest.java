package dev.tdeveloper.tenancy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.AccessEvent;
import dev.tdeveloper.tenancy.event.PlatformAccessDeniedEvent;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Platform permissions: operator views and admin routes that belong to no tenant. */
class TenantAccessGuardPlatformTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Permission OPS_READ = Permission.of("ops:read");
  private static final Permission TENANTS_ADMIN = Permission.of("tenants:admin");

  private final ManualClock clock = new ManualClock();
  private final List<AccessEvent> events = new CopyOnWriteArrayList<>();
  private final TenantAccessGuard guard =
      TenantAccessGuard.builder()
          .rolePolicy(
              RolePolicy.builder()
                  .role("operator", "ops:read", "tenants:admin")
                  .role("observer", "ops:read")
                  .role("owner", "ops:read", "notes:read")
                  .build())
          .clock(clock)
          .listener(events::add)
          .build();

  @Test
  void operatorWithAGrantingPlatformRolePasses() {
    Principal operator = Principal.operator("ops-bob", "operator");

    assertThatCode(() -> guard.checkPlatform(operator, OPS_READ)).doesNotThrowAnyException();
    assertThatCode(() -> guard.checkPlatform(operator, TENANTS_ADMIN)).doesNotThrowAnyException();
    assertThat(events).isEmpty();
  }

  @Test
  void platformRoleWithoutThePermissionIsDeniedAndPublished() {
    Principal observer = Principal.operator("ops-eve", "observer");

    assertThatThrownBy(() -> guard.checkPlatform(observer, TENANTS_ADMIN))
        .isInstanceOf(PlatformAccessDeniedException.class)
        .hasMessage("principal 'ops-eve' holds no platform role granting 'tenants:admin'");
    assertThat(events)
        .containsExactly(
            new PlatformAccessDeniedEvent("ops-eve", "tenants:admin", clock.instant()));
  }

  @Test
  void tenantRolesNeverGrantPlatformPermissions() {
    Principal tenantOwner = Principal.member("alice", ACME, "owner");

    assertThatThrownBy(() -> guard.checkPlatform(tenantOwner, OPS_READ))
        .isInstanceOf(PlatformAccessDeniedException.class);
  }

  @Test
  void operatorGrantsNeverGrantPlatformPermissions() {
    guard.grant(
        OperatorGrant.forAllTenants(
            "ops-bob", Set.of(OPS_READ), "INC-7", clock.instant().plus(Duration.ofHours(1))));

    assertThatThrownBy(() -> guard.checkPlatform(Principal.operator("ops-bob"), OPS_READ))
        .isInstanceOf(PlatformAccessDeniedException.class);
  }

  @Test
  void platformRolesNeverOpenATenant() {
    Principal operator = Principal.operator("ops-bob", "owner");

    assertThatThrownBy(() -> guard.check(operator, ACME, Permission.of("notes:read")))
        .isInstanceOf(CrossTenantAccessException.class);
  }

  @Test
  void undefinedPlatformRolesGrantNothing() {
    assertThatThrownBy(() -> guard.checkPlatform(Principal.operator("x", "root"), OPS_READ))
        .isInstanceOf(PlatformAccessDeniedException.class);
  }

  @Test
  void principalValidatesAndCopiesPlatformRoles() {
    assertThatThrownBy(() -> Principal.operator("x", "Not A Role"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role name must be a token, was 'Not A Role'");
    assertThatThrownBy(() -> new Principal("x", Map.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("platformRoles");
    assertThat(Principal.member("alice", ACME, "owner").platformRoles()).isEmpty();
    assertThat(Principal.operator("ops", "operator", "observer").platformRoles())
        .containsExactly("observer", "operator");
  }
}
