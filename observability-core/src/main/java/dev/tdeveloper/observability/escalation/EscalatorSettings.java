package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.notify.Notifier;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an {@link Escalator} was built with: clock, policies (a default and per tenant), schedules
 * (replaceable at run time) and notifiers. Thread-safe.
 */
final class EscalatorSettings {
  private static final Logger LOG = LoggerFactory.getLogger(EscalatorSettings.class);

  private final InstantSource clock;
  private final EscalationPolicy defaultPolicy;
  private final Map<String, EscalationPolicy> tenantPolicies;
  private final Map<String, EscalationPolicy> policiesByName;
  private final Map<String, OnCallSchedule> schedules;
  private final List<Notifier> notifiers;

  EscalatorSettings(
      InstantSource clock,
      EscalationPolicy defaultPolicy,
      Map<String, EscalationPolicy> tenantPolicies,
      Map<String, EscalationPolicy> policiesByName,
      Map<String, OnCallSchedule> schedules,
      List<Notifier> notifiers) {
    this.clock = clock;
    this.defaultPolicy = defaultPolicy;
    this.tenantPolicies = Map.copyOf(tenantPolicies);
    this.policiesByName = Map.copyOf(policiesByName);
    this.schedules = new ConcurrentHashMap<>(schedules);
    this.notifiers = List.copyOf(notifiers);
  }

  InstantSource clock() {
    return clock;
  }

  EscalationPolicy policyFor(Optional<String> tenant) {
    return tenant.map(tenantPolicies::get).orElse(defaultPolicy);
  }

  EscalationPolicy policyNamed(String name) {
    EscalationPolicy policy = policiesByName.get(name);
    if (policy == null) {
      LOG.warn(
          "escalation policy '{}' is no longer configured; continuing with '{}'",
          name,
          defaultPolicy.name());
      return defaultPolicy;
    }
    return policy;
  }

  void replaceSchedule(OnCallSchedule schedule) {
    Objects.requireNonNull(schedule, "schedule");
    if (schedules.replace(schedule.name(), schedule) == null) {
      throw new IllegalArgumentException(
          "no schedule named '"
              + schedule.name()
              + "' to replace; known: "
              + new java.util.TreeSet<>(schedules.keySet()));
    }
  }

  /** Returns the users a level notifies at {@code now}: schedules resolved, duplicates dropped. */
  List<String> receivers(EscalationLevel level, Instant now, String incidentId) {
    LinkedHashSet<String> users = new LinkedHashSet<>();
    for (EscalationTarget target : level.targets()) {
      if (target instanceof EscalationTarget.User user) {
        users.add(user.name());
      } else {
        Optional<String> onCall = schedules.get(target.name()).onCallAt(now);
        if (onCall.isPresent()) {
          users.add(onCall.get());
        } else {
          LOG.warn(
              "incident {}: schedule '{}' has nobody on call at {}; it is skipped",
              incidentId,
              target.name(),
              now);
        }
      }
    }
    return new ArrayList<>(users);
  }

  void send(Notification notification) {
    for (Notifier notifier : notifiers) {
      try {
        notifier.send(notification);
      } catch (RuntimeException e) {
        LOG.error(
            "notifier {} refused the notification of incident {} to {}",
            notifier.name(),
            notification.key(),
            notification.receiver(),
            e);
      }
    }
  }

  @Override
  public String toString() {
    return "policy "
        + defaultPolicy.name()
        + ", "
        + tenantPolicies.size()
        + " tenant policies, "
        + schedules.size()
        + " schedules, notifiers "
        + notifiers.stream().map(Notifier::name).toList();
  }
}
