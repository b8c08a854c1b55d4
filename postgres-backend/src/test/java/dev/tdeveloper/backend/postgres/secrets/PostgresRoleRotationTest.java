package dev.tdeveloper.backend.postgres.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.TestPools;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.secrets.rotation.Credential;
import dev.tdeveloper.security.secrets.rotation.RotationResult;
import dev.tdeveloper.security.secrets.rotation.RotationStep;
import dev.tdeveloper.security.secrets.rotation.RotationStrategy;
import dev.tdeveloper.security.secrets.rotation.SecretRotationPolicy;
import dev.tdeveloper.security.secrets.rotation.SecretRotator;
import dev.tdeveloper.security.spi.RotationTarget;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's four-step {@link SecretRotator} rotating real PostgreSQL role passwords, with the
 * secret kept in the PostgreSQL secret store: after each rotation the application logs in with the
 * CURRENT credential.
 */
@ExtendWith(LocalPostgresExtension.class)
class PostgresRoleRotationTest {
  private static final SecretRotationPolicy POLICY =
      SecretRotationPolicy.maxAge(Duration.ofDays(30));

  private final LocalPostgres postgres;
  @TempDir Path keyDirectory;
  private HikariDataSource admin;
  private HikariDataSource storePool;
  private LocalKeyManager keys;
  private SecretStore store;
  private SecretName name;

  PostgresRoleRotationTest(LocalPostgres postgres) {
    this.postgres = postgres;
  }

  @BeforeEach
  void install() throws SQLException {
    admin = Roles.install(postgres, "rotated_single", "rotated_a", "rotated_b");
    storePool = TestPools.superuser(postgres, LocalPostgres.DEFAULT_DATABASE, 4);
    keys = Keys.open(keyDirectory);
    PostgresSecretStore secrets =
        PostgresSecretStore.builder(storePool, keys).table("rotation_test.secrets").build();
    secrets.createTables();
    store = secrets;
    name = SecretName.platform("db/app-" + UUID.randomUUID());
  }

  @AfterEach
  void close() {
    admin.close();
    storePool.close();
    keys.close();
  }

  private PostgresRoleRotationTarget target(String... roles) {
    return PostgresRoleRotationTarget.builder()
        .admin(admin)
        .loginUrl(postgres.jdbcUrl())
        .roles(roles)
        .build();
  }

  private SecretRotator rotator(RotationTarget target, RotationStrategy strategy) {
    return SecretRotator.builder(store, name, target).strategy(strategy).policy(POLICY).build();
  }

  private Credential at(SecretLabel label) {
    Secret stored = store.valueAt(name, label).orElseThrow();
    return Credential.decode(stored);
  }

  @Test
  void singleUserRotationLeavesTheApplicationLoggingInWithCurrentOnly() throws SQLException {
    SecretRotator rotator =
        rotator(target("rotated_single"), RotationStrategy.singleUser("rotated_single"));

    assertThat(rotator.rotate()).isInstanceOf(RotationResult.Rotated.class);
    assertThat(Roles.connectAs(postgres, at(SecretLabel.CURRENT))).isEqualTo("rotated_single:1");
    RotationResult second = rotator.rotate();

    assertThat(second).isInstanceOf(RotationResult.Rotated.class);
    assertThat(store.versionAt(name, SecretLabel.CURRENT).orElseThrow().versionId())
        .isEqualTo(((RotationResult.Rotated) second).versionId());
    assertThat(Roles.connectAs(postgres, at(SecretLabel.CURRENT))).isEqualTo("rotated_single:1");
    assertThat(Roles.logsIn(postgres, at(SecretLabel.PREVIOUS)))
        .as("the single user's old password was replaced")
        .isFalse();
    assertThat(rotator.rotateIfDue()).isInstanceOf(RotationResult.NotDue.class);
  }

  @Test
  void alternatingUsersKeepThePreviousCredentialWorkingUntilTheNextRotation() throws SQLException {
    SecretRotator rotator =
        rotator(
            target("rotated_a", "rotated_b"),
            RotationStrategy.alternatingUsers("rotated_a", "rotated_b"));
    String[] expected = {"rotated_a", "rotated_b", "rotated_a"};
    for (String user : expected) {
      RotationResult result = rotator.rotate();
      assertThat(result).isInstanceOf(RotationResult.Rotated.class);
      assertThat(((RotationResult.Rotated) result).user()).isEqualTo(user);
      assertThat(Roles.connectAs(postgres, at(SecretLabel.CURRENT))).isEqualTo(user + ":1");
    }
    assertThat(Roles.connectAs(postgres, at(SecretLabel.PREVIOUS))).isEqualTo("rotated_b:1");
  }

  @Test
  void aFailingStepLeavesCurrentWorkingAndTheNextRotationSucceeds() throws SQLException {
    PostgresRoleRotationTarget real = target("rotated_a", "rotated_b");
    AtomicInteger failuresLeft = new AtomicInteger(1);
    RotationTarget flaky =
        new RotationTarget() {
          @Override
          public String description() {
            return real.description();
          }

          @Override
          public void set(String user, Secret password) {
            real.set(user, password);
          }

          @Override
          public boolean test(String user, Secret password) {
            if (failuresLeft.getAndDecrement() > 0) {
              throw new IllegalStateException("network blip during the login test");
            }
            return real.test(user, password);
          }
        };
    RotationStrategy strategy = RotationStrategy.alternatingUsers("rotated_a", "rotated_b");
    SecretRotator first = rotator(real, strategy);
    assertThat(first.rotate()).isInstanceOf(RotationResult.Rotated.class);
    Credential before = at(SecretLabel.CURRENT);
    SecretRotator rotator = rotator(flaky, strategy);

    RotationResult failed = rotator.rotate();

    assertThat(failed).isInstanceOf(RotationResult.Failed.class);
    assertThat(((RotationResult.Failed) failed).step()).isEqualTo(RotationStep.TEST);
    assertThat(store.versionAt(name, SecretLabel.PENDING)).isEmpty();
    assertThat(at(SecretLabel.CURRENT).password().sameValueAs(before.password())).isTrue();
    assertThat(Roles.connectAs(postgres, at(SecretLabel.CURRENT))).isEqualTo("rotated_a:1");

    assertThat(rotator.rotate()).isInstanceOf(RotationResult.Rotated.class);
    assertThat(Roles.connectAs(postgres, at(SecretLabel.CURRENT))).isEqualTo("rotated_b:1");
    assertThat(Roles.connectAs(postgres, at(SecretLabel.PREVIOUS))).isEqualTo("rotated_a:1");
  }
}
