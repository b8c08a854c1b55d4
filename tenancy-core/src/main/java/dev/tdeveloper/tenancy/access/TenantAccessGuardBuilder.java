package dev.tdeveloper.tenancy.access;

import dev.tdeveloper.tenancy.event.AccessEvent;
import dev.tdeveloper.tenancy.event.EventListener;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link TenantAccessGuard}. The role policy and clock may each be set once (a second
 * call throws {@link IllegalStateException}); grants and listeners accumulate. Not thread-safe.
 */
public final class TenantAccessGuardBuilder {
  RolePolicy roles;
  InstantSource clock = InstantSource.system();
  final List<EventListener<? super AccessEvent>> listeners = new ArrayList<>();
  private final List<OperatorGrant> grants = new ArrayList<>();
  private boolean clockSet;

  TenantAccessGuardBuilder() {}

  /** Sets which permissions each role grants. Required. */
  public TenantAccessGuardBuilder rolePolicy(RolePolicy roles) {
    Objects.requireNonNull(roles, "roles");
    if (this.roles != null) {
      throw new IllegalStateException("rolePolicy was already set");
    }
    this.roles = roles;
    return this;
  }

  /** Sets the wall clock that operator grants expire by; defaults to the system clock. */
  public TenantAccessGuardBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    if (clockSet) {
      throw new IllegalStateException("clock was already set");
    }
    this.clock = clock;
    clockSet = true;
    return this;
  }

  /** Adds an operator grant in force from the start; it is published as added when built. */
  public TenantAccessGuardBuilder grant(OperatorGrant grant) {
    grants.add(Objects.requireNonNull(grant, "grant"));
    return this;
  }

  /**
   * Adds a listener for {@link AccessEvent}s (typically the audit log); called synchronously, and
   * its failures are logged, never thrown.
   */
  public TenantAccessGuardBuilder listener(EventListener<? super AccessEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the guard.
   *
   * @throws IllegalStateException if no role policy was set
   * @throws IllegalArgumentException if a grant has already expired by the clock
   */
  public TenantAccessGuard build() {
    if (roles == null) {
      throw new IllegalStateException("rolePolicy must be set, for example RolePolicy.builder()");
    }
    TenantAccessGuard guard = new TenantAccessGuard(this);
    for (OperatorGrant grant : grants) {
      guard.grant(grant);
    }
    return guard;
  }
}
