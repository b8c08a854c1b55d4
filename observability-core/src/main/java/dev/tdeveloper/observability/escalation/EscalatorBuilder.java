package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.notify.Notifier;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.tenancy.TenantId;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Builds an {@link Escalator}. Required: {@link #policy} and at least one {@link #notifier}; the
 * clock defaults to the system clock and the state store to an {@link InMemoryEscalationStateStore}
 * (use a {@link FileEscalationStateStore} so a restart resumes). Single settings may be set once;
 * schedules, notifiers and tenant policies accumulate, each name once. Not thread-safe.
 */
public final class EscalatorBuilder {
  private InstantSource clock;
  private EscalationPolicy policy;
  private EscalationStateStore store;
  private final Map<String, EscalationPolicy> tenantPolicies = new LinkedHashMap<>();
  private final Map<String, OnCallSchedule> schedules = new LinkedHashMap<>();
  private final Map<String, Notifier> notifiers = new LinkedHashMap<>();

  EscalatorBuilder() {}

  /**
   * Sets the wall clock (default: the system clock).
   *
   * @return this builder
   */
  public EscalatorBuilder clock(InstantSource clock) {
    check(this.clock == null, "clock was already set");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the policy for incidents of tenants without their own policy.
   *
   * @return this builder
   */
  public EscalatorBuilder policy(EscalationPolicy policy) {
    check(this.policy == null, "policy was already set");
    this.policy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Sets the policy for the incidents of one tenant.
   *
   * @return this builder
   * @throws IllegalArgumentException if the tenant id is invalid
   */
  public EscalatorBuilder tenantPolicy(String tenant, EscalationPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    String id = TenantId.of(Objects.requireNonNull(tenant, "tenant")).value();
    check(!tenantPolicies.containsKey(id), "tenant " + id + " already has a policy");
    tenantPolicies.put(id, policy);
    return this;
  }

  /**
   * Adds an on-call schedule that policies name.
   *
   * @return this builder
   */
  public EscalatorBuilder schedule(OnCallSchedule schedule) {
    Objects.requireNonNull(schedule, "schedule");
    check(!schedules.containsKey(schedule.name()), "schedule " + schedule.name() + " added twice");
    schedules.put(schedule.name(), schedule);
    return this;
  }

  /**
   * Adds a notifier; every notification goes to every notifier.
   *
   * @return this builder
   */
  public EscalatorBuilder notifier(Notifier notifier) {
    Objects.requireNonNull(notifier, "notifier");
    check(!notifiers.containsKey(notifier.name()), "notifier " + notifier.name() + " added twice");
    notifiers.put(notifier.name(), notifier);
    return this;
  }

  /**
   * Sets where escalation state is kept (default: in memory).
   *
   * @return this builder
   */
  public EscalatorBuilder stateStore(EscalationStateStore store) {
    check(this.store == null, "stateStore was already set");
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /**
   * Builds the escalator and loads the state store's escalations, which go on at the next tick.
   *
   * @throws IllegalStateException if no policy or notifier is set, two different policies share a
   *     name, or a policy names a schedule that was not added
   */
  public Escalator build() {
    check(policy != null, "policy is not set");
    check(!notifiers.isEmpty(), "no notifier is set; add one");
    Map<String, EscalationPolicy> byName = new HashMap<>();
    List<EscalationPolicy> all = new ArrayList<>();
    all.add(policy);
    all.addAll(tenantPolicies.values());
    for (EscalationPolicy p : all) {
      EscalationPolicy other = byName.putIfAbsent(p.name(), p);
      check(other == null || other.equals(p), "two different policies are named " + p.name());
      for (String schedule : p.scheduleNames()) {
        check(
            schedules.containsKey(schedule),
            "policy "
                + p.name()
                + " names schedule '"
                + schedule
                + "', which was not added; added: "
                + new TreeSet<>(schedules.keySet()));
      }
    }
    EscalatorSettings settings =
        new EscalatorSettings(
            clock == null ? InstantSource.system() : clock,
            policy,
            tenantPolicies,
            byName,
            schedules,
            List.copyOf(notifiers.values()));
    return new Escalator(settings, store == null ? new InMemoryEscalationStateStore() : store);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException("escalator: " + message);
    }
  }
}
