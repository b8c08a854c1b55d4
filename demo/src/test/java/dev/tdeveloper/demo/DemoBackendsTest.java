package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Where {@link DemoBackends} puts shared state, and how it fails when a backend is unreachable. */
@ExtendWith(LocalPostgresExtension.class)
class DemoBackendsTest {
  private static final String SECRET = "Not-the-password-42";

  @Test
  void embeddedByDefault() {
    try (DemoBackends backends =
        DemoBackends.open(DemoBackendOptions.embedded(), new ManualClock())) {
      assertThat(backends.rateLimiterStore()).isEmpty();
      assertThat(backends.registry()).isInstanceOf(InMemoryTenantRegistry.class);
      assertThat(backends.sharedRegistry()).isFalse();
    }
  }

  @Test
  void anUnreachableRedisFailsTheStartNamingItWithoutItsPassword() {
    DemoBackendOptions options =
        new DemoBackendOptions(
            Optional.of(new DemoBackendOptions.Redis("redis://demo:" + SECRET + "@127.0.0.1:1")),
            Optional.empty());
    assertThatThrownBy(() -> DemoBackends.open(options, new ManualClock()))
        .isInstanceOf(DemoBackendException.class)
        .hasMessage("cannot reach Redis at redis://***@127.0.0.1:1")
        .satisfies(e -> assertThat(trace(e)).doesNotContain(SECRET));
  }

  @Test
  void aWrongPostgresPasswordFailsTheStartWithoutShowingIt(LocalPostgres postgres) {
    DemoBackendOptions options =
        new DemoBackendOptions(
            Optional.empty(),
            Optional.of(
                new DemoBackendOptions.Postgres(
                    postgres.jdbcUrl(),
                    LocalPostgres.SUPERUSER,
                    Optional.of(SECRET),
                    IsolationMode.ROW)));
    assertThatThrownBy(() -> DemoBackends.open(options, new ManualClock()))
        .satisfies(e -> assertThat(trace(e)).contains("password").doesNotContain(SECRET));
  }

  private static String trace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
