package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.CheckpointVerifier;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.audit.integrity.MerkleTree;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention on the PostgreSQL audit sink, an administrator's operation: old events go, leaf hashes
 * and checkpoints stay, so signed checkpoints still verify over every entry ever appended.
 */
@ExtendWith(LocalPostgresExtension.class)
class PostgresAuditRetentionTest {
  private static final String DATABASE = "audit_retention";
  private static final String ROLE = "audit_retention_app";
  private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static HikariDataSource admin;
  private static HikariDataSource app;

  @BeforeAll
  static void openPools(LocalPostgres postgres) throws SQLException {
    try (Connection connection = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE);
      statement.execute("CREATE ROLE " + ROLE + " LOGIN NOINHERIT PASSWORD 'retention-app'");
    }
    admin = pool(postgres, postgres.user(), postgres.password());
    app = pool(postgres, ROLE, "retention-app");
  }

  private static HikariDataSource pool(LocalPostgres postgres, String user, String password) {
    return TestPools.open(postgres.jdbcUrl(DATABASE), user, password, 3);
  }

  @AfterAll
  static void closePools() {
    admin.close();
    app.close();
  }

  private static String installed() {
    String table = "audit.retained_" + TABLES.incrementAndGet();
    PostgresAuditSink.install(admin, table, ROLE);
    return table;
  }

  private static AuditRecord record(long sequence) {
    byte[] event = ("{\"n\":" + sequence + "}").getBytes(StandardCharsets.UTF_8);
    return AuditRecord.of(sequence, event, MerkleHashes.leaf(event));
  }

  private static List<AuditRecord> read(PostgresAuditSink sink, long from, long to) {
    List<AuditRecord> out = new ArrayList<>();
    sink.read(from, to, out::add);
    return out;
  }

  private static byte[] rootOfStoredLeaves(PostgresAuditSink sink) {
    MerkleTree tree = MerkleTree.inMemory();
    sink.readLeafHashes(0, sink.size(), leaf -> tree.append(leaf.clone()));
    return tree.root();
  }

  @Test
  void removedEventsKeepTheirLeafHashesSoSignedCheckpointsStillVerify() {
    String table = installed();
    PostgresAuditSink sink = PostgresAuditSink.open(app, table, () -> T0);
    MerkleTree tree = MerkleTree.inMemory();
    for (long i = 0; i < 10; i++) {
      sink.append(List.of(record(i)));
      tree.append(record(i).leafHash());
    }
    CheckpointSigner signer = CheckpointSigner.generate("retention-test");
    sink.storeCheckpoint(signer.sign(Checkpoint.of("retention-test", 10, tree.root())));

    assertThat(PostgresAuditSink.removeEventsBefore(admin, table, 6)).isEqualTo(6);

    assertThat(sink.firstRetained()).isEqualTo(6);
    assertThat(sink.size()).isEqualTo(10);
    assertThatThrownBy(() -> read(sink, 5, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the retained entries are [6, 10)");
    assertThat(read(sink, 6, 10)).containsExactly(record(6), record(7), record(8), record(9));
    Checkpoint signed =
        CheckpointVerifier.of(signer.verifierKey()).verify(sink.latestCheckpoint().orElseThrow());
    assertThat(rootOfStoredLeaves(sink)).isEqualTo(signed.rootHash());
    sink.append(List.of(record(10)));
    assertThat(read(sink, 6, 11)).hasSize(5);
    assertThat(PostgresAuditSink.removeEventsBefore(admin, table, 3))
        .as("retention never brings events back")
        .isEqualTo(6);
    assertThatThrownBy(() -> PostgresAuditSink.removeEventsBefore(admin, table, 12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention point must be 0 to 11 (the log's size), got 12");
    assertThat(sink.firstRetained()).isEqualTo(6);
  }

  @Test
  void retentionByAgeRemovesOlderEventsAndAlwaysKeepsTheNewest() {
    String table = installed();
    AtomicReference<Instant> now = new AtomicReference<>(T0);
    PostgresAuditSink sink = PostgresAuditSink.open(app, table, now::get);
    sink.append(List.of(record(0), record(1), record(2)));
    now.set(T0.plus(Duration.ofDays(10)));
    sink.append(List.of(record(3), record(4)));

    assertThat(PostgresAuditSink.applyRetention(admin, table, Duration.ofDays(5), now::get))
        .isEqualTo(3);
    assertThat(read(sink, 3, 5)).containsExactly(record(3), record(4));

    assertThat(
            PostgresAuditSink.applyRetention(
                admin, table, Duration.ofDays(5), () -> T0.plus(Duration.ofDays(100))))
        .as("the newest event stays, so a keyed logger can continue its chain")
        .isEqualTo(4);
    assertThat(read(sink, 4, 5)).containsExactly(record(4));
    assertThatThrownBy(
            () -> PostgresAuditSink.applyRetention(admin, table, Duration.ZERO, now::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAge must be positive, was PT0S");
  }

  @Test
  void onlyTheOwnerAppliesRetentionAndRetentionCannotForgeAnEntry() throws SQLException {
    String table = installed();
    PostgresAuditSink sink = PostgresAuditSink.open(app, table, () -> T0);
    sink.append(List.of(record(0), record(1), record(2)));

    assertThatThrownBy(() -> PostgresAuditSink.removeEventsBefore(app, table, 2))
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("permission denied");
    for (String sql :
        List.of(
            "UPDATE " + table + " SET event = 'x'::bytea WHERE seq = 0",
            "UPDATE " + table + " SET event = NULL, leaf_hash = sha256('x'::bytea) WHERE seq = 0",
            "UPDATE " + table + " SET seq = 7 WHERE seq = 2",
            "INSERT INTO "
                + table
                + " (seq, event, leaf_hash, appended_at)"
                + " VALUES (3, NULL, sha256('x'::bytea), now())")) {
      try (Connection connection = admin.getConnection();
          Statement statement = connection.createStatement()) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class);
      }
    }
    assertThat(sink.firstRetained()).isZero();
    assertThat(read(sink, 0, 3)).containsExactly(record(0), record(1), record(2));
  }
}
