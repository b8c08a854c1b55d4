package dev.tdeveloper.tenancy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a tenant. The legal moves are:
 *
 * <pre>
 * PROVISIONING -&gt; ACTIVE | DELETED (provisioning failed and was compensated)
 * ACTIVE       -&gt; SUSPENDED | OFFBOARDING
 * SUSPENDED    -&gt; ACTIVE | OFFBOARDING
 * OFFBOARDING  -&gt; DELETED
 * DELETED      -&gt; (terminal)
 * </pre>
 */
public enum TenantStatus {
  /** Resources are being created; the tenant cannot serve traffic yet. */
  PROVISIONING,
  /** The tenant serves traffic. */
  ACTIVE,
  /** Traffic is refused (unpaid invoice, abuse); data is kept and the tenant can be reactivated. */
  SUSPENDED,
  /** Data is being exported and deleted; traffic is refused and there is no way back. */
  OFFBOARDING,
  /** Terminal: nothing of the tenant remains but its record. */
  DELETED;

  /** Returns the statuses this status may move to. */
  public Set<TenantStatus> allowedNext() {
    return switch (this) {
      case PROVISIONING -> Collections.unmodifiableSet(EnumSet.of(ACTIVE, DELETED));
      case ACTIVE -> Collections.unmodifiableSet(EnumSet.of(SUSPENDED, OFFBOARDING));
      case SUSPENDED -> Collections.unmodifiableSet(EnumSet.of(ACTIVE, OFFBOARDING));
      case OFFBOARDING -> Collections.unmodifiableSet(EnumSet.of(DELETED));
      case DELETED -> Collections.emptySet();
    };
  }

  /** Returns whether a tenant in this status may move to {@code next}. */
  public boolean canMoveTo(TenantStatus next) {
    return allowedNext().contains(next);
  }

  /** Returns whether a tenant in this status may serve requests. */
  public boolean servesTraffic() {
    return this == ACTIVE;
  }
}
