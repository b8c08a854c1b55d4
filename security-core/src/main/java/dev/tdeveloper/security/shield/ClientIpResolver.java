package dev.tdeveloper.security.shield;

import java.util.List;
import java.util.Objects;

/**
 * Finds the address of the client behind a chain of reverse proxies, so that limits and bans apply
 * to the client and not to the load balancer. The chain is read from one forwarding header — the
 * one your proxies maintain — from the right: each proxy appends the address it received the
 * request from, so the rightmost entries are the trustworthy ones and anything a client sent sits
 * to their left.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>If the TCP peer is not a trusted proxy, the headers are ignored entirely and the peer is
 *       the client: a client cannot choose its address by sending the header itself.
 *   <li>Otherwise entries are read from the right, skipping trusted proxies; the first untrusted
 *       address is the client.
 *   <li>A malformed entry ({@code unknown}, an obfuscated {@code _node}, a host name, garbage)
 *       stops the walk: the last well-formed hop (possibly a trusted proxy) is the answer.
 *   <li>If every hop is trusted, the leftmost is the answer.
 * </ul>
 *
 * <p>Only one header is read, chosen at construction: if proxies maintain {@code X-Forwarded-For},
 * a client-sent {@code Forwarded} header would otherwise be taken as a proxy's word. Entries may
 * carry a port ({@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}); IPv6 may be bracketed or bare.
 * Empty list elements are skipped, as RFC 9110 asks.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClientIpResolver {
  /** The forwarding header a resolver reads. */
  public enum ForwardingHeader {
    /** The de-facto {@code X-Forwarded-For: client, proxy1, proxy2}. */
    X_FORWARDED_FOR("X-Forwarded-For"),
    /** RFC 7239 {@code Forwarded: for=client;proto=https, for="[2001:db8::1]:4711"}. */
    FORWARDED("Forwarded");

    private final String headerName;

    ForwardingHeader(String headerName) {
      this.headerName = headerName;
    }

    /** Returns the HTTP header name. */
    public String headerName() {
      return headerName;
    }
  }

  private final IpRangeSet trustedProxies;
  private final ForwardingHeader header;

  private ClientIpResolver(IpRangeSet trustedProxies, ForwardingHeader header) {
    this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
    this.header = Objects.requireNonNull(header, "header");
  }

  /** Returns a resolver reading {@code header}, trusting the proxies in {@code trustedProxies}. */
  public static ClientIpResolver of(IpRangeSet trustedProxies, ForwardingHeader header) {
    return new ClientIpResolver(trustedProxies, header);
  }

  /** Returns a resolver reading {@code X-Forwarded-For} behind {@code trustedProxies}. */
  public static ClientIpResolver xForwardedFor(IpRangeSet trustedProxies) {
    return new ClientIpResolver(trustedProxies, ForwardingHeader.X_FORWARDED_FOR);
  }

  /** Returns a resolver reading RFC 7239 {@code Forwarded} behind {@code trustedProxies}. */
  public static ClientIpResolver forwarded(IpRangeSet trustedProxies) {
    return new ClientIpResolver(trustedProxies, ForwardingHeader.FORWARDED);
  }

  /** Returns the header this resolver reads. */
  public ForwardingHeader header() {
    return header;
  }

  /** Returns the trusted proxies. */
  public IpRangeSet trustedProxies() {
    return trustedProxies;
  }

  /**
   * Returns the client address.
   *
   * @param peer the address of the TCP peer (the servlet's {@code getRemoteAddr()})
   * @param headerValues every value of {@link #header()} in the order received (several header
   *     lines form one list); empty when absent
   */
  public IpAddress resolve(IpAddress peer, List<String> headerValues) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(headerValues, "headerValues");
    IpAddress current = peer;
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    boolean forwarded = header == ForwardingHeader.FORWARDED;
    for (int v = headerValues.size() - 1; v >= 0; v--) {
      String value = Objects.requireNonNull(headerValues.get(v), "header value");
      int end = value.length();
      while (end >= 0) {
        int comma =
            forwarded ? HopParser.lastSeparator(value, end) : value.lastIndexOf(',', end - 1);
        if (comma == HopParser.UNBALANCED) {
          return current;
        }
        int from = HopParser.skipSpace(value, comma + 1, end);
        int to = HopParser.trimSpace(value, from, end);
        if (from < to) {
          IpAddress hop =
              forwarded ? HopParser.forwardedFor(value, from, to) : HopParser.node(value, from, to);
          if (hop == null) {
            return current;
          }
          current = hop;
          if (!trustedProxies.contains(hop)) {
            return hop;
          }
        }
        end = comma;
      }
    }
    return current;
  }

  @Override
  public String toString() {
    return "ClientIpResolver[" + header.headerName() + ", trusted=" + trustedProxies + "]";
  }
}
