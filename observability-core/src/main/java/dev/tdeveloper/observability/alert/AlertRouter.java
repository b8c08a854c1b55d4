package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.notify.Notifier;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes alerts to receivers as Prometheus Alertmanager does, for a library: alerts are
 * deduplicated by fingerprint, routed down the {@link Route} tree into aggregation groups, and
 * notified per group after group_wait, again after group_interval when the group changed, and after
 * repeat_interval while it keeps firing; resolved alerts are notified once and dropped. A firing
 * alert that is not re-sent within the resolve timeout resolves. Silenced and inhibited alerts are
 * held but not notified. The notification log and silences live in an {@link AlertStateStore}, so a
 * restarted router does not repeat a notification within repeat_interval.
 *
 * <p>Time comes only from the injected clock: call {@link #tick()} (or {@link #flush(Instant)})
 * periodically, or let {@link #schedule} do it. Tenant isolation: groups never mix tenants,
 * inhibition needs source and target of the same tenant, and a tenant's silence only matches that
 * tenant's alerts.
 *
 * <p>Thread-safe: state changes take one lock; notifiers are called outside it.
 */
public final class AlertRouter {
  private static final Logger LOG = LoggerFactory.getLogger(AlertRouter.class);
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(15);

  private final Route root;
  private final Map<String, List<Notifier>> receivers;
  private final InstantSource clock;
  private final AlertStateStore store;
  private final Duration retention;
  private final Listeners<AlertRouterEvent> listeners;
  private final Dispatcher dispatcher;
  private final Object lock = new Object();
  private final Object flushLock = new Object();
  private Instant lastPrune = Instant.MIN;

  AlertRouter(AlertRouterBuilder b) {
    this.root = b.root;
    this.receivers = Map.copyOf(b.receivers);
    this.clock = b.clock;
    this.store = b.store;
    this.retention = b.retention;
    this.listeners = Listeners.of(b.listeners);
    this.dispatcher = new Dispatcher(b.root, b.inhibitRules, b.resolveTimeout);
    store.notificationLog().forEach(e -> dispatcher.log.put(e.key(), e));
    store.silences().forEach(s -> dispatcher.silences.put(s.id(), s));
  }

  /** Returns a builder; a root route and its receivers are required. */
  public static AlertRouterBuilder builder() {
    return new AlertRouterBuilder();
  }

  /** Ingests an alert, as Alertmanager's API receives one: a firing re-send or a resolution. */
  public void receive(Alert alert) {
    Objects.requireNonNull(alert, "alert");
    Instant now = clock.instant();
    synchronized (lock) {
      dispatcher.receive(alert, now);
    }
  }

  /** Flushes the groups that are due at the clock's current time; see {@link #flush(Instant)}. */
  public void tick() {
    flush(clock.instant());
  }

  /**
   * Sends the notifications due at {@code now}: each due group is checked against the notification
   * log and notified if Alertmanager would; then the sent entries are written to the store.
   *
   * @throws dev.tdeveloper.observability.spi.AlertStateStoreException if the store cannot record
   *     what was sent (the notifications have been sent)
   */
  public void flush(Instant now) {
    Objects.requireNonNull(now, "now");
    synchronized (flushLock) {
      List<Dispatcher.Due> due;
      boolean prune;
      synchronized (lock) {
        due = dispatcher.flush(now);
        prune = !now.isBefore(lastPrune.plus(PRUNE_EVERY));
        if (prune) {
          lastPrune = now;
          dispatcher.prune(now.minus(retention));
        }
      }
      List<NotificationLogEntry> sent = new ArrayList<>(due.size());
      for (Dispatcher.Due d : due) {
        for (Notifier notifier : receivers.get(d.notification().receiver())) {
          try {
            notifier.send(d.notification());
          } catch (RuntimeException e) {
            LOG.error(
                "notifier {} failed to accept {}", notifier.name(), d.notification().key(), e);
          }
        }
        sent.add(d.entry());
        listeners.publish(new AlertRouterEvent.Notified(d.notification()));
      }
      if (!sent.isEmpty()) {
        store.recordNotifications(sent);
      }
      if (prune) {
        store.prune(now.minus(retention));
      }
    }
  }

  /**
   * Calls {@link #tick()} every {@code period} on {@code executor} until the returned future is
   * cancelled; a failing tick is logged and the next one runs.
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration period) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(period, "period");
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("schedule period: " + period + " is not positive");
    }
    long nanos = period.toNanos();
    return executor.scheduleWithFixedDelay(
        () -> {
          try {
            tick();
          } catch (RuntimeException e) {
            LOG.error("alert router tick failed; retrying next period", e);
          }
        },
        nanos,
        nanos,
        TimeUnit.NANOSECONDS);
  }

  /**
   * Adds a silence with a new id, persisted before it takes effect.
   *
   * @param matchers what it mutes (see {@link Silence})
   * @param startsAt when it begins
   * @param endsAt when it ends
   * @param createdBy who creates it
   * @param comment why
   * @param tenant the tenant it is confined to, or empty for an operator-wide silence
   * @return the silence
   * @throws IllegalArgumentException as {@link Silence} validates
   */
  public Silence addSilence(
      List<Matcher> matchers,
      Instant startsAt,
      Instant endsAt,
      String createdBy,
      String comment,
      Optional<String> tenant) {
    Silence silence =
        new Silence(
            UUID.randomUUID().toString(), matchers, startsAt, endsAt, createdBy, comment, tenant);
    synchronized (lock) {
      store.saveSilence(silence);
      dispatcher.silences.put(silence.id(), silence);
    }
    listeners.publish(new AlertRouterEvent.SilenceAdded(silence));
    return silence;
  }

  /**
   * Expires a silence now.
   *
   * @return the expired silence
   * @throws NoSuchElementException if there is no silence with that id
   * @throws IllegalStateException if it has already expired
   */
  public Silence expireSilence(String id) {
    Objects.requireNonNull(id, "id");
    Silence expired;
    synchronized (lock) {
      Silence silence = dispatcher.silences.get(id);
      if (silence == null) {
        throw new NoSuchElementException("no silence with id '" + id + "'");
      }
      expired = silence.expiredAt(clock.instant());
      store.saveSilence(expired);
      dispatcher.silences.put(id, expired);
    }
    listeners.publish(new AlertRouterEvent.SilenceExpired(expired));
    return expired;
  }

  /** Returns every silence kept (pending, active and recently expired), oldest first. */
  public List<Silence> silences() {
    synchronized (lock) {
      return List.copyOf(dispatcher.silences.values());
    }
  }

  /** Returns the silence with {@code id}, if kept. */
  public Optional<Silence> silence(String id) {
    synchronized (lock) {
      return Optional.ofNullable(dispatcher.silences.get(id));
    }
  }

  /** Returns every alert held, with whether it is notified or suppressed and by what. */
  public List<AlertStatus> alerts() {
    Instant now = clock.instant();
    synchronized (lock) {
      return dispatcher.statuses(now);
    }
  }

  /** Returns the alerts of one tenant (label {@code tenant}), for a tenant's own view. */
  public List<AlertStatus> alerts(String tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return alerts().stream().filter(s -> s.alert().tenant().equals(Optional.of(tenant))).toList();
  }

  /** Returns every aggregation group, in creation order. */
  public List<AlertGroupStatus> groups() {
    Instant now = clock.instant();
    synchronized (lock) {
      return dispatcher.groups(now);
    }
  }

  /** Returns the routing tree. */
  public Route route() {
    return root;
  }

  @Override
  public String toString() {
    return "AlertRouter[receivers=" + receivers.keySet() + ", store=" + store + "]";
  }
}
