package dev.tdeveloper.demo;

import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.notify.Notifier;
import dev.tdeveloper.tenancy.spi.JobLeaseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification only if this instance is the first to claim it: with shared leases ({@code
 * --redis} or {@code --postgres}) every instance's alert router flushes the alerts it saw, and the
 * same notification (receiver, group key, action, and which alerts fire or resolved) is sent by the
 * one instance that acquires its lease {@code notify:<hash>}; the others skip it, their routers
 * counting it as sent. The lease is never released and expires after {@link #CLAIM_TTL}, longer
 * than the evaluation period plus group wait that separate two instances' flushes of the same
 * alert, and far shorter than the repeat interval, after which the group is sent again (once).
 *
 * <p>Leasing the flush job instead would not do: a router keeps its own copy of the notification
 * log, so whichever instance got the lease next would send again what the other already sent.
 *
 * <p>When the lease backend fails the notification is sent anyway: a page twice beats none. Each
 * distinct notification leaves one lease name behind (a fencing counter in Redis, a row in
 * PostgreSQL), bounded by the variety of alert groups, not by how often they fire. Thread-safe.
 */
final class ClaimedNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimedNotifier.class);

  /** How long a sent notification's claim holds: {@code PT1M}. */
  static final Duration CLAIM_TTL = Duration.ofMinutes(1);

  private final Notifier delegate;
  private final LeasedJobs leases;

  ClaimedNotifier(Notifier delegate, LeasedJobs leases) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.leases = Objects.requireNonNull(leases, "leases");
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void send(Notification notification) {
    String claim = claimName(notification);
    boolean first;
    try {
      first = leases.claim(claim, CLAIM_TTL);
    } catch (JobLeaseException e) {
      LOG.warn("cannot claim {} ({}); sending it anyway", notification.key(), e.getMessage());
      first = true;
    }
    if (first) {
      delegate.send(notification);
    } else {
      LOG.debug(
          "{} {} already sent by another instance", notification.action(), notification.key());
    }
  }

  /**
   * The lease name of a notification: the same on every instance for the same receiver, group,
   * action and alerts (by fingerprint, firing or resolved), whatever each instance's timestamps.
   */
  static String claimName(Notification notification) {
    TreeSet<String> alerts = new TreeSet<>();
    for (Alert alert : notification.alerts()) {
      alerts.add(Long.toHexString(alert.fingerprint()) + (alert.endsAt().isPresent() ? "-" : "+"));
    }
    String content =
        String.join(
            "\n",
            notification.receiver(),
            notification.key(),
            notification.action().name(),
            String.join(",", alerts));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "notify:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
