package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.IsolationMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where the demo keeps the state its instances share: embedded (nothing to start, the default), or
 * Redis ({@code --redis}) and/or PostgreSQL ({@code --postgres}). Immutable; {@link #toString()}
 * never shows a password.
 *
 * @param redis the Redis server for rate limits, quotas, job leases and tenant-cache invalidation
 * @param postgres the PostgreSQL database for the tenant registry, usage events and the notes
 */
public record DemoBackendOptions(Optional<Redis> redis, Optional<Postgres> postgres) {
  /** The environment variable holding the PostgreSQL password: {@value}. */
  public static final String POSTGRES_PASSWORD_ENV = "DEMO_POSTGRES_PASSWORD";

  /** The PostgreSQL user when {@code --postgres-user} is not given: {@value}. */
  public static final String DEFAULT_POSTGRES_USER = "postgres";

  private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** Validates the options. */
  public DemoBackendOptions {
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(postgres, "postgres");
  }

  /** Everything embedded: the default. */
  public static DemoBackendOptions embedded() {
    return new DemoBackendOptions(Optional.empty(), Optional.empty());
  }

  /** Returns whether any shared backend is configured. */
  public boolean shared() {
    return redis.isPresent() || postgres.isPresent();
  }

  /**
   * A Redis server given as {@code redis://[user:password@]host[:port][/db]} ({@code rediss://} for
   * TLS); {@link #toString()} hides the user information.
   *
   * @param uri the URI as given, handed to Lettuce
   */
  public record Redis(String uri) {
    /**
     * Validates the URI.
     *
     * @throws IllegalArgumentException naming {@code --redis} and the value (without its password)
     */
    public Redis {
      Objects.requireNonNull(uri, "uri");
      URI parsed;
      try {
        parsed = new URI(uri);
      } catch (URISyntaxException e) {
        throw bad(uri, "it is not a URI");
      }
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("redis") && !scheme.equals("rediss")) {
        throw bad(uri, "the scheme must be redis or rediss");
      }
      if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
        throw bad(uri, "it names no host");
      }
      String path = parsed.getPath() == null ? "" : parsed.getPath();
      if (!path.isEmpty() && !path.matches("/([0-9]|1[0-5])?")) {
        throw bad(uri, "the path may only name a database 0-15");
      }
    }

    private static IllegalArgumentException bad(String uri, String why) {
      return new IllegalArgumentException(
          "--redis "
              + redact(uri)
              + ": "
              + why
              + "; allowed: redis://host:port or rediss://host:port, optionally /db (0-15)");
    }

    /** The URI with any user information replaced by {@code ***}. */
    static String redact(String uri) {
      return uri.replaceFirst("(?<=://)[^@/]*@", "***@");
    }

    @Override
    public String toString() {
      return "Redis[" + redact(uri) + "]";
    }
  }

  /**
   * A PostgreSQL database, logged into as an administrator (a superuser or a role with {@code
   * CREATEDB} and {@code CREATEROLE}) that installs the tables and the application role.
   *
   * @param jdbcUrl {@code jdbc:postgresql://host[:port]/database}, without user or password
   * @param user the administrator's user name
   * @param password its password, if the server asks for one; never shown
   * @param isolation how the tenants' notes are kept apart
   */
  public record Postgres(
      String jdbcUrl, String user, Optional<String> password, IsolationMode isolation) {
    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the flag, the value and what is allowed
     */
    public Postgres {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(isolation, "isolation");
      checkUrl(jdbcUrl);
      if (!ROLE.matcher(user).matches()) {
        throw new IllegalArgumentException(
            "--postgres-user '" + user + "': allowed: a role name matching [a-z_][a-z0-9_]{0,62}");
      }
    }

    private static void checkUrl(String url) {
      String prefix = "jdbc:postgresql://";
      String allowed = "; allowed: jdbc:postgresql://host[:port]/database";
      if (!url.startsWith(prefix)) {
        throw new IllegalArgumentException(
            "--postgres '" + Redis.redact(url) + "': not a PostgreSQL JDBC URL" + allowed);
      }
      if (url.toLowerCase(Locale.ROOT).matches(".*[?&](password|user)=.*")) {
        throw new IllegalArgumentException(
            "--postgres: the URL carries a user or password (value not shown); give the user with"
                + " --postgres-user and the password in "
                + POSTGRES_PASSWORD_ENV
                + allowed);
      }
      URI parsed;
      try {
        parsed = new URI(url.substring("jdbc:".length()));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "--postgres '" + Redis.redact(url) + "': not a URI" + allowed);
      }
      if (parsed.getHost() == null || parsed.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "--postgres '" + Redis.redact(url) + "': it names no host" + allowed);
      }
      String path = parsed.getPath() == null ? "" : parsed.getPath();
      if (!path.matches("/[^/]+")) {
        throw new IllegalArgumentException(
            "--postgres '" + Redis.redact(url) + "': it names no database" + allowed);
      }
    }

    @Override
    public String toString() {
      return "Postgres["
          + jdbcUrl
          + ", user "
          + user
          + (password.isPresent() ? ", password set" : "")
          + ", "
          + isolation
          + "]";
    }
  }

  /**
   * Builds the options from the flags' values (null when not given), reading the password from
   * {@value #POSTGRES_PASSWORD_ENV} in {@code env}.
   *
   * @throws IllegalArgumentException naming the flag whose value is bad, or that needs another
   */
  static DemoBackendOptions of(
      String redis, String postgres, String user, String isolation, UnaryOperator<String> env) {
    if (postgres == null && user != null) {
      throw new IllegalArgumentException("--postgres-user needs --postgres");
    }
    if (postgres == null && isolation != null) {
      throw new IllegalArgumentException("--postgres-isolation needs --postgres");
    }
    Optional<Postgres> pg =
        postgres == null
            ? Optional.empty()
            : Optional.of(
                new Postgres(
                    postgres,
                    user == null ? DEFAULT_POSTGRES_USER : user,
                    Optional.ofNullable(env.apply(POSTGRES_PASSWORD_ENV)),
                    isolation == null ? IsolationMode.ROW : isolation(isolation)));
    return new DemoBackendOptions(Optional.ofNullable(redis).map(Redis::new), pg);
  }

  private static IsolationMode isolation(String value) {
    return switch (value) {
      case "database" -> IsolationMode.DATABASE;
      case "schema" -> IsolationMode.SCHEMA;
      case "row" -> IsolationMode.ROW;
      default ->
          throw new IllegalArgumentException(
              "--postgres-isolation '" + value + "': allowed: database, schema or row");
    };
  }
}
