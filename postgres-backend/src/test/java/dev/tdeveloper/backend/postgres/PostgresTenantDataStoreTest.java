package dev.tdeveloper.backend.postgres;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.migration.MigrationPhase;
import dev.tdeveloper.tenancy.migration.MigrationPlan;
import dev.tdeveloper.tenancy.migration.TenantMigrator;
import dev.tdeveloper.tenancy.routing.RoutingStrategy;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.routing.TenantRouter;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(LocalPostgresExtension.class)
class PostgresTenantDataStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static int counter;

  private final LocalPostgres postgres;

  PostgresTenantDataStoreTest(LocalPostgres postgres) {
    this.postgres = postgres;
  }

  private Fixture fixture(IsolationMode mode, String... tenants) throws SQLException {
    Fixture fixture;
    synchronized (PostgresTenantDataStoreTest.class) {
      fixture =
          new Fixture(
              postgres,
              mode,
              "store" + (++counter),
              2,
              List.of(PostgresTenantDataStore.table(mode)));
    }
    fixture.provision(tenants);
    return fixture;
  }

  private static DataRecord record(String key, String value) {
    return new DataRecord(key, value.getBytes(UTF_8));
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void hostileKeysStayInsideTheirTenant(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode, "acme", "globex")) {
      PostgresTenantDataStore store = PostgresTenantDataStore.of("pg", f.dataSource);
      List<String> keys =
          List.of(
              "'; DELETE FROM tenant_records; --",
              "globex",
              f.storage.storageName(GLOBEX) + ".tenant_records",
              "k\\' OR '1'='1");
      List<DataRecord> acme = keys.stream().map(k -> record(k, "acme:" + k)).toList();
      List<DataRecord> globex = keys.stream().map(k -> record(k, "globex:" + k)).toList();
      store.importBatch(ACME, acme);
      store.importBatch(GLOBEX, globex);

      assertThat(store.export(ACME, Optional.empty(), 100))
          .containsExactlyInAnyOrderElementsOf(acme);
      assertThat(store.export(ACME, Optional.of("'"), 100))
          .allSatisfy(r -> assertThat(new String(r.value(), UTF_8)).startsWith("acme:"));
      assertThat(store.deleteAll(ACME)).isEqualTo(keys.size());
      assertThat(store.checksum(GLOBEX)).isEqualTo(Checksum.of(globex));
      assertThat(storedValues(f, GLOBEX))
          .hasSize(keys.size())
          .allMatch(v -> v.startsWith("globex:"));
      assertThat(storedValues(f, ACME)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void aTenantWithoutStorageGetsNothingAndWritesNothing(IsolationMode mode) throws Exception {
    try (Fixture f = fixture(mode, "acme")) {
      PostgresTenantDataStore store = PostgresTenantDataStore.of("pg", f.dataSource);
      store.importBatch(ACME, List.of(record("k", "acme")));
      TenantId stranger = TenantId.of("stranger");
      assertThatThrownBy(() -> store.importBatch(stranger, List.of(record("k", "x"))))
          .isInstanceOf(PostgresBackendException.class)
          .hasMessageContaining("tenant 'stranger'");
      if (mode == IsolationMode.ROW) {
        assertThat(store.export(stranger, Optional.empty(), 10)).isEmpty(); // no valid binding
      }
      assertThat(store.export(ACME, Optional.empty(), 10)).containsExactly(record("k", "acme"));
    }
  }

  @Test
  void checksRatherThanGuessesItsTable() {
    assertThatThrownBy(() -> PostgresTenantDataStore.table(IsolationMode.ROW, "Records"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name must match");
    assertThat(PostgresTenantDataStore.table(IsolationMode.ROW).columns())
        .contains("PRIMARY KEY (tenant_id, record_key)");
    assertThat(PostgresTenantDataStore.table(IsolationMode.SCHEMA).columns())
        .contains("PRIMARY KEY (record_key)")
        .contains("COLLATE \"C\"");
  }

  @Test
  void movesATenantAcrossIsolationModesWithTheMigrator() throws Exception {
    ShardId rows = ShardId.of("rows");
    ShardId databases = ShardId.of("databases");
    ShardId schemas = ShardId.of("schemas");
    TenantRouter router =
        TenantRouter.builder()
            .strategy(RoutingStrategy.RENDEZVOUS)
            .shard(rows)
            .shard(databases)
            .shard(schemas)
            .build();
    TenantId tenant = tenantOn(router, rows);
    try (Fixture row = fixture(IsolationMode.ROW, tenant.value(), "bystander");
        Fixture database = fixture(IsolationMode.DATABASE, tenant.value());
        Fixture schema = fixture(IsolationMode.SCHEMA, tenant.value())) {
      PostgresTenantDataStore rowStore = PostgresTenantDataStore.of("pg-row", row.dataSource);
      PostgresTenantDataStore databaseStore =
          PostgresTenantDataStore.of("pg-database", database.dataSource);
      PostgresTenantDataStore schemaStore =
          PostgresTenantDataStore.of("pg-schema", schema.dataSource);
      List<DataRecord> records = new ArrayList<>();
      for (int i = 0; i < 1_234; i++) {
        records.add(new DataRecord(String.format("k%05d", i), new byte[] {(byte) i, 0, -1}));
      }
      rowStore.importBatch(tenant, records);
      rowStore.importBatch(TenantId.of("bystander"), List.of(record("k00001", "stays")));
      TenantMigrator migrator =
          TenantMigrator.builder()
              .router(router)
              .store(rows, rowStore)
              .store(databases, databaseStore)
              .store(schemas, schemaStore)
              .batchSize(100)
              .build();

      MigrationPlan first = migrator.plan(tenant, rows, databases);
      assertThat(first.sourceChecksum()).isEqualTo(Checksum.of(records));
      assertThat(migrator.migrate(first).phase()).isEqualTo(MigrationPhase.COMPLETED);
      assertThat(migrator.migrate(migrator.plan(tenant, databases, schemas)).phase())
          .isEqualTo(MigrationPhase.COMPLETED);

      assertThat(schemaStore.checksum(tenant)).isEqualTo(Checksum.of(records));
      assertThat(schemaStore.export(tenant, Optional.of("k01229"), 10))
          .containsExactlyElementsOf(records.subList(1_230, 1_234));
      assertThat(rowStore.checksum(tenant)).isEqualTo(Checksum.EMPTY);
      assertThat(databaseStore.checksum(tenant)).isEqualTo(Checksum.EMPTY);
      assertThat(rowStore.export(TenantId.of("bystander"), Optional.empty(), 10))
          .containsExactly(record("k00001", "stays"));
      assertThat(router.route(tenant)).isEqualTo(schemas);
    }
  }

  private static TenantId tenantOn(TenantRouter router, ShardId shard) {
    for (int i = 0; ; i++) {
      TenantId tenant = TenantId.of("mover-" + i);
      if (router.table().hashRoute(tenant).equals(shard)) {
        return tenant;
      }
    }
  }

  /** The values stored for {@code tenant}, read as the superuser around every guard. */
  private List<String> storedValues(Fixture f, TenantId tenant) throws SQLException {
    String database = f.mode == IsolationMode.DATABASE ? f.storage.storageName(tenant) : f.database;
    String from =
        switch (f.mode) {
          case ROW -> "tenant_records WHERE tenant_id = '" + tenant + "'";
          case SCHEMA -> f.storage.storageName(tenant) + ".tenant_records";
          case DATABASE -> "tenant_records";
        };
    List<String> values = new ArrayList<>();
    try (Connection admin = postgres.connect(database);
        Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT convert_from(record_value, 'UTF8') FROM " + from)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
