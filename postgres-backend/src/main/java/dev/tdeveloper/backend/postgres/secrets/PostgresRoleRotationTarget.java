package dev.tdeveloper.backend.postgres.secrets;

import dev.tdeveloper.backend.postgres.PostgresBackendException;
import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.backend.postgres.internal.PoolSettings;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.RotationTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A {@link RotationTarget} for the passwords of PostgreSQL login roles, so that the core's {@code
 * SecretRotator} can rotate the credentials an application connects with, with either of its
 * strategies (one role changed in place, or two roles alternating).
 *
 * <p><b>{@link #set}</b> runs {@code ALTER ROLE <role> PASSWORD '<verifier>'} on a connection of
 * the administrator's data source, where the verifier is a SCRAM-SHA-256 verifier ({@code
 * SCRAM-SHA-256$4096:<salt>$<stored key>:<server key>}) computed in this JVM by the PostgreSQL
 * driver ({@code PGConnection.alterUserPassword}). The server stores that verifier as it is, so the
 * cleartext password never travels to the server: not to its statement log (even with {@code
 * log_statement = all}), not to {@code pg_stat_statements}, not to a replica. What it logs is a
 * salted hash that cannot be used to log in. The administrator needs {@code CREATEROLE} (or to be a
 * superuser); the server must accept SCRAM (the default since PostgreSQL 14).
 *
 * <p><b>{@link #test}</b> opens a real connection to {@link Builder#loginUrl} as the role with the
 * password, and closes it. An authentication refusal (SQLSTATE {@code 28P01} or {@code 28000})
 * answers {@code false}; any other failure, such as an unreachable server, throws.
 *
 * <p><b>Safety.</b> The target changes only the roles it was built for ({@link Builder#roles}), so
 * a misdirected secret cannot reset the password of another role, a superuser's say. Both methods
 * are idempotent: setting the same password again stores a fresh verifier for it.
 *
 * <p>Passwords never appear in messages, logs or {@link #toString()}. Thread-safe.
 */
public final class PostgresRoleRotationTarget implements RotationTarget {
  /** SQLSTATEs of a refused login: invalid_password and invalid_authorization_specification. */
  private static final Set<String> REFUSED = Set.of("28P01", "28000");

  private static final int DEFAULT_LOGIN_TIMEOUT_SECONDS = 10;

  private final DataSource admin;
  private final String loginUrl;
  private final Set<String> roles;
  private final String description;

  private PostgresRoleRotationTarget(Builder b) {
    this.admin = b.admin;
    this.loginUrl = b.loginUrl;
    this.roles = Set.copyOf(b.roles);
    this.description = "PostgreSQL roles " + b.roles + " at " + b.loginUrl.split("\\?", 2)[0];
  }

  /** Returns a builder; the administrator, the login URL and the roles are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String description() {
    return description;
  }

  /**
   * Sets the password of {@code user} by a SCRAM-SHA-256 verifier computed here.
   *
   * @throws IllegalArgumentException if {@code user} is not one of this target's roles
   * @throws PostgresBackendException if the role does not exist, or the server refuses or cannot be
   *     reached; the message names the role and the SQLSTATE, never the password
   */
  @Override
  public void set(String user, Secret password) {
    requireManaged(user);
    Objects.requireNonNull(password, "password");
    char[] chars = password.chars();
    try (Connection connection = admin.getConnection()) {
      requireExists(connection, user);
      connection.unwrap(PGConnection.class).alterUserPassword(user, chars, "scram-sha-256");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new PostgresBackendException(
          "could not set the password of role '"
              + user
              + "' at "
              + description
              + ": SQLSTATE "
              + e.getSQLState(),
          e);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * Logs in to {@link Builder#loginUrl} as {@code user} with {@code password}.
   *
   * @return whether the server accepted the login
   * @throws IllegalArgumentException if {@code user} is not one of this target's roles
   * @throws PostgresBackendException if the server cannot be reached or fails otherwise
   */
  @Override
  public boolean test(String user, Secret password) {
    requireManaged(user);
    Objects.requireNonNull(password, "password");
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password.stringValue());
    properties.setProperty("loginTimeout", Integer.toString(DEFAULT_LOGIN_TIMEOUT_SECONDS));
    properties.setProperty("ApplicationName", "tdeveloper-rotation-test");
    try (Connection connection = DriverManager.getConnection(loginUrl, properties)) {
      return connection.isValid(DEFAULT_LOGIN_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      if (REFUSED.contains(e.getSQLState())) {
        return false;
      }
      throw new PostgresBackendException(
          "could not test the password of role '"
              + user
              + "' at "
              + description
              + ": SQLSTATE "
              + e.getSQLState(),
          e);
    } finally {
      properties.clear();
    }
  }

  /** Returns {@link #description()}. */
  @Override
  public String toString() {
    return "PostgresRoleRotationTarget[" + description + "]";
  }

  private void requireManaged(String user) {
    Objects.requireNonNull(user, "user");
    if (!roles.contains(user)) {
      throw new IllegalArgumentException(
          "role '"
              + user.replace("'", "''")
              + "' is not managed by this target; it may change only "
              + new java.util.TreeSet<>(roles));
    }
  }

  private void requireExists(Connection connection, String user) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?")) {
      query.setString(1, user);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new PostgresBackendException(
              "role '" + user + "' does not exist at " + description + "; create it first");
        }
        if (!row.getBoolean(1)) {
          throw new PostgresBackendException(
              "role '" + user + "' at " + description + " cannot log in (NOLOGIN)");
        }
      }
    }
  }

  /**
   * Configures a {@link PostgresRoleRotationTarget}. Each setting may be given once. Not
   * thread-safe.
   */
  public static final class Builder {
    private DataSource admin;
    private String loginUrl;
    private final Set<String> roles = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Sets where passwords are changed: connections as a role with {@code CREATEROLE} (or a
     * superuser). The target does not close it.
     *
     * @throws IllegalStateException if already set
     */
    public Builder admin(DataSource admin) {
      Objects.requireNonNull(admin, "admin");
      requireUnset("admin", this.admin != null);
      this.admin = admin;
      return this;
    }

    /**
     * Sets the URL {@link #test} logs in to, as the application would: a {@code jdbc:postgresql:}
     * URL without {@code user} or {@code password} parameters.
     *
     * @throws IllegalArgumentException if it is not such a URL
     * @throws IllegalStateException if already set
     */
    public Builder loginUrl(String url) {
      PoolSettings.requireUrl("loginUrl", url);
      String parameters = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
      for (String parameter : parameters.split("&")) {
        String key = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        if (key.equals("user") || key.equals("password")) {
          throw new IllegalArgumentException(
              "loginUrl must not carry a " + key + " parameter: the target logs in as each role");
        }
      }
      requireUnset("loginUrl", loginUrl != null);
      this.loginUrl = url;
      return this;
    }

    /**
     * Sets the roles whose passwords the target may change: one for the single-user strategy, two
     * for alternating users.
     *
     * @throws IllegalArgumentException if none is given, or one is not {@code [a-z_][a-z0-9_]*} of
     *     at most 63 characters
     * @throws IllegalStateException if already set
     */
    public Builder roles(String... roles) {
      Objects.requireNonNull(roles, "roles");
      requireUnset("roles", !this.roles.isEmpty());
      if (roles.length == 0) {
        throw new IllegalArgumentException("roles must name at least one role");
      }
      for (String role : List.of(roles)) {
        Names.requireIdentifier("role", role);
      }
      this.roles.addAll(List.of(roles));
      return this;
    }

    /**
     * Builds the target.
     *
     * @throws IllegalStateException if the administrator, the login URL or the roles are missing
     */
    public PostgresRoleRotationTarget build() {
      if (admin == null) {
        throw new IllegalStateException("admin is required: a DataSource with CREATEROLE");
      }
      if (loginUrl == null) {
        throw new IllegalStateException("loginUrl is required: where the application logs in");
      }
      if (roles.isEmpty()) {
        throw new IllegalStateException("roles is required: the roles the target may change");
      }
      return new PostgresRoleRotationTarget(this);
    }

    private static void requireUnset(String setting, boolean set) {
      if (set) {
        throw new IllegalStateException(setting + " was already set");
      }
    }
  }
}
