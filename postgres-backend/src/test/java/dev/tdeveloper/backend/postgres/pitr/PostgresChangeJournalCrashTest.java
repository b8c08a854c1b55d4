package dev.tdeveloper.backend.postgres.pitr;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills ({@code kill -9}) a child JVM inside an append's transaction, after its rows are written
 * and before the commit: nothing of that record is visible, every acknowledged record is intact,
 * and the next append takes the number the killed one would have had.
 */
@ExtendWith(LocalPostgresExtension.class)
class PostgresChangeJournalCrashTest {
  private static final String TABLE = "journal_crash.changes_" + ProcessHandle.current().pid();
  private static final int ACKNOWLEDGED = 12;

  @TempDir Path temp;

  @Test
  void aJvmKilledMidAppendLeavesNoPartialRecord(LocalPostgres postgres) throws Exception {
    Properties server = new Properties();
    server.setProperty("url", postgres.jdbcUrl());
    server.setProperty("user", postgres.user());
    server.setProperty("password", postgres.password());
    try (OutputStream out = Files.newOutputStream(temp.resolve("server.properties"))) {
      server.store(out, null);
    }
    try (HikariDataSource pool = JournalCrashMain.pool(temp)) {
      PostgresChangeJournal.of(pool, TABLE, PostgresChangeJournal.DEFAULT_MAX_CONTENT_BYTES)
          .createTables();
    }
    List<String> acknowledged;
    try (ChildJvm child =
        ChildJvm.start(
            JournalCrashMain.class,
            temp.resolve("child.err"),
            temp.toString(),
            TABLE,
            Integer.toString(ACKNOWLEDGED))) {
      acknowledged = child.awaitLine("COMMITTING", 120);
      child.kill();
    }
    assertThat(acknowledged)
        .containsExactlyElementsOf(
            LongStream.range(0, ACKNOWLEDGED).mapToObj(s -> "ACK " + s).toList());

    try (HikariDataSource pool = JournalCrashMain.pool(temp)) {
      PostgresChangeJournal journal =
          PostgresChangeJournal.of(pool, TABLE, PostgresChangeJournal.DEFAULT_MAX_CONTENT_BYTES);
      List<ChangeRecord> records = new ArrayList<>();
      journal.read(JournalCrashMain.SCOPE, 0, records::add);
      assertThat(records)
          .extracting(ChangeRecord::sequence)
          .containsExactlyElementsOf(LongStream.range(0, ACKNOWLEDGED).boxed().toList());
      for (ChangeRecord record : records) {
        assertThat(record.path()).isEqualTo("f" + record.sequence());
        assertThat(record.content())
            .hasValueSatisfying(
                c -> assertThat(c).isEqualTo(JournalCrashMain.content(record.sequence())));
      }
      assertThat(journal.nextSequence(JournalCrashMain.SCOPE)).isEqualTo(ACKNOWLEDGED);
      ChangeRecord next =
          journal.append(
              JournalCrashMain.SCOPE,
              JournalCrashMain.T0.plusSeconds(ACKNOWLEDGED - 1),
              "files",
              "after-crash",
              Optional.empty());
      assertThat(next.sequence())
          .as("the killed append's number is not lost")
          .isEqualTo(ACKNOWLEDGED);
    }
  }
}
