package dev.tdeveloper.backend.postgres.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The HikariCP pools the providers open from string settings. */
public final class Pools {
  private Pools() {}

  /**
   * Refuses keys of {@code settings} that start with {@code prefix} and are not in {@code known}.
   *
   * @throws IllegalArgumentException naming the unknown keys and the known ones
   */
  public static void refuseUnknown(
      Map<String, String> settings, String prefix, Set<String> known, String what) {
    Set<String> unknown = new TreeSet<>();
    for (String key : settings.keySet()) {
      if (key.startsWith(prefix) && !known.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown settings " + unknown + " for the " + what + "; known: " + new TreeSet<>(known));
    }
  }

  /**
   * Checks that {@code url} is a {@code jdbc:postgresql:} URL.
   *
   * @throws IllegalArgumentException naming {@code key} if it is missing or is not
   */
  public static String requireUrl(String key, String url) {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          key
              + " must be a jdbc:postgresql: URL, was "
              + (url == null ? "missing" : "'" + url.split("\\?", 2)[0] + "'"));
    }
    return url;
  }

  /**
   * Parses a pool size of 1 to 100.
   *
   * @throws IllegalArgumentException naming {@code key} if {@code value} is not one
   */
  public static int poolSize(String key, String value) {
    try {
      int size = Integer.parseInt(value);
      if (size >= 1 && size <= 100) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " must be 1 to 100, was '" + value + "'");
  }

  /**
   * Opens a pool; {@code user} and {@code password} may be null (taken from the URL then).
   *
   * @throws RuntimeException as HikariCP throws when the database cannot be reached
   */
  public static HikariDataSource open(
      String name, String url, String user, String password, int size) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url);
    if (user != null) {
      pool.setUsername(user);
    }
    if (password != null) {
      pool.setPassword(password);
    }
    pool.setMaximumPoolSize(size);
    pool.setPoolName(name);
    return new HikariDataSource(pool);
  }
}
