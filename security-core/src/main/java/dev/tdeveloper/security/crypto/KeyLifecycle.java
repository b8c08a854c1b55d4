package dev.tdeveloper.security.crypto;

import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates, disables, enables and destroys tenants' key versions on a {@link KeyManager} and
 * publishes a {@link KeyEvent} for each change (a listener that throws is logged and never breaks
 * the operation). {@link #rotateDue()} adds a version for every tenant whose primary version is
 * older than its {@link KeyRotationPolicy} allows; {@link #shred} destroys all of a tenant's
 * versions (crypto-shredding). Old versions keep decrypting until disabled or destroyed.
 *
 * <p>Thread-safe (the key manager serialises changes).
 */
public final class KeyLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(KeyLifecycle.class);

  private final KeyManager keys;
  private final KeyRotationPolicy policy;
  private final InstantSource clock;
  private final Listeners<KeyEvent> listeners;

  private KeyLifecycle(Builder builder) {
    this.keys = builder.keys;
    this.policy = builder.policy == null ? KeyRotationPolicy.defaults() : builder.policy;
    this.clock = builder.clock == null ? InstantSource.system() : builder.clock;
    this.listeners = Listeners.of(builder.listeners);
  }

  /** Returns a builder over {@code keys}. */
  public static Builder builder(KeyManager keys) {
    return new Builder(keys);
  }

  /** Adds a new primary version for {@code tenant} (its first if it has none). */
  public KeyVersion rotate(TenantId tenant) {
    return rotate(tenant, false);
  }

  private KeyVersion rotate(TenantId tenant, boolean scheduled) {
    KeyVersion created = keys.rotate(tenant);
    listeners.publish(new KeyEvent.Rotated(tenant, created, scheduled, clock.instant()));
    return created;
  }

  /**
   * Rotates every tenant whose primary version is at least as old as the policy allows. Tenants
   * whose newest version is disabled or destroyed are left alone (an operator's decision, or
   * shredded). A tenant that fails is logged and the others still rotate.
   *
   * @return the versions added
   */
  public List<KeyVersion> rotateDue() {
    List<KeyVersion> added = new ArrayList<>();
    for (TenantId tenant : keys.tenants()) {
      try {
        KeyVersion primary = keys.primary(tenant).orElse(null);
        if (primary != null
            && !clock.instant().isBefore(primary.createdAt().plus(policy.maximumAge(tenant)))) {
          added.add(rotate(tenant, true));
        }
      } catch (RuntimeException e) {
        LOG.warn("scheduled key rotation of tenant {} failed; will retry", tenant.value(), e);
      }
    }
    return added;
  }

  /**
   * Runs {@link #rotateDue()} every {@code period} on {@code executor}, first after {@code period};
   * cancel the returned future to stop.
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration period) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
    long nanos = period.toNanos();
    return executor.scheduleWithFixedDelay(this::rotateDue, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** Disables a version (see {@link KeyManager#disable}). */
  public KeyVersion disable(TenantId tenant, int version) {
    return change(tenant, version, KeyState.DISABLED);
  }

  /** Enables a disabled version again (see {@link KeyManager#enable}). */
  public KeyVersion enable(TenantId tenant, int version) {
    return change(tenant, version, KeyState.ENABLED);
  }

  /**
   * Destroys a version for good (see {@link KeyManager#destroy}); when no version of the tenant is
   * left undestroyed, also publishes {@link KeyEvent.TenantShredded}.
   */
  public KeyVersion destroy(TenantId tenant, int version) {
    KeyVersion destroyed = change(tenant, version, KeyState.DESTROYED);
    publishIfShredded(tenant);
    return destroyed;
  }

  /**
   * Destroys every version of {@code tenant}: all its ciphertext becomes permanently undecryptable.
   * Publishes one {@link KeyEvent.StateChanged} per version destroyed and one {@link
   * KeyEvent.TenantShredded}.
   *
   * @return the tenant's versions, all destroyed
   */
  public List<KeyVersion> shred(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    for (KeyVersion v : keys.versions(tenant)) {
      if (v.state() != KeyState.DESTROYED) {
        change(tenant, v.version(), KeyState.DESTROYED);
      }
    }
    publishIfShredded(tenant);
    return keys.versions(tenant);
  }

  private KeyVersion change(TenantId tenant, int version, KeyState target) {
    Objects.requireNonNull(tenant, "tenant");
    KeyState before = keys.version(tenant, version).map(KeyVersion::state).orElse(KeyState.ENABLED);
    KeyVersion after =
        switch (target) {
          case ENABLED -> keys.enable(tenant, version);
          case DISABLED -> keys.disable(tenant, version);
          case DESTROYED -> keys.destroy(tenant, version);
        };
    if (before != after.state()) {
      listeners.publish(new KeyEvent.StateChanged(tenant, after, before, clock.instant()));
    }
    return after;
  }

  private void publishIfShredded(TenantId tenant) {
    List<KeyVersion> all = keys.versions(tenant);
    if (!all.isEmpty() && all.stream().allMatch(v -> v.state() == KeyState.DESTROYED)) {
      List<Integer> numbers = all.stream().map(KeyVersion::version).toList();
      listeners.publish(new KeyEvent.TenantShredded(tenant, numbers, clock.instant()));
    }
  }

  /**
   * Configures a {@link KeyLifecycle}. Each setter once (a repeat throws {@link
   * IllegalStateException}); listeners may be added many times. Not thread-safe.
   */
  public static final class Builder {
    private final KeyManager keys;
    private KeyRotationPolicy policy;
    private InstantSource clock;
    private final List<EventListener<? super KeyEvent>> listeners = new ArrayList<>();

    private Builder(KeyManager keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Sets the rotation policy; default {@link KeyRotationPolicy#defaults()} (90 days). */
    public Builder policy(KeyRotationPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      if (this.policy != null) {
        throw new IllegalStateException("policy was already set to " + this.policy);
      }
      this.policy = policy;
      return this;
    }

    /** Sets the wall clock deciding ages and stamping events; default the system clock. */
    public Builder clock(InstantSource clock) {
      Objects.requireNonNull(clock, "clock");
      if (this.clock != null) {
        throw new IllegalStateException("clock was already set to " + this.clock);
      }
      this.clock = clock;
      return this;
    }

    /** Adds a listener of key events. */
    public Builder listener(EventListener<? super KeyEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Builds the lifecycle; the builder may be reused. */
    public KeyLifecycle build() {
      return new KeyLifecycle(this);
    }
  }
}
