package dev.tdeveloper.backend.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.TestPools;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The state stores' shared access: failures as the store's exception, closing, the owned pool. */
@ExtendWith(LocalPostgresExtension.class)
class StateAccessTest {
  /** A store's own exception. */
  static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private HikariDataSource pool;

  @BeforeEach
  void open(LocalPostgres postgres) {
    pool = TestPools.superuser(postgres, LocalPostgres.DEFAULT_DATABASE, 2);
  }

  @AfterEach
  void close() {
    pool.close();
  }

  private StateAccess access(Optional<AutoCloseable> owned) {
    return new StateAccess(pool, owned, "test state ops.t", StoreException::new);
  }

  @Test
  void aDatabaseFailureNamesTheActionAndTableAndRollsBack() {
    StateAccess access = access(Optional.empty());
    assertThatThrownBy(
            () ->
                access.run(
                    "write",
                    c -> {
                      try (Statement s = c.createStatement()) {
                        s.execute("CREATE TABLE state_access_rolled_back (id int)");
                        s.execute("SELECT * FROM no_such_table");
                      }
                      return null;
                    }))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("could not write test state ops.t: ")
        .hasCauseInstanceOf(SQLException.class);
    int tables =
        access.run(
            "count",
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet row =
                      s.executeQuery(
                          "SELECT count(*) FROM pg_tables"
                              + " WHERE tablename = 'state_access_rolled_back'")) {
                row.next();
                return row.getInt(1);
              }
            });
    assertThat(tables).isZero();
  }

  @Test
  void onlyRunDecodingTurnsAnIllegalArgumentIntoTheStoresException() {
    StateAccess access = access(Optional.empty());
    assertThatThrownBy(
            () ->
                access.run(
                    "read",
                    c -> {
                      throw new IllegalArgumentException("unknown migration m");
                    }))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown migration m");
    assertThatThrownBy(
            () ->
                access.runDecoding(
                    "read",
                    c -> {
                      throw new IllegalArgumentException("bad severity 'x'");
                    }))
        .isInstanceOf(StoreException.class)
        .hasMessage("test state ops.t holds a row that is not valid: bad severity 'x'");
  }

  @Test
  void closingRefusesWorkAndClosesTheOwnedPoolOnce() {
    AtomicInteger closes = new AtomicInteger();
    StateAccess access = access(Optional.of(closes::incrementAndGet));
    access.close();
    access.close();
    assertThat(closes).hasValue(1);
    assertThatThrownBy(() -> access.run("read", c -> 1))
        .isInstanceOf(StoreException.class)
        .hasMessage("test state ops.t is closed");
  }

  @Test
  void aFailureToCloseTheOwnedPoolIsTheStoresException() {
    StateAccess access =
        access(
            Optional.of(
                () -> {
                  throw new IllegalStateException("pool stuck");
                }));
    assertThatThrownBy(access::close)
        .isInstanceOf(StoreException.class)
        .hasMessage("could not close the data source of test state ops.t")
        .hasRootCauseMessage("pool stuck");
  }
}
