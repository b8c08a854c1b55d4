package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.testkit.AuditSinkContract;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPostgresExtension.class)
class PostgresAuditSinkTest extends AuditSinkContract {
  static final String DATABASE = "audit_contract";
  static final String ROLE = "audit_app";
  static final String ROLE_PASSWORD = "audit-app-password";
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static HikariDataSource admin;
  private static HikariDataSource app;
  private static HikariDataSource otherInstance;

  @BeforeAll
  static void openPools(LocalPostgres postgres) throws Exception {
    try (Connection connection = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE);
      statement.execute(
          "CREATE ROLE " + ROLE + " LOGIN NOINHERIT PASSWORD '" + ROLE_PASSWORD + "'");
    }
    admin = pool(postgres, postgres.user(), postgres.password());
    app = pool(postgres, ROLE, ROLE_PASSWORD);
    otherInstance = pool(postgres, ROLE, ROLE_PASSWORD);
  }

  private static HikariDataSource pool(LocalPostgres postgres, String user, String password) {
    return TestPools.open(postgres.jdbcUrl(DATABASE), user, password, 6);
  }

  @AfterAll
  static void closePools() {
    admin.close();
    app.close();
    otherInstance.close();
  }

  private static String installed() {
    String table = "audit.log_" + TABLES.incrementAndGet();
    PostgresAuditSink.install(admin, table, ROLE);
    return table;
  }

  @Override
  protected AuditSink createSink() {
    return PostgresAuditSink.open(app, installed(), InstantSource.system());
  }

  @Override
  protected AuditSink reopen(AuditSink closed) {
    return PostgresAuditSink.open(
        app, ((PostgresAuditSink) closed).table(), InstantSource.system());
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = app.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  void theApplicationRoleCannotUpdateDeleteOrTruncate() {
    PostgresAuditSink sink = (PostgresAuditSink) sink();
    List<AuditRecord> all = records(0, 3);
    sink.append(all);
    sink.storeCheckpoint("note");
    String log = sink.table();
    for (String sql :
        List.of(
            "UPDATE " + log + " SET event = 'x'::bytea WHERE seq = 1",
            "DELETE FROM " + log + " WHERE seq = 2",
            "TRUNCATE " + log,
            "UPDATE " + log + "_checkpoints SET note = 'forged'",
            "DELETE FROM " + log + "_checkpoints",
            "TRUNCATE " + log + "_checkpoints",
            "ALTER TABLE " + log + " DISABLE TRIGGER follows_on",
            "DROP TABLE " + log)) {
      assertThatThrownBy(() -> execute(sql))
          .as(sql)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501"));
    }
    assertThat(read(sink, 0, 3)).containsExactlyElementsOf(all);
    assertThat(sink.checkpoints()).containsExactly("note");
  }

  @Test
  void theDatabaseRefusesGapsRepeatsAndWrongLeafHashesFromRawSql() throws Exception {
    PostgresAuditSink sink = (PostgresAuditSink) sink();
    sink.append(records(0, 2));
    AuditRecord gap = records(3, 1).get(0);
    AuditRecord repeat = records(1, 1).get(0);
    AuditRecord next = records(2, 1).get(0);
    byte[] forged = MerkleHashes.leaf(new byte[] {1});
    for (Object[] row :
        new Object[][] {
          {gap.sequence(), gap.eventBytes(), gap.leafHash()},
          {repeat.sequence(), repeat.eventBytes(), repeat.leafHash()},
          {next.sequence(), next.eventBytes(), forged},
        }) {
      try (Connection connection = app.getConnection();
          PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO "
                      + sink.table()
                      + " (seq, event, leaf_hash, appended_at) VALUES (?, ?, ?, now())")) {
        insert.setLong(1, (Long) row[0]);
        insert.setBytes(2, (byte[]) row[1]);
        insert.setBytes(3, (byte[]) row[2]);
        assertThatThrownBy(insert::executeUpdate)
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
      }
    }
    assertThat(sink.size()).isEqualTo(2);
    assertThatThrownBy(() -> sink.append(List.of(AuditRecord.of(2, next.eventBytes(), forged))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaf_hash");
    sink.append(records(2, 2));
    assertThat(read(sink, 0, 4)).containsExactlyElementsOf(records(0, 4));
  }

  @Test
  void concurrentAppendsFromTwoDataSourcesStayGapFree() throws Exception {
    String table = installed();
    int entries = 240;
    List<AuditRecord> all = records(0, entries);
    AtomicInteger refused = new AtomicInteger();
    try (PostgresAuditSink first = PostgresAuditSink.open(app, table, InstantSource.system());
        PostgresAuditSink second =
            PostgresAuditSink.open(otherInstance, table, InstantSource.system())) {
      Concurrently.run(
          6,
          thread -> {
            PostgresAuditSink sink = thread % 2 == 0 ? first : second;
            int batch = 1 + thread;
            while (true) {
              long size = sink.size();
              if (size >= entries) {
                return;
              }
              int count = (int) Math.min(batch, entries - size);
              try {
                sink.append(all.subList((int) size, (int) size + count));
              } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining("expected");
                refused.incrementAndGet();
              }
            }
          });
      assertThat(first.size()).isEqualTo(entries);
      assertThat(read(second, 0, entries)).containsExactlyElementsOf(all);
    }
    assertThat(refused.get()).as("some appends raced and were told to retry").isPositive();
  }

  @Test
  void refusesARoleThatCouldChangeEntries() {
    String table = installed();
    assertThatThrownBy(() -> PostgresAuditSink.open(admin, table, InstantSource.system()))
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("cannot keep audit log")
        .hasMessageContaining("UPDATE")
        .hasMessageContaining("TRUNCATE");
  }

  @Test
  void refusesALogThatIsNotInstalled() {
    assertThatThrownBy(
            () -> PostgresAuditSink.open(app, "audit.never_installed", InstantSource.system()))
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("install it with PostgresAuditSink.install");
  }

  @Test
  void installIsIdempotentAndKeepsEntries() {
    PostgresAuditSink sink = (PostgresAuditSink) sink();
    sink.append(records(0, 5));
    PostgresAuditSink.install(admin, sink.table(), ROLE);
    assertThat(read(sink, 0, 5)).containsExactlyElementsOf(records(0, 5));
  }

  @Test
  void refusesBadNames() {
    assertThatThrownBy(() -> PostgresAuditSink.install(admin, "a.b.c", ROLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must be name or schema.name");
    assertThatThrownBy(() -> PostgresAuditSink.install(admin, "x".repeat(49), ROLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 48");
    assertThatThrownBy(() -> PostgresAuditSink.install(admin, "log", "Bad Role"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("applicationRole must match");
  }
}
