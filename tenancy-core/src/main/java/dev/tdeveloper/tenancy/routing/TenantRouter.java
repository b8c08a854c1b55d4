package dev.tdeveloper.tenancy.routing;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Maps each tenant to the cell or shard that holds its data: a pinned tenant goes to its pin, any
 * other tenant to the shard its {@link RoutingStrategy} picks. Used to spread tenants over cells
 * and to cut a tenant over to a new cell after a migration.
 *
 * <p>Thread-safe and lock-free: the router holds an immutable {@link RoutingTable} in an atomic
 * reference. {@link #route} reads the current table and allocates only what hashing the tenant id
 * needs; changes build a new table and swap it in atomically (retrying on a concurrent change),
 * then publish a {@link RouterEvent}. A reader sees either the whole change or none of it.
 */
public final class TenantRouter {
  private final AtomicReference<RoutingTable> table;
  private final Listeners<RouterEvent> listeners;

  private TenantRouter(RoutingTable initial, Listeners<RouterEvent> listeners) {
    this.table = new AtomicReference<>(initial);
    this.listeners = listeners;
  }

  /** Returns a builder; the strategy defaults to {@link RoutingStrategy#RENDEZVOUS}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the shard that holds {@code tenant}: its pin if pinned, else the hashed shard.
   *
   * @throws NullPointerException if {@code tenant} is null
   */
  public ShardId route(TenantId tenant) {
    return table.get().route(tenant);
  }

  /** Returns the current routing table, to route many tenants against one consistent version. */
  public RoutingTable table() {
    return table.get();
  }

  /** Returns the current shards in their stable order. */
  public List<ShardId> shards() {
    return table.get().shards();
  }

  /** Returns the shard {@code tenant} is pinned to, if it is pinned. */
  public Optional<ShardId> pinOf(TenantId tenant) {
    return table.get().pinOf(tenant);
  }

  /**
   * Adds a shard at the end of the stable order. About {@code 1/n} of the unpinned tenants move to
   * it, with either strategy.
   *
   * @throws NullPointerException if {@code shard} is null
   * @throws IllegalArgumentException if the shard is already routed to; nothing changes
   */
  public void addShard(ShardId shard) {
    RoutingTable next = change(current -> current.withShard(shard));
    listeners.publish(new RouterEvent.ShardAdded(shard, next.version()));
  }

  /**
   * Removes a shard. With {@link RoutingStrategy#RENDEZVOUS} only that shard's tenants move; with
   * {@link RoutingStrategy#JUMP} removing any shard but the last moves many tenants.
   *
   * @throws NullPointerException if {@code shard} is null
   * @throws IllegalArgumentException if the shard is unknown; nothing changes
   * @throws IllegalStateException if tenants are pinned to it (the message names them), or it is
   *     the last shard; nothing changes
   */
  public void removeShard(ShardId shard) {
    RoutingTable next = change(current -> current.withoutShard(shard));
    listeners.publish(new RouterEvent.ShardRemoved(shard, next.version()));
  }

  /**
   * Pins {@code tenant} to {@code shard}, overriding the hash. Pinning a tenant to the shard it is
   * already pinned to changes nothing and publishes nothing.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code shard} is not one of the router's shards; nothing
   *     changes
   */
  public void pin(TenantId tenant, ShardId shard) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(shard, "shard");
    while (true) {
      RoutingTable current = table.get();
      Optional<ShardId> previous = current.pinOf(tenant);
      if (previous.isPresent() && previous.get().equals(shard)) {
        return;
      }
      RoutingTable next = current.withPin(tenant, shard);
      if (table.compareAndSet(current, next)) {
        listeners.publish(new RouterEvent.TenantPinned(tenant, shard, previous, next.version()));
        return;
      }
    }
  }

  /**
   * Removes the pin of {@code tenant}, so it is routed by hashing again.
   *
   * @return the shard it was pinned to, or empty (and nothing changes) if it was not pinned
   * @throws NullPointerException if {@code tenant} is null
   */
  public Optional<ShardId> unpin(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    while (true) {
      RoutingTable current = table.get();
      Optional<ShardId> previous = current.pinOf(tenant);
      if (previous.isEmpty()) {
        return previous;
      }
      RoutingTable next = current.withoutPin(tenant);
      if (table.compareAndSet(current, next)) {
        listeners.publish(new RouterEvent.TenantUnpinned(tenant, previous.get(), next.version()));
        return previous;
      }
    }
  }

  /**
   * Applies a side-effect-free change, retrying on contention; a throwing change changes nothing.
   */
  private RoutingTable change(UnaryOperator<RoutingTable> change) {
    while (true) {
      RoutingTable current = table.get();
      RoutingTable next = change.apply(current);
      if (table.compareAndSet(current, next)) {
        return next;
      }
    }
  }

  @Override
  public String toString() {
    return "TenantRouter[" + table.get() + "]";
  }

  /**
   * Configures a {@link TenantRouter}. Not thread-safe; {@link #build()} copies the configuration,
   * so a built router never changes with the builder.
   */
  public static final class Builder {
    private RoutingStrategy strategy;
    private final Set<ShardId> shards = new LinkedHashSet<>();
    private final Map<TenantId, ShardId> pins = new LinkedHashMap<>();
    private final List<EventListener<? super RouterEvent>> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets how unpinned tenants are placed; default {@link RoutingStrategy#RENDEZVOUS}.
     *
     * @throws IllegalStateException if the strategy was already set
     */
    public Builder strategy(RoutingStrategy strategy) {
      Objects.requireNonNull(strategy, "strategy");
      if (this.strategy != null) {
        throw new IllegalStateException("strategy was already set to " + this.strategy);
      }
      this.strategy = strategy;
      return this;
    }

    /**
     * Appends a shard to the stable order.
     *
     * @throws IllegalArgumentException if the shard was already added
     */
    public Builder shard(ShardId shard) {
      Objects.requireNonNull(shard, "shard");
      if (!shards.add(shard)) {
        throw new IllegalArgumentException("shard '" + shard + "' was already added");
      }
      return this;
    }

    /** Appends shards in order, as {@link #shard(ShardId)} does for each. */
    public Builder shards(List<ShardId> shards) {
      Objects.requireNonNull(shards, "shards").forEach(this::shard);
      return this;
    }

    /**
     * Pins {@code tenant} to {@code shard}, which must be added by the time of {@link #build()}.
     */
    public Builder pin(TenantId tenant, ShardId shard) {
      pins.put(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(shard, "shard"));
      return this;
    }

    /** Adds a listener for the router's events. */
    public Builder listener(EventListener<? super RouterEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the router.
     *
     * @throws IllegalStateException if no shard was added
     * @throws IllegalArgumentException if a pin names a shard that was not added
     */
    public TenantRouter build() {
      if (shards.isEmpty()) {
        throw new IllegalStateException("no shard was added: a router needs at least one shard");
      }
      RoutingTable initial =
          RoutingTable.of(
              strategy == null ? RoutingStrategy.RENDEZVOUS : strategy, List.copyOf(shards), pins);
      return new TenantRouter(initial, Listeners.of(listeners));
    }
  }
}
