package dev.tdeveloper.backend.postgres.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.TestPools;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.LabelConflictException;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.security.spi.SecretVersionConflictException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot see: encryption at rest, two instances, the size limit, reopening. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresSecretStoreTest {
  private static final String VALUE = "s3cr3t-value-never-in-clear";
  private static final String TABLE = "secret_test.secrets";

  @TempDir Path keyDirectory;
  private HikariDataSource first;
  private HikariDataSource second;
  private LocalKeyManager keys;
  private String prefix;

  @BeforeEach
  void open(LocalPostgres postgres) {
    first = TestPools.superuser(postgres, LocalPostgres.DEFAULT_DATABASE, 6);
    second = TestPools.superuser(postgres, LocalPostgres.DEFAULT_DATABASE, 6);
    keys = Keys.open(keyDirectory);
    store(first).createTables();
    prefix = "t-" + UUID.randomUUID().toString().substring(0, 8) + "/";
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
    keys.close();
  }

  private PostgresSecretStore store(HikariDataSource pool) {
    return PostgresSecretStore.builder(pool, keys)
        .table(TABLE)
        .clock(InstantSource.fixed(Instant.parse("2026-05-01T10:15:30.123456789Z")))
        .build();
  }

  @Test
  void keepsOnlyCiphertextInTheDatabase() throws SQLException {
    SecretName name = SecretName.of(TenantId.of("acme"), prefix + "db");
    store(first).putCurrent(name, "v1", Secret.ofString(VALUE));

    byte[] sealed = sealed(name, "v1");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(VALUE);
    assertThat(sealed.length).isGreaterThan(VALUE.length());
    assertThat(store(second).value(name, "v1").orElseThrow().stringValue()).isEqualTo(VALUE);
  }

  @Test
  void aSealedValueCopiedToAnotherVersionOrSecretDoesNotOpen() throws SQLException {
    SecretName name = SecretName.platform(prefix + "db");
    SecretName other = SecretName.of(TenantId.of("acme"), prefix + "db");
    PostgresSecretStore store = store(first);
    store.put(name, "v1", Secret.ofString(VALUE));
    store.put(name, "v2", Secret.ofString("decoy"));
    store.put(other, "v1", Secret.ofString("decoy"));
    byte[] sealed = sealed(name, "v1");
    execute(
        "UPDATE " + TABLE + "_versions SET sealed = ? WHERE version_id = 'v2' AND name = ?",
        sealed,
        name.name());
    execute(
        "UPDATE " + TABLE + "_versions SET sealed = ? WHERE tenant = 'acme' AND name = ?",
        sealed,
        other.name());

    assertThatThrownBy(() -> store.value(name, "v2"))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("version 'v2'")
        .hasMessageNotContaining(VALUE);
    assertThatThrownBy(() -> store.value(other, "v1")).isInstanceOf(SecretStoreException.class);
    assertThat(store.value(name, "v1").orElseThrow().stringValue()).isEqualTo(VALUE);
  }

  @Test
  void destroyingATenantsKeysShredsItsSecretsOnly() {
    SecretName acme = SecretName.of(TenantId.of("acme"), prefix + "db");
    SecretName globex = SecretName.of(TenantId.of("globex"), prefix + "db");
    PostgresSecretStore store = store(first);
    store.putCurrent(acme, "v1", Secret.ofString(VALUE));
    store.putCurrent(globex, "v1", Secret.ofString("globex-value"));

    keys.versions(TenantId.of("acme")).forEach(v -> keys.destroy(TenantId.of("acme"), v.version()));

    assertThatThrownBy(() -> store.valueAt(acme, SecretLabel.CURRENT))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageNotContaining(VALUE);
    assertThatThrownBy(() -> store.put(acme, "v2", Secret.ofString("new")))
        .as("a shredded tenant stays unwritable: no new key is made for it")
        .isInstanceOf(SecretStoreException.class);
    assertThat(store.versions(acme)).extracting(SecretVersion::versionId).containsExactly("v1");
    assertThat(store.valueAt(globex, SecretLabel.CURRENT).orElseThrow().stringValue())
        .isEqualTo("globex-value");
  }

  @Test
  void ofPromotionsRacedFromTwoInstancesExactlyOneWins() throws Exception {
    SecretName name = SecretName.platform(prefix + "db");
    SecretStore one = store(first);
    SecretStore two = store(second);
    one.putCurrent(name, "v0", Secret.ofString("zero"));
    for (int i = 1; i <= 8; i++) {
      (i % 2 == 0 ? one : two).put(name, "v" + i, Secret.ofString("value-" + i));
    }
    List<Boolean> wins =
        race(
            8,
            i -> {
              try {
                (i % 2 == 0 ? one : two)
                    .moveLabel(
                        name, SecretLabel.CURRENT, Optional.of("v0"), Optional.of("v" + (i + 1)));
                return true;
              } catch (LabelConflictException e) {
                return false;
              }
            });

    assertThat(wins.stream().filter(w -> w).count()).isEqualTo(1);
    String winner = "v" + (wins.indexOf(true) + 1);
    assertThat(two.versionAt(name, SecretLabel.CURRENT).orElseThrow().versionId())
        .isEqualTo(winner);
    assertThat(one.versionAt(name, SecretLabel.PREVIOUS).orElseThrow().versionId()).isEqualTo("v0");
  }

  @Test
  void ofOneVersionIdPutWithDifferentValuesFromTwoInstancesOneValueWins() throws Exception {
    SecretName name = SecretName.of(TenantId.of("acme"), prefix + "api");
    SecretStore one = store(first);
    SecretStore two = store(second);
    List<Boolean> stored =
        race(
            8,
            i -> {
              try {
                (i % 2 == 0 ? one : two).put(name, "same", Secret.ofString("value-" + i));
                return true;
              } catch (SecretVersionConflictException e) {
                return false;
              }
            });

    assertThat(stored.stream().filter(s -> s).count()).isEqualTo(1);
    assertThat(one.value(name, "same").orElseThrow().stringValue())
        .isEqualTo("value-" + stored.indexOf(true));
    assertThat(two.versions(name)).hasSize(1);
  }

  @Test
  void acceptsTheLargestValueAndRefusesOneByteMoreChangingNothing() {
    SecretName name = SecretName.platform(prefix + "big");
    PostgresSecretStore store = store(first);
    byte[] largest = new byte[SecretStore.MAX_VALUE_BYTES];
    Arrays.fill(largest, (byte) 'x');
    store.put(name, "v1", Secret.of(largest));

    assertThatThrownBy(() -> store.put(name, "v2", Secret.of(new byte[largest.length + 1])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + SecretStore.MAX_VALUE_BYTES + " bytes, was 65537");
    assertThat(store.versions(name)).extracting(SecretVersion::versionId).containsExactly("v1");
    assertThat(store.value(name, "v1").orElseThrow().bytes()).isEqualTo(largest);
  }

  @Test
  void anotherInstanceSeesVersionsLabelsAndTimesAsWritten() {
    SecretName name = SecretName.of(TenantId.of("globex"), prefix + "db");
    SecretVersion written = store(first).putCurrent(name, "v1", Secret.ofString(VALUE));
    first.close();

    List<SecretVersion> read = store(second).versions(name);
    assertThat(read).containsExactly(written);
    assertThat(read.get(0).created()).isEqualTo(Instant.parse("2026-05-01T10:15:30.123456789Z"));
    assertThat(store(second).names()).contains(name);
  }

  @Test
  void namesInMessagesAndToStringNeverValues() {
    PostgresSecretStore store = store(first);
    SecretName name = SecretName.platform(prefix + "db");
    store.put(name, "v1", Secret.ofString(VALUE));
    assertThat(store.toString()).contains("secret_test").doesNotContain(VALUE);
    store.close();
    assertThatThrownBy(() -> store.value(name, "v1"))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("closed");
  }

  private interface Attempt {
    boolean run(int index) throws Exception;
  }

  private static List<Boolean> race(int threads, Attempt attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return attempt.run(index);
                }));
      }
      start.countDown();
      List<Boolean> out = new ArrayList<>();
      for (Future<Boolean> future : futures) {
        out.add(future.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private byte[] sealed(SecretName name, String version) throws SQLException {
    try (Connection c = first.getConnection();
        var query =
            c.prepareStatement(
                "SELECT sealed FROM " + TABLE + "_versions WHERE name = ? AND version_id = ?")) {
      query.setString(1, name.name());
      query.setString(2, version);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getBytes(1);
      }
    }
  }

  private void execute(String sql, byte[] bytes, String text) throws SQLException {
    try (Connection c = first.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setBytes(1, bytes);
      update.setString(2, text);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }
}
