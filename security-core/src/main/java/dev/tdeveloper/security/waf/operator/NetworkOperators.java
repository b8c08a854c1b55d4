package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.shield.IpAddress;
import java.util.Map;
import java.util.Optional;

/**
 * {@code @geoLookup} and {@code @rbl}, the operators that ask a service about the input address.
 * Thread-safe when the services are. An input that is not an IP literal never matches and is never
 * sent anywhere, and a service that throws counts as "no match": evaluation never throws.
 */
final class NetworkOperators {
  private NetworkOperators() {}

  /**
   * {@code @geoLookup}: matches when the service knows the address, after filling {@code GEO} with
   * its fields.
   */
  static Operator geoLookup(GeoLookup lookup) {
    return (ctx, in) -> {
      Optional<IpAddress> address = IpMatch.parseInput(in);
      if (address.isEmpty()) {
        return false;
      }
      Optional<Map<String, String>> fields;
      try {
        fields = lookup.lookup(address.get());
      } catch (RuntimeException e) {
        return false;
      }
      if (fields.isEmpty()) {
        return false;
      }
      ctx.geo(fields.get());
      return true;
    };
  }

  /**
   * {@code @rbl zone}: matches when the blocklist lists the address; with {@code capture}, {@code
   * TX:0} gets the address, as ModSecurity v3 stores it.
   *
   * <p>Deviation: ModSecurity also queries a non-IP input as a domain ({@code input.zone}, for URI
   * blocklists); we never send request-controlled names to DNS, so such input does not match.
   */
  static Operator rbl(String zone, DnsBlocklist blocklist) {
    return (ctx, in) -> {
      Optional<IpAddress> address = IpMatch.parseInput(in);
      if (address.isEmpty()) {
        return false;
      }
      boolean listed;
      try {
        listed = blocklist.listed(address.get(), zone);
      } catch (RuntimeException e) {
        return false;
      }
      if (listed && ctx.capturing()) {
        ctx.capture(0, in);
      }
      return listed;
    };
  }

  /** Whether a zone is a DNS name: letters, digits, hyphens, dots, no empty label. */
  static boolean isValidZone(String zone) {
    if (zone.isEmpty() || zone.length() > 253 || zone.startsWith(".") || zone.contains("..")) {
      return false;
    }
    for (int i = 0; i < zone.length(); i++) {
      char c = zone.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
