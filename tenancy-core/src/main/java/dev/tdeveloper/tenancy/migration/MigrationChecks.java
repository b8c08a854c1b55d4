package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.routing.TenantRouter;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The checks a {@link TenantMigrator} makes before it writes anything: arguments (thrown as {@link
 * IllegalArgumentException}) and state that blocks a start (listed, or thrown as {@link
 * IllegalStateException}). Thread-safe; holds no state of its own.
 */
final class MigrationChecks {
  /** The stores of a migration's two shards. */
  record Endpoints(TenantDataStore source, TenantDataStore target) {}

  private final TenantRouter router;
  private final Map<ShardId, TenantDataStore> stores;
  private final MigrationJournal journal;

  MigrationChecks(
      TenantRouter router, Map<ShardId, TenantDataStore> stores, MigrationJournal journal) {
    this.router = router;
    this.stores = Map.copyOf(stores);
    this.journal = journal;
  }

  /** Validates the arguments of a migration and returns the two shards' stores. */
  Endpoints endpoints(TenantId tenant, ShardId source, ShardId target) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if (source.equals(target)) {
      throw new IllegalArgumentException(
          String.format("target must differ from source, both were '%s'", source));
    }
    if (!router.table().contains(target)) {
      throw new IllegalArgumentException(
          String.format(
              "target shard '%s' is not one of the router's shards %s; add it to the router first",
              target, router.shards()));
    }
    return new Endpoints(store("source", source), store("target", target));
  }

  /** Returns the endpoints of a planned migration, checking its stores have not changed. */
  Endpoints endpoints(MigrationPlan plan) {
    Endpoints endpoints = endpoints(plan.tenant(), plan.source(), plan.target());
    if (!plan.sourceStore().equals(endpoints.source().name())
        || !plan.targetStore().equals(endpoints.target().name())) {
      throw new IllegalStateException(
          String.format(
              "migration %s was planned from store '%s' to '%s' but the shards now have stores"
                  + " '%s' and '%s'",
              plan.id(),
              plan.sourceStore(),
              plan.targetStore(),
              endpoints.source().name(),
              endpoints.target().name()));
    }
    return endpoints;
  }

  /** Returns the journaled migration {@code id}, which must not have finished. */
  MigrationState unfinished(UUID id) {
    Objects.requireNonNull(id, "migrationId");
    MigrationState state =
        journal
            .find(id)
            .orElseThrow(
                () -> new IllegalArgumentException("no migration " + id + " in the journal"));
    if (state.phase().isTerminal()) {
      throw new IllegalStateException(
          "migration " + id + " has already finished in phase " + state.phase());
    }
    return state;
  }

  /**
   * Returns why a migration may not start. {@code targetCount} is the tenant's record count in the
   * target if known, else negative (the target is then probed for one record if it matters).
   */
  List<String> blockers(
      TenantId tenant, ShardId source, Endpoints endpoints, boolean overwrite, long targetCount) {
    List<String> blockers = new ArrayList<>();
    ShardId routed = router.route(tenant);
    if (!routed.equals(source)) {
      blockers.add(
          String.format(
              "tenant '%s' is routed to shard '%s', not to source '%s'", tenant, routed, source));
    }
    journal
        .unfinished(tenant)
        .ifPresent(
            s ->
                blockers.add(
                    String.format(
                        "tenant '%s' has unfinished migration %s in phase %s;"
                            + " resume or abort it first",
                        tenant, s.plan().id(), s.phase())));
    boolean targetHasRecords =
        targetCount >= 0
            ? targetCount > 0
            : !overwrite && !endpoints.target().export(tenant, Optional.empty(), 1).isEmpty();
    if (!overwrite && targetHasRecords) {
      blockers.add(
          String.format(
              "tenant '%s' already has records in target store '%s';"
                  + " configure overwriteTarget(true) to replace them",
              tenant, endpoints.target().name()));
    }
    return blockers;
  }

  /** Throws if there are blockers. */
  static void requireNone(List<String> blockers) {
    if (!blockers.isEmpty()) {
      throw new IllegalStateException("cannot migrate: " + String.join("; ", blockers));
    }
  }

  private TenantDataStore store(String role, ShardId shard) {
    TenantDataStore store = stores.get(shard);
    if (store == null) {
      throw new IllegalArgumentException(
          String.format(
              "no store for %s shard '%s'; stores are for shards %s",
              role, shard, stores.keySet().stream().sorted().toList()));
    }
    return store;
  }
}
