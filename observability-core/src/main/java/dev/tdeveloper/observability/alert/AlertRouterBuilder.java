package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.notify.Notifier;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.tenancy.event.EventListener;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds an {@link AlertRouter}. Required: {@link #route} and a {@link #receiver} for every
 * receiver the routes name. Defaults: system clock, resolve timeout {@link
 * #DEFAULT_RESOLVE_TIMEOUT}, retention {@link #DEFAULT_RETENTION}, in-memory state store. Each
 * setting once; null arguments throw {@link NullPointerException}, bad values {@link
 * IllegalArgumentException}, conflicts {@link IllegalStateException}. Not thread-safe.
 */
public final class AlertRouterBuilder {
  /** Alertmanager's default resolve_timeout: 5 minutes. */
  public static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofMinutes(5);

  /** Alertmanager's default data retention for the notification log and silences: 120 hours. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(120);

  Route root;
  final Map<String, List<Notifier>> receivers = new LinkedHashMap<>();
  final List<InhibitRule> inhibitRules = new ArrayList<>();
  final List<EventListener<? super AlertRouterEvent>> listeners = new ArrayList<>();
  InstantSource clock;
  Duration resolveTimeout;
  Duration retention;
  AlertStateStore store;

  AlertRouterBuilder() {}

  /** Sets the routing tree's root. */
  public AlertRouterBuilder route(Route root) {
    Objects.requireNonNull(root, "root");
    this.root = once(this.root, root, "route");
    return this;
  }

  /**
   * Defines a receiver: its notifications go to every one of {@code notifiers}.
   *
   * @throws IllegalArgumentException if the name is blank or there is no notifier
   * @throws IllegalStateException if the receiver is already defined
   */
  public AlertRouterBuilder receiver(String name, Notifier... notifiers) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("receiver: name is blank");
    }
    if (notifiers.length == 0) {
      throw new IllegalArgumentException(
          "receiver " + name + ": at least one notifier is required");
    }
    List<Notifier> list = new ArrayList<>(notifiers.length);
    for (Notifier n : notifiers) {
      list.add(Objects.requireNonNull(n, "notifier"));
    }
    if (receivers.putIfAbsent(name, List.copyOf(list)) != null) {
      throw new IllegalStateException("receiver " + name + ": already defined");
    }
    return this;
  }

  /** Adds an inhibition rule. */
  public AlertRouterBuilder inhibitRule(InhibitRule rule) {
    inhibitRules.add(Objects.requireNonNull(rule, "rule"));
    return this;
  }

  /** Sets the wall clock (default the system clock). */
  public AlertRouterBuilder clock(InstantSource clock) {
    this.clock = once(this.clock, Objects.requireNonNull(clock, "clock"), "clock");
    return this;
  }

  /** Sets resolve_timeout: a firing alert not re-sent within it resolves (default 5 minutes). */
  public AlertRouterBuilder resolveTimeout(Duration timeout) {
    this.resolveTimeout =
        once(this.resolveTimeout, positive(timeout, "resolve_timeout"), "resolve_timeout");
    return this;
  }

  /**
   * Sets how long notification log entries and expired silences are kept (default 120 hours); must
   * exceed every route's repeat_interval, or a repeat would be forgotten and re-sent early.
   */
  public AlertRouterBuilder retention(Duration retention) {
    this.retention = once(this.retention, positive(retention, "retention"), "retention");
    return this;
  }

  /** Sets the state store (default {@link AlertStateStore#inMemory()}). */
  public AlertRouterBuilder stateStore(AlertStateStore store) {
    this.store = once(this.store, Objects.requireNonNull(store, "store"), "stateStore");
    return this;
  }

  /** Adds a listener for notifications sent and silences changed. */
  public AlertRouterBuilder listener(EventListener<? super AlertRouterEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the router, loading the store's notification log and silences.
   *
   * @throws IllegalStateException if the route is missing, a route names an undefined receiver,
   *     notifier names repeat within a receiver, or the retention does not exceed a repeat_interval
   */
  public AlertRouter build() {
    if (root == null) {
      throw new IllegalStateException("alert router: a route is required");
    }
    Duration maxRepeat = Duration.ZERO;
    for (Route r : root.flatten()) {
      if (!receivers.containsKey(r.receiver())) {
        throw new IllegalStateException(
            "alert router: route "
                + r.key()
                + " names receiver '"
                + r.receiver()
                + "', which is not defined; defined: "
                + new TreeSet<>(receivers.keySet()));
      }
      maxRepeat = r.repeatInterval().compareTo(maxRepeat) > 0 ? r.repeatInterval() : maxRepeat;
    }
    receivers.forEach(
        (name, notifiers) -> {
          Set<String> names = new HashSet<>();
          notifiers.forEach(
              n -> {
                if (!names.add(n.name())) {
                  throw new IllegalStateException(
                      "receiver " + name + ": two notifiers named '" + n.name() + "'");
                }
              });
        });
    if (clock == null) {
      clock = InstantSource.system();
    }
    if (resolveTimeout == null) {
      resolveTimeout = DEFAULT_RESOLVE_TIMEOUT;
    }
    if (retention == null) {
      retention = DEFAULT_RETENTION;
    }
    if (retention.compareTo(maxRepeat) <= 0) {
      throw new IllegalStateException(
          "alert router: retention "
              + retention
              + " must exceed the longest repeat_interval "
              + maxRepeat);
    }
    if (store == null) {
      store = AlertStateStore.inMemory();
    }
    return new AlertRouter(this);
  }

  private static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(
          what + ": " + d + " is not positive; allowed: more than zero");
    }
    return d;
  }

  private static <T> T once(T current, T value, String what) {
    if (current != null) {
      throw new IllegalStateException("alert router " + what + ": already set");
    }
    return value;
  }
}
