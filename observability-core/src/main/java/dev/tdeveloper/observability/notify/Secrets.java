package dev.tdeveloper.observability.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The secrets one notifier holds, so every text it logs or publishes is redacted: each secret (and,
 * for a URL, its path and query, where tokens live) is replaced by {@code ***}. Immutable.
 */
final class Secrets {
  static final Secrets NONE = new Secrets(List.of());
  private static final String MASK = "***";
  private static final int SHORTEST_REDACTED = 6;

  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values;
  }

  /** Returns secrets made of these values and, for each URL given, its path and query. */
  static Secrets of(List<String> secrets, List<URI> secretUrls) {
    List<String> values = new ArrayList<>(secrets);
    for (URI url : secretUrls) {
      values.add(url.toString());
      values.add(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
      if (url.getRawQuery() != null) {
        values.add(url.getRawQuery());
      }
    }
    values.removeIf(v -> v.length() < SHORTEST_REDACTED);
    // Longest first, so a URL is masked whole before its path is.
    values.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return new Secrets(List.copyOf(values));
  }

  /** Returns {@code text} with every secret masked. */
  String redact(String text) {
    String out = text;
    for (String secret : values) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /**
   * Checks a URL a notifier posts to: absolute, http or https, with a host.
   *
   * @param field the notifier and field, such as {@code "slack webhookUrl"}
   * @param secret whether the URL is a secret, so the message must not show it
   * @throws IllegalArgumentException naming the field, what is wrong and (if not secret) the URL
   */
  static URI httpUrl(String field, URI url, boolean secret) {
    Objects.requireNonNull(url, field);
    String shown = secret ? "(a secret, not shown)" : "'" + url + "'";
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          field + " " + shown + ": scheme '" + scheme + "' is not http or https");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new IllegalArgumentException(field + " " + shown + ": has no host");
    }
    if (url.getRawFragment() != null) {
      throw new IllegalArgumentException(field + " " + shown + ": must not have a #fragment");
    }
    return url;
  }

  /** Parses a URL string given to a builder, without echoing it if it is a secret. */
  static URI parse(String field, String url, boolean secret) {
    Objects.requireNonNull(url, field);
    try {
      return httpUrl(field, new URI(url), secret);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          field
              + (secret ? " (a secret, not shown)" : " '" + url + "'")
              + ": is not a valid URL ("
              + e.getReason()
              + ")",
          null);
    }
  }
}
