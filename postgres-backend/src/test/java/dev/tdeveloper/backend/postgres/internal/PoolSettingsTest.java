package dev.tdeveloper.backend.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPostgresExtension.class)
class PoolSettingsTest {
  private static final String SECRET = "s3cret-Pa55word";

  @Test
  void parsesPrefixedSettingsWithDefaultsAndIgnoresOtherBackends() {
    PoolSettings settings =
        PoolSettings.parse(
            Map.of(
                "postgres.url", "jdbc:postgresql://db/app",
                "postgres.user", "app",
                "postgres.password", SECRET,
                "redis.url", "redis://cache"),
            "postgres.",
            "postgres audit sink",
            "audit_log",
            2);
    assertThat(settings)
        .isEqualTo(
            new PoolSettings(
                "jdbc:postgresql://db/app",
                Optional.of("app"),
                Optional.of(SECRET),
                "audit_log",
                2));
    assertThat(settings.toString()).doesNotContain(SECRET).contains("password=(hidden)");
  }

  @Test
  void namesTheKeyOfEveryBadSetting() {
    assertThatThrownBy(
            () ->
                PoolSettings.parse(
                    Map.of("postgres.url", "jdbc:postgresql://db/app", "postgres.pool_size", "3"),
                    "postgres.",
                    "postgres audit sink",
                    "t",
                    2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown settings [postgres.pool_size] for the postgres audit sink")
        .hasMessageContaining("postgres.pool-size");
    assertThatThrownBy(() -> PoolSettings.parse(Map.of("url", "jdbc:mysql://db"), "", "x", "t", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url must be a jdbc:postgresql: URL, was 'jdbc:mysql://db'");
    assertThatThrownBy(
            () ->
                PoolSettings.parse(
                    Map.of("url", "jdbc:postgresql://db/app", "pool-size", "0"), "", "x", "t", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pool-size must be 1 to 100, was '0'");
    assertThatThrownBy(
            () ->
                PoolSettings.parse(
                    Map.of("url", "jdbc:postgresql://db/app", "table", "a.b.c"), "", "x", "t", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must be name or schema.name");
  }

  @Test
  void acceptsTheCallersOwnKeysAndListsThemAsKnown() {
    Map<String, String> own =
        Map.of("url", "jdbc:postgresql://db/app", "key-manager", "local", "pool-size", "7");
    assertThat(PoolSettings.parse(own, "", "x", "t", 2, Set.of("key-manager")).poolSize())
        .isEqualTo(7);
    assertThatThrownBy(() -> PoolSettings.parse(own, "", "x", "t", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown settings [key-manager] for the x");
    assertThatThrownBy(
            () ->
                PoolSettings.parse(
                    Map.of("url", "jdbc:postgresql://db/app", "kee-manager", "local"),
                    "",
                    "x",
                    "t",
                    2,
                    Set.of("key-manager")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown settings [kee-manager]")
        .hasMessageContaining("key-manager, password");
  }

  @Test
  void aUrlIsCheckedWithoutShowingItsParameters() {
    assertThat(PoolSettings.requireUrl("loginUrl", "jdbc:postgresql://db/app"))
        .isEqualTo("jdbc:postgresql://db/app");
    assertThatThrownBy(
            () -> PoolSettings.requireUrl("loginUrl", "jdbc:mysql://db?password=" + SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("loginUrl must be a jdbc:postgresql: URL, was 'jdbc:mysql://db'");
    assertThatThrownBy(() -> PoolSettings.requireUrl("loginUrl", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("loginUrl must be a jdbc:postgresql: URL, was missing");
  }

  @Test
  void aRefusedPasswordNeverAppearsInTheError(LocalPostgres postgres) {
    PoolSettings settings =
        PoolSettings.parse(
            Map.of("url", postgres.jdbcUrl(), "user", postgres.user(), "password", SECRET),
            "",
            "x",
            "t",
            1);
    assertThatThrownBy(() -> settings.open("secret-test").close())
        .satisfies(
            e -> {
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
                assertThat(t.toString()).doesNotContain(SECRET);
              }
            });
  }
}
