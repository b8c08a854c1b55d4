package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.routing.TenantRouter;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link TenantMigrator}: the router to cut tenants over in, the store of each shard,
 * and optionally the clock, journal, batch size, target overwriting and listeners. Each setting may
 * be given once. Not thread-safe; {@link #build()} copies the configuration.
 */
public final class TenantMigratorBuilder {
  /** The default number of records copied per batch: {@value}. */
  public static final int DEFAULT_BATCH_SIZE = 500;

  private TenantRouter router;
  private final Map<ShardId, TenantDataStore> stores = new LinkedHashMap<>();
  private InstantSource clock;
  private MigrationJournal journal;
  private Integer batchSize;
  private Boolean overwriteTarget;
  private final List<EventListener<? super MigrationEvent>> listeners = new ArrayList<>();

  TenantMigratorBuilder() {}

  /** Sets the router that tenants are cut over in (required). */
  public TenantMigratorBuilder router(TenantRouter router) {
    Objects.requireNonNull(router, "router");
    once(this.router, "router");
    this.router = router;
    return this;
  }

  /**
   * Registers the store that holds the data of the tenants on {@code shard}.
   *
   * @throws IllegalArgumentException if the shard already has a store, or the store is already
   *     registered for another shard
   */
  public TenantMigratorBuilder store(ShardId shard, TenantDataStore store) {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(store, "store");
    if (stores.containsKey(shard)) {
      throw new IllegalArgumentException(
          "shard '" + shard + "' already has store '" + stores.get(shard).name() + "'");
    }
    stores.forEach(
        (other, existing) -> {
          if (existing == store || existing.name().equals(store.name())) {
            throw new IllegalArgumentException(
                "store '" + store.name() + "' is already registered for shard '" + other + "'");
          }
        });
    stores.put(shard, store);
    return this;
  }

  /** Sets the wall clock for the journal and events; default {@link InstantSource#system()}. */
  public TenantMigratorBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    once(this.clock, "clock");
    this.clock = clock;
    return this;
  }

  /** Sets the journal; default {@link MigrationJournal#inMemory()}. */
  public TenantMigratorBuilder journal(MigrationJournal journal) {
    Objects.requireNonNull(journal, "journal");
    once(this.journal, "journal");
    this.journal = journal;
    return this;
  }

  /**
   * Sets how many records are copied (and journaled) per batch; default {@value
   * #DEFAULT_BATCH_SIZE}.
   *
   * @throws IllegalArgumentException if not within 1 and {@link TenantDataStore#MAX_BATCH_SIZE}
   */
  public TenantMigratorBuilder batchSize(int batchSize) {
    if (batchSize < 1 || batchSize > TenantDataStore.MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "batchSize must be within 1 and "
              + TenantDataStore.MAX_BATCH_SIZE
              + ", was "
              + batchSize);
    }
    once(this.batchSize, "batchSize");
    this.batchSize = batchSize;
    return this;
  }

  /**
   * Sets whether a migration may start when the tenant already has records in the target, which are
   * then deleted before the copy; default false (such a migration is refused).
   */
  public TenantMigratorBuilder overwriteTarget(boolean overwriteTarget) {
    once(this.overwriteTarget, "overwriteTarget");
    this.overwriteTarget = overwriteTarget;
    return this;
  }

  /** Adds a listener for the migrator's events. */
  public TenantMigratorBuilder listener(EventListener<? super MigrationEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the migrator.
   *
   * @throws IllegalStateException if no router was set or fewer than two stores were registered
   */
  public TenantMigrator build() {
    if (router == null) {
      throw new IllegalStateException("router is required");
    }
    if (stores.size() < 2) {
      throw new IllegalStateException(
          "at least two stores are required (one per shard), got " + stores.size());
    }
    return new TenantMigrator(
        router,
        stores,
        clock == null ? InstantSource.system() : clock,
        journal == null ? MigrationJournal.inMemory() : journal,
        batchSize == null ? DEFAULT_BATCH_SIZE : batchSize,
        overwriteTarget != null && overwriteTarget,
        Listeners.of(listeners));
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set to " + current);
    }
  }
}
