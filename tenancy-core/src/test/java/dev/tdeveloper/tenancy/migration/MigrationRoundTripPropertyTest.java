package dev.tdeveloper.tenancy.migration;

import static dev.tdeveloper.tenancy.migration.MigrationFixture.CELL_1;
import static dev.tdeveloper.tenancy.migration.MigrationFixture.CELL_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.DataRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class MigrationRoundTripPropertyTest {
  @Provide
  Arbitrary<Map<String, byte[]>> contents() {
    Arbitrary<String> keys =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('0', '-', '/', '\u00e9', '\u20ac', '\uffff')
            .ofMinLength(1)
            .ofMaxLength(12)
            .map(k -> k.hashCode() % 5 == 0 ? k + "\ud83d\ude00" : k);
    Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    return Arbitraries.maps(keys, values).ofMaxSize(60);
  }

  /** Whatever a tenant holds, migrating it leaves the target with exactly the source's records. */
  @Property(tries = 150)
  void migrationCopiesExactlyTheSourceRecords(
      @ForAll("contents") Map<String, byte[]> contents,
      @ForAll @IntRange(min = 1, max = 9) int batchSize) {
    MigrationFixture fx = new MigrationFixture();
    TenantId tenant = fx.tenantOn(CELL_1, 0);
    TenantId neighbour = fx.tenantOn(CELL_1, 1);
    Map<String, byte[]> sorted = new TreeMap<>(DataRecord.KEY_ORDER);
    sorted.putAll(contents);
    List<DataRecord> records =
        sorted.entrySet().stream().map(e -> new DataRecord(e.getKey(), e.getValue())).toList();
    fx.store1.delegate.importBatch(tenant, records);
    fx.store1.delegate.importBatch(neighbour, records);
    TenantMigrator migrator = fx.migrator().batchSize(batchSize).build();

    MigrationState done = migrator.migrate(migrator.plan(tenant, CELL_1, CELL_2));

    assertThat(done.phase()).isEqualTo(MigrationPhase.COMPLETED);
    assertThat(done.copiedRecords()).isEqualTo(records.size());
    assertThat(fx.store2.all(tenant)).containsExactlyElementsOf(records);
    assertThat(fx.store1.all(tenant)).isEmpty();
    assertThat(fx.store1.all(neighbour)).containsExactlyElementsOf(records);
    assertThat(fx.router.route(tenant)).isEqualTo(CELL_2);
  }
}
