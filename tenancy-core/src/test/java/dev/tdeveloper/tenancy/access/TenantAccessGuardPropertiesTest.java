package dev.tdeveloper.tenancy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TenantAccessGuardPropertiesTest {
  private static final List<TenantId> TENANTS =
      List.of(TenantId.of("acme"), TenantId.of("globex"), TenantId.of("initech"));
  private static final List<String> PRINCIPALS = List.of("alice", "bob", "carol");
  private static final List<Permission> PERMISSIONS =
      List.of("notes:read", "notes:write", "billing:read", "users:admin").stream()
          .map(Permission::of)
          .toList();
  private static final RolePolicy ROLES =
      RolePolicy.builder()
          .role("viewer", "notes:read")
          .role("editor", "notes:read", "notes:write")
          .role("billing", "billing:read")
          .build();

  /** A generated grant: whose, which tenant (or all when absent), what, and for how long. */
  record GrantSpec(int principal, Optional<Integer> tenant, Set<Permission> permissions, int ttl) {}

  @Provide
  Arbitrary<Principal> principals() {
    Arbitrary<Set<String>> roleSets =
        Arbitraries.of("viewer", "editor", "billing", "ghost").set().ofMaxSize(3);
    Arbitrary<Map<TenantId, Set<String>>> memberships =
        Arbitraries.maps(Arbitraries.of(TENANTS), roleSets).ofMaxSize(3);
    return Combinators.combine(Arbitraries.of(PRINCIPALS), memberships).as(Principal::new);
  }

  @Provide
  Arbitrary<List<GrantSpec>> grants() {
    return Combinators.combine(
            Arbitraries.integers().between(0, PRINCIPALS.size() - 1),
            Arbitraries.integers().between(0, TENANTS.size() - 1).optional(),
            Arbitraries.of(PERMISSIONS).set().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().between(1, 100))
        .as(GrantSpec::new)
        .list()
        .ofMaxSize(5);
  }

  @Property(tries = 300)
  void checkPassesOnlyForMembershipWithPermissionOrALiveGrant(
      @ForAll("principals") Principal principal,
      @ForAll("grants") List<GrantSpec> specs,
      @ForAll @IntRange(min = 0, max = 120) int elapsedSeconds,
      @ForAll @IntRange(min = 0, max = 2) int tenantIndex,
      @ForAll @IntRange(min = 0, max = 3) int permissionIndex) {
    ManualClock clock = new ManualClock();
    TenantAccessGuard guard = TenantAccessGuard.builder().rolePolicy(ROLES).clock(clock).build();
    Instant start = clock.instant();
    List<OperatorGrant> added = new ArrayList<>();
    for (GrantSpec spec : specs) {
      OperatorGrant grant =
          new OperatorGrant(
              PRINCIPALS.get(spec.principal()),
              spec.tenant().map(TENANTS::get),
              spec.permissions(),
              "ticket",
              start.plusSeconds(spec.ttl()));
      guard.grant(grant);
      added.add(grant);
    }
    clock.advance(Duration.ofSeconds(elapsedSeconds));
    TenantId tenant = TENANTS.get(tenantIndex);
    Permission permission = PERMISSIONS.get(permissionIndex);

    boolean member = principal.isMemberOf(tenant);
    boolean byRole =
        principal.rolesIn(tenant).stream()
            .anyMatch(role -> ROLES.role(role).map(r -> r.grants(permission)).orElse(false));
    boolean byGrant =
        added.stream()
            .anyMatch(
                g ->
                    g.principalId().equals(principal.id())
                        && g.expiresAt().isAfter(clock.instant())
                        && g.tenant().map(tenant::equals).orElse(true)
                        && g.permissions().contains(permission));

    Throwable thrown = catchThrowable(() -> guard.check(principal, tenant, permission));
    if (byRole || byGrant) {
      assertThat(thrown).isNull();
    } else if (member) {
      assertThat(thrown).isExactlyInstanceOf(AccessDeniedException.class);
    } else {
      assertThat(thrown).isExactlyInstanceOf(CrossTenantAccessException.class);
    }
  }
}
