package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.registry.FileTenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where {@link DemoBackends} puts shared state, and how it fails when a backend is unreachable. */
@ExtendWith(LocalPostgresExtension.class)
class DemoBackendsTest {
  private static final String SECRET = "Not-the-password-42";

  @Test
  void embeddedByDefault(@TempDir Path data) {
    try (DemoBackends backends =
        DemoBackends.open(DemoBackendOptions.embedded(), new ManualClock())) {
      assertThat(backends.rateLimiterStore()).isEmpty();
      assertThat(backends.registry(data))
          .isInstanceOf(FileTenantRegistry.class)
          .isSameAs(backends.registry(data));
      assertThat(((FileTenantRegistry) backends.registry(data)).file())
          .isEqualTo(data.resolve("registry").resolve(FileTenantRegistry.FILE_NAME));
      assertThat(backends.sharedRegistry()).isFalse();
    }
    try (DemoBackends backends =
        DemoBackends.open(DemoBackendOptions.embedded(), new ManualClock())) {
      assertThat(backends.registry(data).list())
          .as("the first backends' close released the registry's lock")
          .isEmpty();
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
