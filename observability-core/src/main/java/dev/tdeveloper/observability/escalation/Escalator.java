package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.incident.Incident;
import dev.tdeveloper.observability.incident.IncidentEvent;
import dev.tdeveloper.observability.incident.IncidentStatus;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.tenancy.event.EventListener;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages people for incidents by an {@link EscalationPolicy}, as PagerDuty does: when an incident
 * opens, level 1's targets are notified (schedules resolved to whoever is on call then); while
 * nobody acknowledges, each level's delay later the next level is notified, and after the last
 * level the policy starts over up to its repeats. Acknowledgement stops escalation and sends {@code
 * ACKNOWLEDGE} to everyone notified; resolution sends {@code RESOLVE} and forgets the incident.
 * Every notification's key is the incident id.
 *
 * <p>Register it as a listener of an {@code IncidentCorrelator}; call {@link #tick()} on a schedule
 * ({@link #schedule}) to escalate on time. Each step is saved in the {@link EscalationStateStore}
 * before its pages are sent, so a restarted escalator goes on where it was and never pages a level
 * twice (a crash between save and send can lose that one page). Policies and schedules are chosen
 * per tenant, and one tenant's incidents never change another's.
 *
 * <p>Thread-safe.
 */
public final class Escalator implements EventListener<IncidentEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);

  private final EscalatorSettings settings;
  private final EscalationStateStore store;
  private final Map<String, EscalationState> states = new HashMap<>();
  private final Map<String, Incident> incidents = new HashMap<>();

  Escalator(EscalatorSettings settings, EscalationStateStore store) {
    this.settings = settings;
    this.store = store;
    for (EscalationState state : store.loadAll()) {
      states.put(state.incidentId(), state);
    }
  }

  /** Returns a builder. */
  public static EscalatorBuilder builder() {
    return new EscalatorBuilder();
  }

  /** Starts, acknowledges or ends the escalation of the event's incident. */
  @Override
  public synchronized void onEvent(IncidentEvent event) {
    Objects.requireNonNull(event, "event");
    Incident incident = event.incident();
    if (event instanceof IncidentEvent.Acknowledged ack) {
      incidents.put(incident.id(), incident);
      acknowledge(incident.id(), ack.by());
    } else if (event instanceof IncidentEvent.Resolved) {
      incidents.put(incident.id(), incident);
      resolve(incident.id());
    } else if (incident.status() == IncidentStatus.TRIGGERED) {
      incidents.put(incident.id(), incident);
      if (!states.containsKey(incident.id())) {
        start(incident);
      }
    } else {
      incidents.put(incident.id(), incident);
    }
    if (!states.containsKey(incident.id())) {
      incidents.remove(incident.id()); // only incidents under escalation are kept
    }
  }

  private void start(Incident incident) {
    Instant now = settings.clock().instant();
    EscalationPolicy policy = settings.policyFor(incident.tenant());
    EscalationState state =
        new EscalationState(
            incident.id(),
            incident.tenant(),
            policy.name(),
            incident.title(),
            incident.severity(),
            now,
            0,
            0,
            Optional.of(now.plus(policy.level(0).delay())),
            new TreeSet<>(),
            Optional.empty());
    page(state, policy, now);
  }

  /** Saves the state with level {@code state.level()}'s receivers added, then pages them. */
  private void page(EscalationState state, EscalationPolicy policy, Instant now) {
    List<String> receivers =
        settings.receivers(policy.level(state.level()), now, state.incidentId());
    TreeSet<String> notified = new TreeSet<>(state.notified());
    notified.addAll(receivers);
    EscalationState saved = withNotified(state, notified);
    store.save(saved);
    states.put(saved.incidentId(), saved);
    Optional<Incident> incident = Optional.ofNullable(incidents.get(saved.incidentId()));
    for (String receiver : receivers) {
      settings.send(Notifications.trigger(saved, policy, incident, receiver, now));
    }
  }

  /**
   * Acknowledges an incident by id, as an {@link IncidentEvent.Acknowledged} does: for operators
   * and for incidents the correlator no longer knows (after a restart). Acknowledging twice changes
   * nothing.
   *
   * @param incidentId the incident
   * @param by who acknowledges, not blank
   * @return whether the incident was being escalated and is now acknowledged
   * @throws IllegalArgumentException if {@code by} is blank
   */
  public synchronized boolean acknowledge(String incidentId, String by) {
    Objects.requireNonNull(incidentId, "incidentId");
    EscalationState.Acknowledgement ack =
        new EscalationState.Acknowledgement(by, settings.clock().instant());
    EscalationState state = states.get(incidentId);
    if (state == null || state.isAcknowledged()) {
      return false;
    }
    EscalationState acked =
        new EscalationState(
            state.incidentId(),
            state.tenant(),
            state.policy(),
            state.title(),
            state.severity(),
            state.startedAt(),
            state.round(),
            state.level(),
            Optional.empty(),
            state.notified(),
            Optional.of(ack));
    store.save(acked);
    states.put(acked.incidentId(), acked);
    Optional<Incident> incident = Optional.ofNullable(incidents.get(incidentId));
    for (String receiver : acked.notified()) {
      settings.send(
          Notifications.of(acked, Notification.Action.ACKNOWLEDGE, incident, receiver, ack.at()));
    }
    return true;
  }

  /**
   * Ends the escalation of an incident by id, as an {@link IncidentEvent.Resolved} does: sends
   * {@code RESOLVE} to everyone notified and forgets the incident.
   *
   * @param incidentId the incident
   * @return whether the incident was being escalated
   */
  public synchronized boolean resolve(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    Optional<Incident> incident = Optional.ofNullable(incidents.remove(incidentId));
    EscalationState state = states.get(incidentId);
    if (state == null) {
      return false;
    }
    store.remove(incidentId);
    states.remove(incidentId);
    Instant now = settings.clock().instant();
    for (String receiver : state.notified()) {
      settings.send(Notifications.of(state, Notification.Action.RESOLVE, incident, receiver, now));
    }
    return true;
  }

  /**
   * Escalates every incident whose next level is due: notifies each level that came due since the
   * last tick, in order, as if ticks had run on time.
   *
   * @return how many levels were notified
   */
  public synchronized int tick() {
    Instant now = settings.clock().instant();
    int notifiedLevels = 0;
    for (EscalationState state : List.copyOf(states.values())) {
      EscalationState current = state;
      while (current.nextEscalationAt().isPresent()
          && !current.nextEscalationAt().get().isAfter(now)) {
        EscalationPolicy policy = settings.policyNamed(current.policy());
        Instant due = current.nextEscalationAt().get();
        Optional<EscalationState> next = Positions.next(current, policy, due);
        if (next.isEmpty()) {
          current = Positions.exhausted(current);
          store.save(current);
          states.put(current.incidentId(), current);
          break;
        }
        page(next.get(), policy, now);
        current = states.get(state.incidentId());
        notifiedLevels++;
      }
    }
    return notifiedLevels;
  }

  /**
   * Runs {@link #tick()} on {@code executor} every {@code period}; a failing tick is logged and the
   * next one runs.
   *
   * @param executor the executor, owned by the caller
   * @param period how often to tick, 1 second to 1 minute
   * @return the scheduled task, to cancel it
   * @throws IllegalArgumentException if the period is out of range
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration period) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(period, "period");
    if (period.compareTo(Duration.ofSeconds(1)) < 0
        || period.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "escalator tick period " + period + " is out of range; allowed: PT1S to PT1M");
    }
    Runnable task =
        () -> {
          try {
            tick();
          } catch (RuntimeException e) {
            LOG.error("escalation tick failed; the next tick retries", e);
          }
        };
    long millis = period.toMillis();
    return executor.scheduleAtFixedRate(task, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Replaces the schedule of the same name (to add or expire overrides, say). */
  public void replaceSchedule(OnCallSchedule schedule) {
    settings.replaceSchedule(schedule);
  }

  /** Returns the escalation state of one incident, if it is being escalated. */
  public synchronized Optional<EscalationState> state(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    return Optional.ofNullable(states.get(incidentId));
  }

  /** Returns the escalation state of every incident being escalated. */
  public synchronized List<EscalationState> states() {
    return List.copyOf(states.values());
  }

  private static EscalationState withNotified(EscalationState s, TreeSet<String> notified) {
    return new EscalationState(
        s.incidentId(),
        s.tenant(),
        s.policy(),
        s.title(),
        s.severity(),
        s.startedAt(),
        s.round(),
        s.level(),
        s.nextEscalationAt(),
        notified,
        s.acknowledgement());
  }

  @Override
  public String toString() {
    return "Escalator[" + settings + "]";
  }
}
