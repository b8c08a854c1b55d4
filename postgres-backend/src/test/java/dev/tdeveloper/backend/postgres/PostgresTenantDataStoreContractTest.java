package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import dev.tdeveloper.tenancy.testkit.TenantDataStoreContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/** tenancy-testkit's {@link TenantDataStoreContract}, in each isolation mode. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresTenantDataStoreContractTest {
  private static final Map<IsolationMode, Fixture> FIXTURES = new EnumMap<>(IsolationMode.class);

  /** The store's storage in {@code mode}, made once; ACME and GLOBEX provisioned. */
  static synchronized Fixture fixture(LocalPostgres postgres, IsolationMode mode) {
    return FIXTURES.computeIfAbsent(
        mode,
        m -> {
          try {
            Fixture f =
                new Fixture(
                    postgres, m, "store_contract", 4, List.of(PostgresTenantDataStore.table(m)));
            f.provision("acme", "globex");
            return f;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @AfterAll
  static synchronized void closeFixtures() {
    FIXTURES.values().forEach(Fixture::close);
    FIXTURES.clear();
  }

  private abstract static class InMode extends TenantDataStoreContract {
    private final LocalPostgres postgres;
    private final IsolationMode mode;

    InMode(LocalPostgres postgres, IsolationMode mode) {
      this.postgres = postgres;
      this.mode = mode;
    }

    @Override
    protected TenantDataStore createStore() {
      PostgresTenantDataStore fresh =
          PostgresTenantDataStore.of("postgres-" + mode, fixture(postgres, mode).dataSource);
      fresh.deleteAll(ACME);
      fresh.deleteAll(GLOBEX);
      return fresh;
    }
  }

  @Nested
  class Row extends InMode {
    Row(LocalPostgres postgres) {
      super(postgres, IsolationMode.ROW);
    }
  }

  @Nested
  class Schema extends InMode {
    Schema(LocalPostgres postgres) {
      super(postgres, IsolationMode.SCHEMA);
    }
  }

  @Nested
  class Database extends InMode {
    Database(LocalPostgres postgres) {
      super(postgres, IsolationMode.DATABASE);
    }
  }
}
