package dev.tdeveloper.backend.postgres.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings every PostgreSQL provider takes, parsed in one place: {@value #URL} (required),
 * {@value #USER}, {@value #PASSWORD}, {@value #TABLE} and {@value #POOL_SIZE} (1 to 100), each
 * under the provider's key prefix. Keys under the prefix that are none of these are refused as
 * typos; keys outside it (other backends') are left alone.
 *
 * <p>Immutable. {@link #toString()} never shows the password.
 *
 * @param url the {@code jdbc:postgresql:} URL
 * @param user the user name, unless in the URL
 * @param password the password, unless in the URL
 * @param table the table, optionally schema-qualified, checked as an identifier
 * @param poolSize the pool's maximum size
 */
public record PoolSettings(
    String url, Optional<String> user, Optional<String> password, String table, int poolSize) {
  /** Key suffix: the JDBC URL. */
  public static final String URL = "url";

  /** Key suffix: the user name. */
  public static final String USER = "user";

  /** Key suffix: the password. */
  public static final String PASSWORD = "password";

  /** Key suffix: the table. */
  public static final String TABLE = "table";

  /** Key suffix: the pool's maximum size. */
  public static final String POOL_SIZE = "pool-size";

  private static final Set<String> KEYS = Set.of(URL, USER, PASSWORD, TABLE, POOL_SIZE);

  /** Requires every field; the settings are validated by {@link #parse}. */
  public PoolSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(table, "table");
  }

  /**
   * Parses the settings under {@code prefix} ({@code ""} or, say, {@code "postgres."}).
   *
   * @param what the component, for messages ({@code "postgres usage store"})
   * @throws IllegalArgumentException naming the key: an unknown key under the prefix, a missing or
   *     non-PostgreSQL URL, a table that is not {@code name} or {@code schema.name}, or a pool size
   *     that is not 1 to 100
   */
  public static PoolSettings parse(
      Map<String, String> properties,
      String prefix,
      String what,
      String defaultTable,
      int defaultPoolSize) {
    return parse(properties, prefix, what, defaultTable, defaultPoolSize, Set.of());
  }

  /**
   * Parses the settings under {@code prefix} as {@link #parse(Map, String, String, String, int)}
   * does, also accepting {@code otherKeys} (suffixes under the prefix) that the caller reads
   * itself, such as a secret store's key manager.
   *
   * @throws IllegalArgumentException naming the key, as {@link #parse(Map, String, String, String,
   *     int)} does
   */
  public static PoolSettings parse(
      Map<String, String> properties,
      String prefix,
      String what,
      String defaultTable,
      int defaultPoolSize,
      Set<String> otherKeys) {
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(otherKeys, "otherKeys");
    Set<String> known = new TreeSet<>();
    KEYS.forEach(k -> known.add(prefix + k));
    otherKeys.forEach(k -> known.add(prefix + k));
    Set<String> unknown = new TreeSet<>();
    for (String key : properties.keySet()) {
      if (key.startsWith(prefix) && !known.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown settings " + unknown + " for the " + what + "; known: " + known);
    }
    String url = requireUrl(prefix + URL, properties.get(prefix + URL));
    String table = properties.getOrDefault(prefix + TABLE, defaultTable);
    Names.qualifiedTable(prefix + TABLE, table);
    String size = properties.get(prefix + POOL_SIZE);
    return new PoolSettings(
        url,
        Optional.ofNullable(properties.get(prefix + USER)),
        Optional.ofNullable(properties.get(prefix + PASSWORD)),
        table,
        size == null ? defaultPoolSize : poolSize(prefix + POOL_SIZE, size));
  }

  /**
   * Checks that {@code url} is a {@code jdbc:postgresql:} URL; the message shows it without its
   * parameters, which may carry a password.
   *
   * @param key the setting's name, for the message
   * @return {@code url}
   * @throws IllegalArgumentException naming {@code key} if {@code url} is null or not such a URL
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

  private static int poolSize(String key, String value) {
    try {
      int size = Integer.parseInt(value.trim());
      if (size >= 1 && size <= 100) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " must be 1 to 100, was '" + value + "'");
  }

  /**
   * Opens a HikariCP pool with these settings.
   *
   * @throws RuntimeException as HikariCP throws when the database cannot be reached
   */
  public HikariDataSource open(String poolName) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url);
    user.ifPresent(pool::setUsername);
    password.ifPresent(pool::setPassword);
    pool.setMaximumPoolSize(poolSize);
    pool.setPoolName(poolName);
    return new HikariDataSource(pool);
  }

  @Override
  public String toString() {
    return "PoolSettings[url="
        + url.split("\\?", 2)[0]
        + ", user="
        + user.orElse("(from the URL)")
        + ", password="
        + (password.isPresent() ? "(hidden)" : "(none)")
        + ", table="
        + table
        + ", poolSize="
        + poolSize
        + "]";
  }
}
