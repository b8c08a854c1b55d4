package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.shield.IpAddress;
import dev.tdeveloper.security.shield.IpRange;
import dev.tdeveloper.security.shield.IpRangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @ipMatch} and {@code @ipMatchFromFile}: whether the input is an IP address inside one of
 * the listed addresses or CIDR blocks, through the shield's {@link IpRangeSet} (a binary search,
 * allocation-free once the input is parsed). Thread-safe.
 *
 * <p>As ModSecurity: entries are separated by commas; a block's bits after the prefix are ignored
 * ({@code 192.168.1.7/24} is {@code 192.168.1.0/24}); an input that is not an IP literal never
 * matches. Deviations: white space around entries is allowed; IPv6 prefixes above 64 work
 * (ModSecurity's tree refuses them); an IPv4-mapped IPv6 input ({@code ::ffff:10.0.0.1}) is its
 * IPv4 address, so it matches IPv4 blocks.
 */
final class IpMatch {
  private IpMatch() {}

  static Operator of(IpRangeSet ranges) {
    return (ctx, in) -> {
      Optional<IpAddress> address = parseInput(in);
      return address.isPresent() && ranges.contains(address.get());
    };
  }

  /** Parses an input value as an address; anything else (names included) is empty. */
  static Optional<IpAddress> parseInput(String in) {
    if (in.isEmpty() || in.length() > 64) {
      return Optional.empty();
    }
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F')
              || c == '.'
              || c == ':';
      if (!ok) {
        return Optional.empty();
      }
    }
    return IpAddress.tryParse(in);
  }

  /**
   * Adds the comma-separated entries of one text to a list.
   *
   * @throws IllegalArgumentException naming the first entry that is not an address or block
   */
  static void addEntries(String text, List<IpRange> out) {
    for (String item : text.split(",", -1)) {
      out.add(parseEntry(item.strip()));
    }
  }

  /** Builds the set of the comma-separated entries of a parameter. */
  static IpRangeSet parseList(String param) {
    List<IpRange> ranges = new ArrayList<>();
    addEntries(param, ranges);
    return IpRangeSet.ofRanges(ranges);
  }

  /**
   * An address or CIDR block, its host bits cleared.
   *
   * @throws IllegalArgumentException when it is neither
   */
  static IpRange parseEntry(String entry) {
    int slash = entry.indexOf('/');
    String addressPart = slash < 0 ? entry : entry.substring(0, slash);
    Optional<IpAddress> parsed = IpAddress.tryParse(addressPart);
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
    }
    IpAddress address = parsed.get();
    int prefix = address.bitLength();
    if (slash >= 0) {
      prefix = prefix(entry.substring(slash + 1), entry);
      if (address.isIpv4() && addressPart.indexOf(':') >= 0) {
        if (prefix < 96) {
          throw new IllegalArgumentException(
              "an IPv4-mapped block needs a prefix of 96 to 128: " + entry);
        }
        prefix -= 96;
      }
      if (prefix > address.bitLength()) {
        throw new IllegalArgumentException(
            "prefix above " + address.bitLength() + " bits: " + entry);
      }
    }
    return new IpRange(masked(address, prefix), prefix);
  }

  private static int prefix(String text, String entry) {
    if (text.isEmpty() || text.length() > 3) {
      throw new IllegalArgumentException("not a prefix length: " + entry);
    }
    int v = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a prefix length: " + entry);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static IpAddress masked(IpAddress address, int prefix) {
    if (address.isIpv4()) {
      long mask = prefix == 0 ? 0 : (0xffff_ffffL << (32 - prefix)) & 0xffff_ffffL;
      return IpAddress.ofIpv4((int) (address.low() & mask));
    }
    long maskHigh = prefix >= 64 ? -1L : (prefix == 0 ? 0 : -1L << (64 - prefix));
    long maskLow = prefix <= 64 ? 0 : -1L << (128 - prefix);
    return IpAddress.ofIpv6(address.high() & maskHigh, address.low() & maskLow);
  }
}
