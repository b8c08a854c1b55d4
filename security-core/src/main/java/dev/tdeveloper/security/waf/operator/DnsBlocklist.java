package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.shield.IpAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/**
 * A DNS blocklist client for {@code @rbl}: an IPv4 address {@code a.b.c.d} is listed in zone {@code
 * z} when {@code d.c.b.a.z} resolves, as ModSecurity queries it. Implementations must be
 * thread-safe, must not throw and must bound the time they block a request.
 *
 * <p>The built-in client ({@link #jdk()}, {@link #resolving}) never queries IPv6 addresses or
 * private, loopback, link-local, shared, multicast and reserved IPv4 addresses (they cannot be
 * listed and would leak internal addresses to a public resolver), bounds each lookup by a timeout
 * on a small shared pool of daemon threads (a timeout, a failure or a full queue is "not listed"),
 * and for Project Honey Pot's {@code dnsbl.httpbl.org} prefixes the access key; without a key it
 * never queries that zone (ModSecurity without {@code SecHttpBlKey} does the same).
 */
@FunctionalInterface
public interface DnsBlocklist {
  /** The default bound on one lookup, in milliseconds: {@value}. */
  long DEFAULT_TIMEOUT_MILLIS = 500;

  /**
   * Whether an address is listed.
   *
   * @param address the address to look up
   * @param zone the blocklist's DNS zone, e.g. {@code zen.spamhaus.org}
   * @return whether the zone lists it; false when it could not be asked in time
   */
  boolean listed(IpAddress address, String zone);

  /**
   * The client that resolves through the JDK ({@link InetAddress#getAllByName}, which caches as
   * {@code networkaddress.cache.ttl} says) with the {@linkplain #DEFAULT_TIMEOUT_MILLIS default
   * timeout} and no Honey Pot key. One shared instance.
   *
   * @return the JDK client
   */
  static DnsBlocklist jdk() {
    return ResolvingDnsBlocklist.JDK;
  }

  /**
   * A client that never lists anything, for deployments that must not query DNS per request.
   *
   * @return the silent client
   */
  static DnsBlocklist none() {
    return (address, zone) -> false;
  }

  /**
   * A client over the given resolver (tests inject a fake one).
   *
   * @param resolver resolves a host name; throws or returns no address when it is not listed
   * @param timeout the bound on one lookup, positive
   * @param httpBlKey the Project Honey Pot access key, or {@code ""} for none
   * @return the client
   * @throws IllegalArgumentException when the timeout is not positive or the key is not letters
   */
  static DnsBlocklist resolving(HostResolver resolver, Duration timeout, String httpBlKey) {
    return new ResolvingDnsBlocklist(resolver, timeout, httpBlKey);
  }

  /** Resolves a host name to its addresses; what {@link InetAddress#getAllByName} does. */
  @FunctionalInterface
  interface HostResolver {
    /**
     * Resolves a name.
     *
     * @param host the name to resolve
     * @return its addresses, possibly none
     * @throws IOException when the name does not resolve
     */
    InetAddress[] resolve(String host) throws IOException;
  }
}
