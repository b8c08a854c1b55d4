package dev.tdeveloper.tenancy.routing;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TenantRouter} publishes to its listeners after each change of its routing table.
 * Every event carries the {@link RoutingTable#version() version} of the table the change produced.
 *
 * <p>Events are immutable and thread-safe.
 */
public sealed interface RouterEvent {
  /** Returns the version of the routing table after the change. */
  long version();

  /**
   * A shard was added.
   *
   * @param shard the new shard
   * @param version the table version after the change
   */
  record ShardAdded(ShardId shard, long version) implements RouterEvent {
    /** Validates the fields. */
    public ShardAdded {
      Objects.requireNonNull(shard, "shard");
    }
  }

  /**
   * A shard was removed.
   *
   * @param shard the removed shard
   * @param version the table version after the change
   */
  record ShardRemoved(ShardId shard, long version) implements RouterEvent {
    /** Validates the fields. */
    public ShardRemoved {
      Objects.requireNonNull(shard, "shard");
    }
  }

  /**
   * A tenant was pinned to a shard.
   *
   * @param tenant the pinned tenant
   * @param shard the shard it is pinned to
   * @param previous the shard it was pinned to before, if any
   * @param version the table version after the change
   */
  record TenantPinned(TenantId tenant, ShardId shard, Optional<ShardId> previous, long version)
      implements RouterEvent {
    /** Validates the fields. */
    public TenantPinned {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(shard, "shard");
      Objects.requireNonNull(previous, "previous");
    }
  }

  /**
   * A tenant's pin was removed; it is routed by hashing again.
   *
   * @param tenant the tenant
   * @param previous the shard it was pinned to
   * @param version the table version after the change
   */
  record TenantUnpinned(TenantId tenant, ShardId previous, long version) implements RouterEvent {
    /** Validates the fields. */
    public TenantUnpinned {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(previous, "previous");
    }
  }
}
