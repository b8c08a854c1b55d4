package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.RoutingStrategy;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.routing.TenantRouter;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a child JVM by {@link MigrationCrashTest}: migrates {@link #TENANT} from cell-1 to cell-2
 * over the file journal, in batches of {@link #BATCH}, and stops for good at batch {@code args[2]}
 * either after importing it into the target but before journaling it ({@code mid-batch}) or after
 * journaling it ({@code after-batch}), announcing the stop on stdout until the parent kills it.
 */
public final class CrashingMigratorMain {
  static final TenantId TENANT = TenantId.of("acme");
  static final ShardId CELL_1 = ShardId.of("cell-1");
  static final ShardId CELL_2 = ShardId.of("cell-2");
  static final int BATCH = 10;

  private CrashingMigratorMain() {}

  /** The router of both cells with {@link #TENANT} pinned where it lives. */
  static TenantRouter router(ShardId home) {
    return TenantRouter.builder()
        .strategy(RoutingStrategy.RENDEZVOUS)
        .shard(CELL_1)
        .shard(CELL_2)
        .pin(TENANT, home)
        .build();
  }

  static FileDataStore source(Path data) {
    return new FileDataStore("store-1", data.resolve("store-1"));
  }

  static FileDataStore target(Path data) {
    return new FileDataStore("store-2", data.resolve("store-2"));
  }

  /** Arguments: data directory, journal file, batch to stop at, {@code mid-batch|after-batch}. */
  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    Path data = Path.of(args[0]);
    int stopAt = Integer.parseInt(args[2]);
    boolean midBatch = args[3].equals("mid-batch");
    AtomicInteger imports = new AtomicInteger();
    FileDataStore target = target(data);
    TenantDataStore stopping =
        new DelegatingStore(target) {
          @Override
          public void importBatch(TenantId tenant, List<DataRecord> records) {
            super.importBatch(tenant, records);
            if (midBatch && imports.incrementAndGet() == stopAt) {
              stop("IMPORTED " + stopAt);
            }
          }
        };
    AtomicInteger journaled = new AtomicInteger();
    TenantMigrator migrator =
        TenantMigrator.builder()
            .router(router(CELL_1))
            .store(CELL_1, source(data))
            .store(CELL_2, stopping)
            .journal(MigrationJournal.openFile(Path.of(args[1])))
            .batchSize(BATCH)
            .listener(
                event -> {
                  if (event instanceof MigrationEvent.BatchCopied
                      && journaled.incrementAndGet() == stopAt
                      && !midBatch) {
                    stop("JOURNALED " + stopAt);
                  }
                })
            .build();
    migrator.migrate(migrator.plan(TENANT, CELL_1, CELL_2));
    System.out.println("COMPLETED");
  }

  private static void stop(String line) {
    System.out.println(line);
    System.out.flush();
    try {
      new CountDownLatch(1).await(); // until killed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
