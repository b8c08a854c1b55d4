package dev.tdeveloper.tenancy.migration;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.RoutingStrategy;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.routing.TenantRouter;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/** Two shards with scripted stores, a router, a manual clock and an event log. */
final class MigrationFixture {
  static final ShardId CELL_1 = ShardId.of("cell-1");
  static final ShardId CELL_2 = ShardId.of("cell-2");

  final ManualClock clock = new ManualClock();
  final TenantRouter router =
      TenantRouter.builder()
          .strategy(RoutingStrategy.RENDEZVOUS)
          .shard(CELL_1)
          .shard(CELL_2)
          .build();
  final ScriptedStore store1 = new ScriptedStore("store-1");
  final ScriptedStore store2 = new ScriptedStore("store-2");
  final MigrationJournal journal = MigrationJournal.inMemory();
  final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

  /** Returns a builder wired to this fixture; the clock ticks a second per reading. */
  TenantMigratorBuilder migrator() {
    InstantSource ticking =
        () -> {
          Instant now = clock.instant();
          clock.advance(Duration.ofSeconds(1));
          return now;
        };
    return TenantMigrator.builder()
        .router(router)
        .store(CELL_1, store1)
        .store(CELL_2, store2)
        .clock(ticking)
        .journal(journal)
        .listener(events::add);
  }

  /** Returns the {@code n}th tenant (from 0) that the router places on {@code shard} by hashing. */
  TenantId tenantOn(ShardId shard, int n) {
    List<TenantId> found = new ArrayList<>();
    for (int i = 0; found.size() <= n; i++) {
      TenantId tenant = TenantId.of("tenant-" + i);
      if (router.table().hashRoute(tenant).equals(shard)) {
        found.add(tenant);
      }
    }
    return found.get(n);
  }

  static List<DataRecord> records(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i -> new DataRecord(String.format("%s%05d", prefix, i), ("v" + i).getBytes(UTF_8)))
        .toList();
  }

  List<MigrationPhase> phases() {
    return events.stream()
        .filter(e -> e instanceof MigrationEvent.PhaseEntered)
        .map(e -> ((MigrationEvent.PhaseEntered) e).phase())
        .toList();
  }
}
