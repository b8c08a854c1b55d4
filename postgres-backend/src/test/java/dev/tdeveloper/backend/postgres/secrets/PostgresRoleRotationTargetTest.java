package dev.tdeveloper.backend.postgres.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.PostgresBackendException;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

@ExtendWith(LocalPostgresExtension.class)
class PostgresRoleRotationTargetTest {
  private final LocalPostgres postgres;
  private HikariDataSource admin;
  private PostgresRoleRotationTarget target;

  PostgresRoleRotationTargetTest(LocalPostgres postgres) {
    this.postgres = postgres;
  }

  @BeforeEach
  void install() throws SQLException {
    admin = Roles.install(postgres, "target_app", "target_nologin");
    try (Connection c = admin.getConnection()) {
      c.createStatement().execute("ALTER ROLE target_nologin NOLOGIN");
    }
    target =
        PostgresRoleRotationTarget.builder()
            .admin(admin)
            .loginUrl(postgres.jdbcUrl())
            .roles("target_app", "target_nologin", "target_missing")
            .build();
  }

  @AfterEach
  void close() {
    admin.close();
  }

  private static Secret fresh() {
    return Secret.ofString("pw-" + UUID.randomUUID());
  }

  @Test
  void aSetPasswordLogsInAndTheOldOneNoLongerDoes() {
    Secret old = fresh();
    Secret next = fresh();
    target.set("target_app", old);
    assertThat(target.test("target_app", old)).isTrue();

    target.set("target_app", next);
    target.set("target_app", next); // idempotent

    assertThat(target.test("target_app", next)).isTrue();
    assertThat(target.test("target_app", old)).isFalse();
  }

  @Test
  void sendsOnlyAScramVerifierSoNotEvenAStatementLogHoldsThePassword() throws SQLException {
    String password = "cleartext-" + UUID.randomUUID();
    target.set("target_app", Secret.ofString(password));

    String log = postgres.serverLog().orElseThrow();
    assertThat(log)
        .as("log_statement = all logged the change")
        .contains("ALTER USER \"target_app\" PASSWORD 'SCRAM-SHA-256$4096:")
        .doesNotContain(password);
    try (Connection c = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        PreparedStatement q =
            c.prepareStatement("SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
      q.setString(1, "target_app");
      try (ResultSet row = q.executeQuery()) {
        row.next();
        assertThat(row.getString(1)).startsWith("SCRAM-SHA-256$4096:").doesNotContain(password);
      }
    }
  }

  @Test
  void refusesRolesItDoesNotManageUnknownRolesAndRolesThatCannotLogIn() {
    Secret password = Secret.ofString("never-shown-password");
    assertThatThrownBy(() -> target.set("postgres", password))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role 'postgres' is not managed by this target")
        .hasMessageContaining("[target_app, target_missing, target_nologin]");
    assertThatThrownBy(() -> target.test("rotation_admin", password))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> target.set("target_missing", password))
        .isInstanceOf(PostgresBackendException.class)
        .hasMessageContaining("role 'target_missing' does not exist");
    assertThatThrownBy(() -> target.set("target_nologin", password))
        .isInstanceOf(PostgresBackendException.class)
        .hasMessageContaining("cannot log in");
    assertThat(target.test("target_missing", password)).isFalse();
  }

  @Test
  void builderRefusesBadSettingsNamingThem() {
    var builder = PostgresRoleRotationTarget.builder();
    assertThatThrownBy(() -> builder.roles("Bad-Role"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role must match [a-z_][a-z0-9_]{0,62}, was 'Bad-Role'");
    assertThatThrownBy(() -> builder.roles())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one role");
    assertThatThrownBy(() -> builder.loginUrl("jdbc:postgresql://db/app?password=x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not carry a password parameter")
        .hasMessageNotContaining("=x");
    assertThatThrownBy(() -> builder.loginUrl("jdbc:mysql://db/app"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loginUrl must be a jdbc:postgresql: URL");
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("admin is required");
    builder.admin(admin);
    assertThatThrownBy(() -> builder.admin(admin))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("admin was already set");
  }

  @Test
  void failuresAndToStringNameTheRoleNeverThePassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PGSimpleDataSource unreachable = new PGSimpleDataSource();
    unreachable.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");
    unreachable.setConnectTimeout(5);
    PostgresRoleRotationTarget broken =
        PostgresRoleRotationTarget.builder()
            .admin(unreachable)
            .loginUrl(unreachable.getURL())
            .roles("target_app")
            .build();
    String password = "password-that-must-not-leak";

    assertThatThrownBy(() -> broken.set("target_app", Secret.ofString(password)))
        .isInstanceOf(PostgresBackendException.class)
        .hasMessageContaining("role 'target_app'")
        .satisfies(e -> assertNoPassword(e, password));
    assertThatThrownBy(() -> broken.test("target_app", Secret.ofString(password)))
        .isInstanceOf(PostgresBackendException.class)
        .satisfies(e -> assertNoPassword(e, password));
    assertThat(broken.toString()).contains("target_app").doesNotContain(password);
    assertThat(broken.description()).contains(":" + closedPort + "/postgres");
  }

  private static void assertNoPassword(Throwable e, String password) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(password);
      assertThat(t.toString()).doesNotContain(password);
    }
  }
}
