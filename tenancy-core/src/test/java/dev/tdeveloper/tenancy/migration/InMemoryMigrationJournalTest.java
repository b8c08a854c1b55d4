package dev.tdeveloper.tenancy.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.testkit.MigrationJournalContract;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryMigrationJournalTest extends MigrationJournalContract {
  @Override
  protected MigrationJournal newJournal() {
    return MigrationJournal.inMemory();
  }

  @Test
  void statesValidateTheirFields() {
    MigrationState acme = planned("acme", 1);
    assertThatThrownBy(() -> acme.finished(MigrationPhase.COPYING, "x", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be terminal");
    assertThatThrownBy(
            () ->
                new MigrationPlan(
                    UUID.randomUUID(),
                    TenantId.of("a"),
                    ShardId.of("c"),
                    ShardId.of("c"),
                    "s",
                    "t",
                    0,
                    Checksum.EMPTY,
                    false,
                    T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target must differ from source");
    assertThat(acme.copied("k9", 10, T0).copied("k19", 10, T0).copiedRecords()).isEqualTo(20);
  }
}
