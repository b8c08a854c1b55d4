package dev.tdeveloper.backend.postgres.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.secrets.rotation.Credential;
import dev.tdeveloper.security.secrets.rotation.RotationJournal;
import dev.tdeveloper.security.secrets.rotation.RotationResult;
import dev.tdeveloper.security.secrets.rotation.SecretRotator;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills ({@code kill -9}) a child JVM at each point of a rotation of real PostgreSQL role
 * passwords, then resumes in this JVM: the same candidate is finished, promoted once, and the
 * application logs in with CURRENT (and, alternating users, with PREVIOUS).
 */
@ExtendWith(LocalPostgresExtension.class)
class PostgresRoleRotationCrashTest {
  @TempDir Path temp;

  @ParameterizedTest(name = "killed after {0}")
  @ValueSource(strings = {"version-put", "set", "test", "current-moved"})
  void aKilledRotationResumesWithTheSameCandidate(String point, LocalPostgres postgres)
      throws Exception {
    Roles.install(postgres, "crash_a", "crash_b").close();
    Properties server = new Properties();
    server.setProperty("url", postgres.jdbcUrl());
    server.setProperty("user", postgres.user());
    server.setProperty("password", postgres.password());
    try (OutputStream out = Files.newOutputStream(temp.resolve("server.properties"))) {
      server.store(out, null);
    }
    SecretName name = SecretName.platform("db/crash-" + UUID.randomUUID());
    try (HikariDataSource pool = RotationCrashMain.pool(temp);
        LocalKeyManager keys = Keys.open(temp.resolve("keys"))) {
      RotationCrashMain.store(pool, keys).createTables();
    }
    String first = runChildUntil(name, point);

    try (HikariDataSource pool = RotationCrashMain.pool(temp);
        HikariDataSource admin = RotationCrashMain.admin(temp);
        LocalKeyManager keys = Keys.open(temp.resolve("keys"));
        RotationJournal journal = RotationJournal.open(temp.resolve("rotation.journal"))) {
      PostgresSecretStore store = RotationCrashMain.store(pool, keys);
      String candidate = journal.unfinished(name).orElseThrow().versionId();
      SecretRotator rotator =
          SecretRotator.builder(store, name, RotationCrashMain.target(admin, postgres.jdbcUrl()))
              .strategy(RotationCrashMain.STRATEGY)
              .policy(RotationCrashMain.POLICY)
              .journal(journal)
              .build();

      assertThat(rotator.rotateIfDue()).isEqualTo(new RotationResult.Rotated(candidate, "crash_b"));

      assertThat(store.versions(name))
          .as("one candidate, no second pending version")
          .extracting(SecretVersion::versionId)
          .containsExactly(first, candidate);
      assertThat(store.versionAt(name, SecretLabel.CURRENT).orElseThrow().versionId())
          .isEqualTo(candidate);
      assertThat(store.versionAt(name, SecretLabel.PREVIOUS).orElseThrow().versionId())
          .isEqualTo(first);
      assertThat(store.versionAt(name, SecretLabel.PENDING)).isEmpty();
      Credential current =
          Credential.decode(store.valueAt(name, SecretLabel.CURRENT).orElseThrow());
      Credential previous =
          Credential.decode(store.valueAt(name, SecretLabel.PREVIOUS).orElseThrow());
      assertThat(Roles.connectAs(postgres, current)).isEqualTo("crash_b:1");
      assertThat(Roles.connectAs(postgres, previous)).isEqualTo("crash_a:1");
      assertThat(rotator.rotateIfDue()).isInstanceOf(RotationResult.NotDue.class);
    }
  }

  private String runChildUntil(SecretName name, String point) throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            RotationCrashMain.class,
            temp.resolve("child.err"),
            temp.toString(),
            name.name(),
            point)) {
      String first = child.nextLine(120);
      assertThat(first).as(child.errorOutput()).startsWith("FIRST ");
      assertThat(child.nextLine(120)).as(child.errorOutput()).isEqualTo("POINT " + point);
      child.kill();
      return first.substring("FIRST ".length());
    }
  }
}
