package dev.tdeveloper.observability.notify;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.tdeveloper.observability.notify.DeliveryEvent.DropCause;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery machinery of a queued notifier: a bounded queue drained in order by one thread of
 * the notifier's own, each notification attempted under a Failsafe {@link RetryPolicy} (I/O errors
 * and {@link Outcome.Retryable} answers are retried after backoff or {@code Retry-After}), every
 * result published as a {@link DeliveryEvent} with secrets redacted. Thread-safe.
 */
final class Delivery {
  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  private final String name;
  private final DeliverySettings settings;
  private final Outcome.Attempt attempt;
  private final Listeners<DeliveryEvent> listeners;
  private final Secrets secrets;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<Notification> queue = new ArrayDeque<>();
  private final AtomicLong drops = new AtomicLong();
  private final Thread worker;
  private boolean closed;

  Delivery(
      String name,
      DeliverySettings settings,
      Outcome.Attempt attempt,
      Listeners<DeliveryEvent> listeners,
      Secrets secrets) {
    this.name = Objects.requireNonNull(name, "name");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.attempt = Objects.requireNonNull(attempt, "attempt");
    this.listeners = Objects.requireNonNull(listeners, "listeners");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.worker = new Thread(this::drain, "notifier-" + name);
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues {@code notification}; a full queue drops one by the settings' overflow rule. */
  void submit(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    Notification dropped = null;
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("notifier " + name + " is closed");
      }
      if (queue.size() < settings.queueCapacity()) {
        queue.addLast(notification);
      } else if (settings.overflow() == DeliverySettings.Overflow.DROP_OLDEST) {
        dropped = queue.pollFirst();
        queue.addLast(notification);
      } else {
        dropped = notification;
      }
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
    if (dropped != null) {
      DropCause cause =
          dropped == notification
              ? DropCause.QUEUE_FULL_NEWEST_REJECTED
              : DropCause.QUEUE_FULL_OLDEST_DROPPED;
      long count = drops.incrementAndGet();
      if (Long.bitCount(count) == 1) { // 1, 2, 4, 8...: a burst does not become a log storm
        LOG.warn(
            "notifier {}: queue full ({} waiting), {} notification(s) dropped so far ({})",
            name,
            settings.queueCapacity(),
            count,
            cause);
      }
      listeners.publish(new DeliveryEvent.Dropped(name, dropped.key(), dropped.action(), cause));
    }
  }

  /** Returns how many notifications wait. */
  int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting notifications and waits up to the drain timeout for the queue to empty; what is
   * left then is dropped and the attempt in flight is interrupted. Idempotent.
   */
  void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
    if (Thread.currentThread() == worker) {
      return; // closed from a listener: the worker finishes the queue on its own
    }
    boolean interrupted = !join(settings.drainTimeout());
    if (worker.isAlive()) {
      List<Notification> left;
      lock.lock();
      try {
        left = new ArrayList<>(queue);
        queue.clear();
      } finally {
        lock.unlock();
      }
      if (!left.isEmpty()) {
        LOG.warn(
            "notifier {}: closed after {} with {} notification(s) undelivered",
            name,
            settings.drainTimeout(),
            left.size());
      }
      for (Notification n : left) {
        listeners.publish(
            new DeliveryEvent.Dropped(name, n.key(), n.action(), DropCause.CLOSED_BEFORE_DELIVERY));
      }
      worker.interrupt();
      interrupted |= !join(settings.requestTimeout());
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the worker; returns false if this thread was interrupted while waiting. */
  private boolean join(Duration timeout) {
    try {
      TimeUnit.NANOSECONDS.timedJoin(worker, timeout.toNanos());
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private void drain() {
    for (Notification n = next(); n != null; n = next()) {
      deliver(n);
    }
  }

  private Notification next() {
    lock.lock();
    try {
      while (queue.isEmpty() && !closed) {
        notEmpty.awaitUninterruptibly();
      }
      return queue.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  private void deliver(Notification n) {
    int[] attempts = {0};
    String failure;
    try {
      Outcome outcome =
          Failsafe.with(policy(n))
              .get(
                  () -> {
                    attempts[0]++;
                    return attempt.attempt(n);
                  });
      if (outcome instanceof Outcome.Accepted) {
        LOG.debug("notifier {}: delivered {} {}", name, n.action(), n.key());
        listeners.publish(new DeliveryEvent.Delivered(name, n.key(), n.action(), attempts[0]));
        return;
      }
      failure =
          outcome instanceof Outcome.Refused refused
              ? "refused: " + refused.reason()
              : "gave up after " + attempts[0] + " attempt(s): " + reason(outcome, null);
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      failure =
          cause instanceof InterruptedException
              ? "interrupted: the notifier closed during delivery"
              : "gave up after " + attempts[0] + " attempt(s): " + describe(cause);
    } catch (RuntimeException e) {
      failure = "failed: " + describe(e);
    }
    failure = secrets.redact(failure);
    LOG.warn("notifier {}: {} {} not delivered, {}", name, n.action(), n.key(), failure);
    listeners.publish(
        new DeliveryEvent.FailedPermanently(name, n.key(), n.action(), attempts[0], failure));
  }

  private RetryPolicy<Outcome> policy(Notification n) {
    return RetryPolicy.<Outcome>builder()
        .handle(IOException.class)
        .handleResultIf(outcome -> outcome instanceof Outcome.Retryable)
        .withMaxAttempts(settings.maxAttempts())
        .withDelayFn(context -> delay(context.getAttemptCount(), context.getLastResult()))
        .onRetryScheduled(
            event -> {
              String why = secrets.redact(reason(event.getLastResult(), event.getLastException()));
              LOG.info(
                  "notifier {}: attempt {} of {} {} failed ({}), retrying in {}",
                  name,
                  event.getAttemptCount(),
                  n.action(),
                  n.key(),
                  why,
                  event.getDelay());
              listeners.publish(
                  new DeliveryEvent.Retried(
                      name, n.key(), n.action(), event.getAttemptCount(), event.getDelay(), why));
            })
        .build();
  }

  private Duration delay(int failedAttempts, Outcome last) {
    if (last instanceof Outcome.Retryable retryable && retryable.retryAfter().isPresent()) {
      Duration asked = retryable.retryAfter().get();
      return asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked;
    }
    return settings.backoff(Math.max(1, failedAttempts), ThreadLocalRandom.current().nextDouble());
  }

  private static String reason(Outcome outcome, Throwable failure) {
    if (outcome instanceof Outcome.Retryable retryable) {
      return retryable.reason();
    }
    return failure == null ? "unknown" : describe(failure);
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  @Override
  public String toString() {
    return "Delivery[" + name + ", queued=" + queued() + "]";
  }
}
