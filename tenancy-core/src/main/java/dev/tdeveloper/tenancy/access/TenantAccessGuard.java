package dev.tdeveloper.tenancy.access;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.NoTenantBoundException;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.event.AccessDeniedEvent;
import dev.tdeveloper.tenancy.event.AccessEvent;
import dev.tdeveloper.tenancy.event.OperatorAccessEvent;
import dev.tdeveloper.tenancy.event.OperatorGrantChangedEvent;
import dev.tdeveloper.tenancy.event.PlatformAccessDeniedEvent;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a principal may use a permission in a tenant. A member passes when one of its
 * roles there grants the permission. Anyone else, and a member whose roles fall short, passes only
 * through a live {@link OperatorGrant}, and each such access publishes an {@link
 * OperatorAccessEvent}. Every refusal publishes an {@link AccessDeniedEvent} and throws: {@link
 * CrossTenantAccessException} for a non-member, {@link AccessDeniedException} for a member.
 *
 * <p>Operator grants are added and revoked at runtime ({@link #grant}, {@link #revoke}); both
 * publish an {@link OperatorGrantChangedEvent}. Expired grants stop working at their expiry by the
 * guard's clock and are dropped when grants next change.
 *
 * <p>Thread-safe. Build one with {@link #builder()}.
 */
public final class TenantAccessGuard {
  private static final Comparator<OperatorGrant> ORDER =
      Comparator.comparing(OperatorGrant::principalId)
          .thenComparing(OperatorGrant::expiresAt)
          .thenComparing(OperatorGrant::reason);

  private final RolePolicy roles;
  private final InstantSource clock;
  private final Listeners<AccessEvent> listeners;
  private final ConcurrentHashMap<String, Set<OperatorGrant>> grants = new ConcurrentHashMap<>();

  TenantAccessGuard(TenantAccessGuardBuilder builder) {
    this.roles = builder.roles;
    this.clock = builder.clock;
    this.listeners = Listeners.of(builder.listeners);
  }

  /** Returns a builder; only {@link TenantAccessGuardBuilder#rolePolicy} is required. */
  public static TenantAccessGuardBuilder builder() {
    return new TenantAccessGuardBuilder();
  }

  /**
   * Returns normally if {@code principal} may use {@code permission} in {@code tenant}.
   *
   * @throws CrossTenantAccessException if the principal is not a member of the tenant and no live
   *     operator grant covers the permission there
   * @throws AccessDeniedException if the principal is a member but neither its roles nor a live
   *     operator grant give the permission
   */
  public void check(Principal principal, TenantId tenant, Permission permission) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(permission, "permission");
    Set<String> held = principal.memberships().get(tenant);
    if (held != null && roles.grants(held, permission)) {
      return;
    }
    Instant now = clock.instant();
    for (OperatorGrant grant : grants.getOrDefault(principal.id(), Set.of())) {
      if (grant.isLiveAt(now) && grant.covers(tenant, permission)) {
        listeners.publish(
            new OperatorAccessEvent(
                principal.id(),
                tenant,
                permission.value(),
                grant.reason(),
                grant.expiresAt(),
                now));
        return;
      }
    }
    if (held == null) {
      listeners.publish(
          new AccessDeniedEvent(
              principal.id(),
              tenant,
              permission.value(),
              AccessDeniedEvent.Reason.CROSS_TENANT,
              now));
      throw new CrossTenantAccessException(principal.id(), tenant, permission);
    }
    listeners.publish(
        new AccessDeniedEvent(
            principal.id(),
            tenant,
            permission.value(),
            AccessDeniedEvent.Reason.MISSING_PERMISSION,
            now));
    throw new AccessDeniedException(principal.id(), tenant, permission);
  }

  /**
   * Returns normally if one of {@code principal}'s {@linkplain Principal#platformRoles() platform
   * roles} grants {@code permission}: the check for operator views and admin routes that belong to
   * no tenant. Tenant memberships and operator grants never count here. A refusal publishes a
   * {@link PlatformAccessDeniedEvent}.
   *
   * @throws PlatformAccessDeniedException if no platform role of the principal grants it
   */
  public void checkPlatform(Principal principal, Permission permission) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(permission, "permission");
    if (roles.grants(principal.platformRoles(), permission)) {
      return;
    }
    listeners.publish(
        new PlatformAccessDeniedEvent(principal.id(), permission.value(), clock.instant()));
    throw new PlatformAccessDeniedException(principal.id(), permission);
  }

  /**
   * Checks {@code permission} in the tenant bound to the current thread by {@link TenantContext}.
   *
   * @throws NoTenantBoundException if no tenant is bound
   * @throws AccessDeniedException as {@link #check}
   */
  public void checkCurrent(Principal principal, Permission permission) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(permission, "permission");
    check(principal, TenantContext.require(), permission);
  }

  /**
   * Adds an operator grant; it works until its {@code expiresAt}.
   *
   * @return false if an equal grant was already in force
   * @throws IllegalArgumentException if the grant has already expired; nothing changes
   */
  public boolean grant(OperatorGrant grant) {
    Objects.requireNonNull(grant, "grant");
    Instant now = clock.instant();
    if (!grant.isLiveAt(now)) {
      throw new IllegalArgumentException(
          "expiresAt of the operator grant to '"
              + grant.principalId()
              + "' must be after now ("
              + now
              + "), was "
              + grant.expiresAt());
    }
    boolean[] added = new boolean[1];
    grants.compute(
        grant.principalId(),
        (id, old) -> {
          Set<OperatorGrant> next = live(old, now);
          added[0] = next.add(grant);
          return Set.copyOf(next);
        });
    // Grants change rarely, so this is the place to drop every expired one.
    for (String id : grants.keySet()) {
      grants.computeIfPresent(id, (k, old) -> frozenOrNull(live(old, now)));
    }
    if (added[0]) {
      publishChange(OperatorGrantChangedEvent.Change.ADDED, grant, now);
    }
    return added[0];
  }

  /**
   * Revokes an operator grant before it expires.
   *
   * @return whether a live grant equal to {@code grant} was revoked
   */
  public boolean revoke(OperatorGrant grant) {
    Objects.requireNonNull(grant, "grant");
    Instant now = clock.instant();
    boolean[] removed = new boolean[1];
    grants.computeIfPresent(
        grant.principalId(),
        (id, old) -> {
          Set<OperatorGrant> next = live(old, now);
          removed[0] = next.remove(grant);
          return frozenOrNull(next);
        });
    if (removed[0]) {
      publishChange(OperatorGrantChangedEvent.Change.REVOKED, grant, now);
    }
    return removed[0];
  }

  /**
   * Revokes every live grant of {@code principalId} (for example when an operator leaves).
   *
   * @return how many live grants were revoked
   */
  public int revokeAll(String principalId) {
    Objects.requireNonNull(principalId, "principalId");
    Instant now = clock.instant();
    Set<OperatorGrant> removed = grants.remove(principalId);
    List<OperatorGrant> revoked = new ArrayList<>(live(removed, now));
    revoked.sort(ORDER);
    for (OperatorGrant grant : revoked) {
      publishChange(OperatorGrantChangedEvent.Change.REVOKED, grant, now);
    }
    return revoked.size();
  }

  /** Returns the grants in force now, ordered by principal id and expiry. */
  public List<OperatorGrant> activeGrants() {
    Instant now = clock.instant();
    List<OperatorGrant> active = new ArrayList<>();
    grants.values().forEach(set -> active.addAll(live(set, now)));
    active.sort(ORDER);
    return List.copyOf(active);
  }

  private void publishChange(
      OperatorGrantChangedEvent.Change change, OperatorGrant grant, Instant now) {
    Set<String> permissions = new HashSet<>();
    grant.permissions().forEach(p -> permissions.add(p.value()));
    listeners.publish(
        new OperatorGrantChangedEvent(
            change,
            grant.principalId(),
            grant.tenant(),
            permissions,
            grant.reason(),
            grant.expiresAt(),
            now));
  }

  private static Set<OperatorGrant> live(Set<OperatorGrant> grants, Instant now) {
    Set<OperatorGrant> live = new HashSet<>();
    if (grants != null) {
      for (OperatorGrant grant : grants) {
        if (grant.isLiveAt(now)) {
          live.add(grant);
        }
      }
    }
    return live;
  }

  private static Set<OperatorGrant> frozenOrNull(Set<OperatorGrant> grants) {
    return grants.isEmpty() ? null : Set.copyOf(grants);
  }
}
