package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IsolationMode;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The --redis and --postgres switches: defaults, what they accept, and the usage errors. */
class DemoBackendOptionsTest {
  private static final UnaryOperator<String> NO_ENV = name -> null;
  private static final String SECRET = "S3cret-pg-pass";
  private static final UnaryOperator<String> PASSWORD_ENV =
      Map.of(DemoBackendOptions.POSTGRES_PASSWORD_ENV, SECRET)::get;

  @Test
  void withoutTheFlagsEverythingStaysEmbedded() {
    DemoOptions options = DemoOptions.parse(NO_ENV, "--data-dir", "d");
    assertThat(options.backends()).isEqualTo(DemoBackendOptions.embedded());
    assertThat(options.backends().shared()).isFalse();
  }

  @Test
  void redisAndPostgresFlagsSwitchTheBackendsWithRowIsolationByDefault() {
    DemoBackendOptions backends =
        DemoOptions.parse(
                PASSWORD_ENV,
                "--redis",
                "redis://cache.internal:6379",
                "--postgres",
                "jdbc:postgresql://db.internal:5432/demo")
            .backends();
    assertThat(backends.redis())
        .contains(new DemoBackendOptions.Redis("redis://cache.internal:6379"));
    DemoBackendOptions.Postgres postgres = backends.postgres().orElseThrow();
    assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/demo");
    assertThat(postgres.user()).isEqualTo(DemoBackendOptions.DEFAULT_POSTGRES_USER);
    assertThat(postgres.password()).contains(SECRET);
    assertThat(postgres.isolation()).isEqualTo(IsolationMode.ROW);
  }

  @Test
  void userAndIsolationCanBeChosen() {
    DemoBackendOptions.Postgres postgres =
        DemoOptions.parse(
                NO_ENV,
                "--postgres",
                "jdbc:postgresql://db/demo",
                "--postgres-user",
                "demo_owner",
                "--postgres-isolation",
                "database")
            .backends()
            .postgres()
            .orElseThrow();
    assertThat(postgres.user()).isEqualTo("demo_owner");
    assertThat(postgres.password()).isEmpty();
    assertThat(postgres.isolation()).isEqualTo(IsolationMode.DATABASE);
    assertThat(
            DemoOptions.parse(
                    NO_ENV,
                    "--postgres",
                    "jdbc:postgresql://db/demo",
                    "--postgres-isolation",
                    "schema")
                .backends()
                .postgres()
                .orElseThrow()
                .isolation())
        .isEqualTo(IsolationMode.SCHEMA);
  }

  @Test
  void badRedisValuesNameTheFlagAndWhatIsAllowed() {
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--redis", "http://cache:6379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--redis http://cache:6379: the scheme must be redis or rediss; allowed:"
                + " redis://host:port or rediss://host:port, optionally /db (0-15)");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--redis", "redis:///0"))
        .hasMessageStartingWith("--redis redis:///0: it names no host");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--redis", "redis://cache:6379/99"))
        .hasMessageStartingWith("--redis redis://cache:6379/99: the path may only name a database");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--redis"))
        .hasMessage("option --redis needs a value");
  }

  @Test
  void aRedisPasswordIsNeverShown() {
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--redis", "redis://:" + SECRET + "@/9"))
        .hasMessageStartingWith("--redis redis://***@/9: it names no host")
        .message()
        .doesNotContain(SECRET);
    DemoBackendOptions.Redis redis = new DemoBackendOptions.Redis("redis://u:" + SECRET + "@h:1");
    assertThat(redis.toString()).isEqualTo("Redis[redis://***@h:1]");
  }

  @Test
  void badPostgresValuesNameTheFlagAndWhatIsAllowed() {
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--postgres", "postgres://db/demo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--postgres 'postgres://db/demo': not a PostgreSQL JDBC URL; allowed:"
                + " jdbc:postgresql://host[:port]/database");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--postgres", "jdbc:postgresql://db:5432"))
        .hasMessageStartingWith("--postgres 'jdbc:postgresql://db:5432': it names no database");
    assertThatThrownBy(
            () ->
                DemoOptions.parse(
                    NO_ENV, "--postgres", "jdbc:postgresql://db/demo?password=" + SECRET))
        .hasMessageStartingWith("--postgres: the URL carries a user or password (value not shown)")
        .message()
        .doesNotContain(SECRET)
        .contains(DemoBackendOptions.POSTGRES_PASSWORD_ENV);
    assertThatThrownBy(
            () ->
                DemoOptions.parse(
                    NO_ENV,
                    "--postgres",
                    "jdbc:postgresql://db/demo",
                    "--postgres-isolation",
                    "tenant"))
        .hasMessage("--postgres-isolation 'tenant': allowed: database, schema or row");
    assertThatThrownBy(
            () ->
                DemoOptions.parse(
                    NO_ENV,
                    "--postgres",
                    "jdbc:postgresql://db/demo",
                    "--postgres-user",
                    "Robert'); --"))
        .hasMessage(
            "--postgres-user 'Robert'); --': allowed: a role name matching [a-z_][a-z0-9_]{0,62}");
  }

  @Test
  void postgresSubOptionsNeedPostgres() {
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--postgres-user", "demo"))
        .hasMessage("--postgres-user needs --postgres");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--postgres-isolation", "row"))
        .hasMessage("--postgres-isolation needs --postgres");
  }

  @Test
  void thePostgresPasswordIsNeverShown() {
    DemoOptions options =
        DemoOptions.parse(PASSWORD_ENV, "--postgres", "jdbc:postgresql://db/demo");
    assertThat(options.backends().postgres().orElseThrow().toString())
        .isEqualTo("Postgres[jdbc:postgresql://db/demo, user postgres, password set, ROW]");
    assertThat(options.toString()).doesNotContain(SECRET);
    assertThat(
            new DemoBackendOptions.Postgres(
                    "jdbc:postgresql://db/demo", "postgres", Optional.empty(), IsolationMode.ROW)
                .toString())
        .doesNotContain("password");
  }

  @Test
  void unknownOptionsListTheNewFlags() {
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--mongo", "x"))
        .hasMessageContaining("--redis, --postgres, --postgres-user, --postgres-isolation");
  }
}
