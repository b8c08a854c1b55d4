package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.shield.IpAddress;
import dev.tdeveloper.security.shield.IpRangeSet;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link DnsBlocklist} over a {@link DnsBlocklist.HostResolver}, each lookup bounded by a timeout
 * on a shared pool of daemon threads. Thread-safe.
 */
final class ResolvingDnsBlocklist implements DnsBlocklist {
  static final ResolvingDnsBlocklist JDK =
      new ResolvingDnsBlocklist(
          InetAddress::getAllByName, Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS), "");

  /** Addresses no public blocklist lists: RFC 1918, loopback, link-local, CGNAT, multicast... */
  private static final IpRangeSet NOT_QUERIED =
      IpRangeSet.of(
          "0.0.0.0/8",
          "10.0.0.0/8",
          "100.64.0.0/10",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "172.16.0.0/12",
          "192.0.0.0/24",
          "192.0.2.0/24",
          "192.168.0.0/16",
          "198.18.0.0/15",
          "198.51.100.0/24",
          "203.0.113.0/24",
          "224.0.0.0/3");

  private final DnsBlocklist.HostResolver resolver;
  private final long timeoutNanos;
  private final String httpBlKey;

  ResolvingDnsBlocklist(DnsBlocklist.HostResolver resolver, Duration timeout, String httpBlKey) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(httpBlKey, "httpBlKey");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + "; allowed: > 0");
    }
    for (int i = 0; i < httpBlKey.length(); i++) {
      char c = httpBlKey.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        throw new IllegalArgumentException(
            "httpBlKey: not letters; allowed: the 12 lowercase letters of an http:BL access key");
      }
    }
    this.timeoutNanos = timeout.toNanos();
    this.httpBlKey = httpBlKey;
  }

  @Override
  public boolean listed(IpAddress address, String zone) {
    String name = queryName(address, zone);
    if (name.isEmpty()) {
      return false;
    }
    Future<Boolean> answer;
    try {
      answer = Pool.EXECUTOR.submit(() -> resolver.resolve(name).length > 0);
    } catch (RejectedExecutionException e) {
      return false;
    }
    try {
      return answer.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      return false;
    } catch (TimeoutException | ExecutionException | RuntimeException e) {
      answer.cancel(true);
      return false;
    }
  }

  /**
   * The name to resolve: {@code d.c.b.a.zone} ({@code key.d.c.b.a.zone} for http:BL), or {@code ""}
   * when the address must not or cannot be queried.
   */
  String queryName(IpAddress address, String zone) {
    if (!address.isIpv4() || NOT_QUERIED.contains(address)) {
      return "";
    }
    long bits = address.low();
    String reversed =
        (bits & 0xff)
            + "."
            + ((bits >>> 8) & 0xff)
            + "."
            + ((bits >>> 16) & 0xff)
            + "."
            + (bits >>> 24)
            + "."
            + zone;
    if (zone.toLowerCase(Locale.ROOT).endsWith("httpbl.org")) {
      return httpBlKey.isEmpty() ? "" : httpBlKey + "." + reversed;
    }
    return reversed;
  }

  /** The shared lookup threads: at most 4, idle ones exit, at most 256 lookups waiting. */
  private static final class Pool {
    static final ThreadPoolExecutor EXECUTOR = create();

    private static ThreadPoolExecutor create() {
      AtomicInteger count = new AtomicInteger();
      ThreadPoolExecutor executor =
          new ThreadPoolExecutor(
              4,
              4,
              30,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(256),
              task -> {
                Thread t = new Thread(task, "waf-rbl-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      executor.allowCoreThreadTimeOut(true);
      return executor;
    }
  }
}
