package dev.tdeveloper.security.shield;

import java.util.Objects;

/**
 * A CIDR block: the addresses whose first {@code prefixLength} bits equal those of {@code network}
 * ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a single address is a {@code /32} or {@code /128}).
 * An IPv4-mapped IPv6 block of prefix 96 or more ({@code ::ffff:10.0.0.0/104}) is the IPv4 block
 * ({@code 10.0.0.0/8}); an IPv6 block never contains IPv4 addresses, so {@code ::/0} is "every IPv6
 * address" and {@code 0.0.0.0/0} is "every IPv4 address".
 *
 * <p>Immutable and thread-safe.
 *
 * @param network the first address of the block; its bits after the prefix must be zero
 * @param prefixLength 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record IpRange(IpAddress network, int prefixLength) {
  /**
   * Validates the block.
   *
   * @throws IllegalArgumentException if the prefix is out of range or host bits are set
   */
  public IpRange {
    Objects.requireNonNull(network, "network");
    int bits = network.bitLength();
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException(
          "prefixLength of " + network + " must be 0 to " + bits + ", was " + prefixLength);
    }
    IpAddress first =
        network.isIpv4()
            ? IpAddress.ofIpv4((int) (network.low() & mask4(prefixLength)))
            : IpAddress.ofIpv6(
                network.high() & maskHigh(prefixLength), network.low() & maskLow(prefixLength));
    if (!first.equals(network)) {
      throw new IllegalArgumentException(
          "range "
              + network
              + "/"
              + prefixLength
              + " has bits set after the prefix; the block is "
              + first
              + "/"
              + prefixLength);
    }
  }

  /**
   * Parses {@code address/prefix} or a single address ({@code 192.0.2.1}, {@code 2001:db8::1}).
   *
   * @throws IllegalArgumentException naming the value, for anything else (host names included)
   */
  public static IpRange parse(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    String addressPart = slash < 0 ? text : text.substring(0, slash);
    IpAddress address = IpParser.parse(addressPart, 0, addressPart.length());
    if (address == null) {
      throw new IllegalArgumentException(
          "invalid IP range "
              + Texts.quote(text)
              + ": expected an address or CIDR block like 10.0.0.0/8 or 2001:db8::/32"
              + " (host names are not resolved)");
    }
    if (slash < 0) {
      return new IpRange(address, address.bitLength());
    }
    int prefix = parsePrefix(text, slash + 1);
    boolean mapped = address.isIpv4() && addressPart.indexOf(':') >= 0;
    if (mapped) {
      if (prefix < 96) {
        throw new IllegalArgumentException(
            "invalid IP range "
                + Texts.quote(text)
                + ": an IPv4-mapped block needs a prefix of 96 to 128");
      }
      prefix -= 96;
    }
    int bits = address.bitLength() + (mapped ? 96 : 0);
    if (prefix < 0 || prefix > address.bitLength()) {
      throw new IllegalArgumentException(
          "invalid IP range "
              + Texts.quote(text)
              + ": the prefix must be a decimal number from 0 to "
              + bits);
    }
    try {
      return new IpRange(address, prefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid IP range " + Texts.quote(text) + ": " + e.getMessage(), e);
    }
  }

  /** Returns whether {@code address} is in this block (always false across IPv4 and IPv6). */
  public boolean contains(IpAddress address) {
    Objects.requireNonNull(address, "address");
    if (address.isIpv4() != network.isIpv4()) {
      return false;
    }
    if (address.isIpv4()) {
      return ((address.low() ^ network.low()) & mask4(prefixLength)) == 0;
    }
    return ((address.high() ^ network.high()) & maskHigh(prefixLength)) == 0
        && ((address.low() ^ network.low()) & maskLow(prefixLength)) == 0;
  }

  /** Returns e.g. {@code 10.0.0.0/8}. */
  @Override
  public String toString() {
    return network + "/" + prefixLength;
  }

  /** Returns the mask of the first {@code prefix} of 32 bits, in the low bits of a long. */
  static long mask4(int prefix) {
    return prefix == 0 ? 0 : (0xffff_ffffL << (32 - prefix)) & 0xffff_ffffL;
  }

  /** Returns the mask of the upper 64 bits of a 128-bit address for {@code prefix}. */
  static long maskHigh(int prefix) {
    return prefix >= 64 ? -1L : (prefix == 0 ? 0 : -1L << (64 - prefix));
  }

  /** Returns the mask of the lower 64 bits of a 128-bit address for {@code prefix}. */
  static long maskLow(int prefix) {
    return prefix <= 64 ? 0 : -1L << (128 - prefix);
  }

  private static int parsePrefix(String text, int from) {
    int length = text.length() - from;
    if (length < 1 || length > 3 || (length > 1 && text.charAt(from) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
