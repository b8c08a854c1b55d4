package dev.tdeveloper.security.shield;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address, parsed from a literal without ever resolving a name. An IPv4-mapped IPv6
 * address ({@code ::ffff:192.0.2.1}) <em>is</em> the IPv4 address ({@code 192.0.2.1}): both parse
 * to equal values, so a limit or ban on one applies to the other.
 *
 * <p>IPv4 literals are four decimal octets; leading zeros are rejected ({@code 010.0.0.1} is octal
 * to some parsers and decimal to others). IPv6 literals follow RFC 4291 (one {@code ::}, an
 * optional trailing dotted IPv4 part); zone ids ({@code %eth0}) and brackets are rejected.
 *
 * <p>Immutable and thread-safe; compared by value, IPv4 before IPv6.
 */
public final class IpAddress implements Comparable<IpAddress> {
  private final long high;
  private final long low;
  private final boolean ipv4;

  private IpAddress(long high, long low, boolean ipv4) {
    this.high = high;
    this.low = low;
    this.ipv4 = ipv4;
  }

  /**
   * Parses an IPv4 or IPv6 literal.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is not an IP literal (host names included);
   *     the message quotes it
   */
  public static IpAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    IpAddress address = IpParser.parse(text, 0, text.length());
    if (address == null) {
      throw new IllegalArgumentException(
          "invalid IP address "
              + Texts.quote(text)
              + ": expected an IPv4 literal like 192.0.2.1 or an IPv6 literal like 2001:db8::1"
              + " (host names are not resolved)");
    }
    return address;
  }

  /** Parses an IP literal, or returns empty if {@code text} is not one. Never resolves names. */
  public static Optional<IpAddress> tryParse(String text) {
    Objects.requireNonNull(text, "text");
    return Optional.ofNullable(IpParser.parse(text, 0, text.length()));
  }

  /**
   * Returns the IPv4 address whose 32 bits are {@code bits} (big-endian: 192.0.2.1 is 0xC0000201).
   */
  public static IpAddress ofIpv4(int bits) {
    return new IpAddress(0, bits & 0xffff_ffffL, true);
  }

  /**
   * Returns the IPv6 address of the given 128 bits; an IPv4-mapped address ({@code ::ffff:0:0/96})
   * is returned as its IPv4 address.
   */
  public static IpAddress ofIpv6(long high, long low) {
    if (high == 0 && (low >>> 32) == 0xffffL) {
      return ofIpv4((int) low);
    }
    return new IpAddress(high, low, false);
  }

  /** Returns the address of a JDK {@link InetAddress}, without any name lookup. */
  public static IpAddress of(InetAddress address) {
    Objects.requireNonNull(address, "address");
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return ofIpv4((int) word(bytes, 0, 4));
    }
    return ofIpv6(word(bytes, 0, 8), word(bytes, 8, 8));
  }

  /** Returns this address as a JDK {@link InetAddress}; no name lookup is done. */
  public InetAddress toInetAddress() {
    byte[] bytes = new byte[ipv4 ? 4 : 16];
    if (ipv4) {
      put(bytes, 0, 4, low);
    } else {
      put(bytes, 0, 8, high);
      put(bytes, 8, 8, low);
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("unreachable: address of " + bytes.length + " bytes", e);
    }
  }

  /** Returns whether this is an IPv4 address (IPv4-mapped IPv6 addresses included). */
  public boolean isIpv4() {
    return ipv4;
  }

  /** Returns the number of bits of the address: 32 for IPv4, 128 for IPv6. */
  public int bitLength() {
    return ipv4 ? 32 : 128;
  }

  /** Returns the upper 64 bits of an IPv6 address; 0 for IPv4. */
  public long high() {
    return high;
  }

  /** Returns the lower 64 bits of an IPv6 address, or the 32 bits of an IPv4 address (unsigned). */
  public long low() {
    return low;
  }

  @Override
  public int compareTo(IpAddress other) {
    if (ipv4 != other.ipv4) {
      return ipv4 ? -1 : 1;
    }
    int c = Long.compareUnsigned(high, other.high);
    return c != 0 ? c : Long.compareUnsigned(low, other.low);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress a && a.high == high && a.low == low && a.ipv4 == ipv4;
  }

  @Override
  public int hashCode() {
    long h = (high * 0x9E3779B97F4A7C15L) ^ low;
    h *= 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 32)) ^ (ipv4 ? 0 : 0x5bd1e995);
  }

  /** Returns the canonical text: dotted quad, or RFC 5952 for IPv6 ({@code 2001:db8::1}). */
  @Override
  public String toString() {
    if (ipv4) {
      return (low >>> 24)
          + "."
          + ((low >>> 16) & 0xff)
          + "."
          + ((low >>> 8) & 0xff)
          + "."
          + (low & 0xff);
    }
    int[] groups = new int[8];
    for (int g = 0; g < 8; g++) {
      groups[g] = (int) (((g < 4 ? high : low) >>> (48 - 16 * (g & 3))) & 0xffff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int g = 0; g < 8; ) {
      int end = g;
      while (end < 8 && groups[end] == 0) {
        end++;
      }
      if (end - g > bestLength) {
        bestStart = g;
        bestLength = end - g;
      }
      g = end == g ? g + 1 : end;
    }
    StringBuilder out = new StringBuilder(39);
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        out.append("::");
        g += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[g]));
    }
    return out.toString();
  }

  private static long word(byte[] bytes, int from, int count) {
    long value = 0;
    for (int i = from; i < from + count; i++) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    return value;
  }

  private static void put(byte[] bytes, int from, int count, long value) {
    for (int i = from + count - 1; i >= from; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
  }
}
