package dev.tdeveloper.tenancy.resolve;

import java.net.IDN;
import java.util.Locale;

/**
 * Parsing of {@code Host} values into canonical DNS names: lowercase ASCII letters, digits, {@code
 * -} and {@code .}. The common case (an already canonical name) is checked in one pass without
 * allocating; only upper-case or non-ASCII names are converted.
 */
final class HostNames {
  /** The longest DNS name, in characters, without the trailing dot. */
  static final int MAX_LENGTH = 253;

  /** The longest DNS label, in characters. */
  static final int MAX_LABEL_LENGTH = 63;

  /** Returned by {@link #scan} when the name holds a character that needs canonicalizing. */
  static final int NOT_CANONICAL = -1;

  private static final int MAX_PORT_DIGITS = 5;

  private HostNames() {}

  /**
   * Returns the end of the name in {@code raw}: before a {@code :port} and before one trailing dot.
   *
   * @throws TenantResolutionException if the port is not 0 to 5 digits
   */
  static int nameEnd(String raw) {
    int end = raw.length();
    int colon = raw.lastIndexOf(':');
    if (colon >= 0) {
      int digits = end - colon - 1;
      for (int i = colon + 1; i < end; i++) {
        char c = raw.charAt(i);
        if (c < '0' || c > '9') {
          digits = MAX_PORT_DIGITS + 1;
          break;
        }
      }
      if (digits > MAX_PORT_DIGITS) {
        throw invalid(
            "Host", raw, "the port after the last ':' is not a number of at most 5 digits");
      }
      end = colon;
    }
    if (end > 0 && raw.charAt(end - 1) == '.') {
      end--;
    }
    return end;
  }

  /**
   * Checks the structure of the name {@code host[0, end)} and returns the index of its first dot
   * ({@code end} when it has a single label). When a character other than {@code [a-z0-9.-]} is
   * found, returns {@link #NOT_CANONICAL} if {@code strict} is false and throws otherwise.
   *
   * @param raw the value as received, for messages
   * @throws TenantResolutionException if the name is empty, too long, has an empty or too long
   *     label, or (when strict) holds an illegal character
   */
  static int scan(String raw, String host, int end, boolean strict) {
    return scan("Host", raw, host, end, strict);
  }

  private static int scan(String subject, String raw, String host, int end, boolean strict) {
    if (end == 0) {
      throw invalid(subject, raw, "the host name is empty");
    }
    if (end > MAX_LENGTH) {
      throw invalid(subject, raw, "the host name is longer than " + MAX_LENGTH + " characters");
    }
    int firstDot = -1;
    int labelStart = 0;
    for (int i = 0; i < end; i++) {
      char c = host.charAt(i);
      if (c == '.') {
        checkLabel(subject, raw, labelStart, i);
        if (firstDot < 0) {
          firstDot = i;
        }
        labelStart = i + 1;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        if (!strict) {
          return NOT_CANONICAL;
        }
        throw invalid(
            subject, raw, "character " + Inputs.describe(c) + " at index " + i + " is not allowed");
      }
    }
    checkLabel(subject, raw, labelStart, end);
    return firstDot < 0 ? end : firstDot;
  }

  private static void checkLabel(String subject, String raw, int start, int end) {
    if (start == end) {
      throw invalid(subject, raw, "the host name has an empty label");
    }
    if (end - start > MAX_LABEL_LENGTH) {
      throw invalid(subject, raw, "a label is longer than " + MAX_LABEL_LENGTH + " characters");
    }
  }

  /**
   * Converts {@code name} to ASCII ({@link IDN#toASCII}, only when it has non-ASCII characters) and
   * lower case. The result still has to be {@linkplain #scan scanned} strictly.
   *
   * @param raw the value as received, for messages
   * @throws TenantResolutionException if {@code name} is not a valid internationalized name
   */
  static String canonicalize(String raw, String name) {
    return canonicalize("Host", raw, name);
  }

  private static String canonicalize(String subject, String raw, String name) {
    String ascii = name;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        try {
          ascii = IDN.toASCII(name);
        } catch (IllegalArgumentException e) {
          throw invalid(subject, raw, "it is not a valid internationalized domain name");
        }
        break;
      }
    }
    return ascii.toLowerCase(Locale.ROOT);
  }

  /**
   * Canonicalizes a configured base domain.
   *
   * @throws IllegalArgumentException naming the value and the rule, if it is not a DNS name
   */
  static String canonicalBase(String base) {
    String name = base.endsWith(".") ? base.substring(0, base.length() - 1) : base;
    String canonical;
    try {
      canonical = canonicalize("baseDomain", base, name);
      scan("baseDomain", base, canonical, canonical.length(), true);
    } catch (TenantResolutionException e) {
      throw new IllegalArgumentException(e.getMessage() + " (" + BASE_RULE + ")", e);
    }
    if (canonical.length() > MAX_LENGTH - 2) {
      throw new IllegalArgumentException(
          "invalid baseDomain "
              + Inputs.quote(base)
              + ": it leaves no room for a tenant label ("
              + BASE_RULE
              + ")");
    }
    return canonical;
  }

  private static final String BASE_RULE =
      "allowed: a DNS name of at most 251 characters, dot-separated labels of 1-63 characters"
          + " of a-z, 0-9 and '-'";

  private static TenantResolutionException invalid(String subject, String raw, String problem) {
    return new TenantResolutionException(
        "invalid " + subject + " " + Inputs.quote(raw) + ": " + problem);
  }
}
