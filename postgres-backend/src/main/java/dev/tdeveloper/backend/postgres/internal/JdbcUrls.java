package dev.tdeveloper.backend.postgres.internal;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites the database of a PostgreSQL JDBC URL. */
public final class JdbcUrls {
  private static final Pattern URL =
      Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?", Pattern.DOTALL);

  private JdbcUrls() {}

  /**
   * Returns {@code url} with its database replaced by {@code database}, keeping hosts, ports and
   * parameters.
   *
   * @throws IllegalArgumentException if {@code url} is not a {@code jdbc:postgresql://} URL
   */
  public static String withDatabase(String url, String database) {
    Objects.requireNonNull(url, "url");
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a jdbc:postgresql://host[:port][/database][?parameters] URL, was '"
              + url.split("\\?", 2)[0]
              + "'");
    }
    String parameters = m.group(3) == null ? "" : m.group(3);
    return m.group(1) + "/" + database + parameters;
  }
}
