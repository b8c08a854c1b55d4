package dev.tdeveloper.tenancy.routing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of a router's placement: a strategy, the shards in their stable order (the order they
 * were added) and the pins. Routing is a pure function of these: two tables with the same strategy,
 * shards and pins route every tenant alike, in any process and release (with {@link
 * RoutingStrategy#RENDEZVOUS} the order of the shards does not matter either).
 *
 * <p>Hashing: a tenant is hashed once with Guava's {@code farmHashFingerprint64} of its UTF-8 id;
 * each shard's seed is Guava's {@code murmur3_128} of its UTF-8 id, computed when the table is
 * built. Rendezvous scores a (tenant, shard) pair as the MurmurHash3 {@code fmix64} finalizer of
 * {@code tenantHash ^ shardSeed}; the highest score wins (ties, never seen in practice, go to the
 * lowest shard id). Jump hashing is {@code Hashing.consistentHash(tenantHash, shardCount)}. So
 * routing allocates only the tenant id's UTF-8 bytes and its hash code, and takes no lock.
 *
 * <p>Immutable and thread-safe.
 */
public final class RoutingTable {
  private static final HashFunction TENANT_HASH = Hashing.farmHashFingerprint64();
  private static final HashFunction SHARD_HASH = Hashing.murmur3_128();
  private static final int MAX_NAMED = 20;

  private final RoutingStrategy strategy;
  private final ImmutableList<ShardId> shards;
  private final ShardId[] shardArray;
  private final long[] shardSeeds;
  private final ImmutableMap<TenantId, ShardId> pins;
  private final long version;

  private RoutingTable(
      RoutingStrategy strategy,
      ImmutableList<ShardId> shards,
      ImmutableMap<TenantId, ShardId> pins,
      long version) {
    this.strategy = strategy;
    this.shards = shards;
    this.shardArray = shards.toArray(new ShardId[0]);
    this.shardSeeds = new long[shardArray.length];
    for (int i = 0; i < shardArray.length; i++) {
      shardSeeds[i] = SHARD_HASH.hashString(shardArray[i].value(), StandardCharsets.UTF_8).asLong();
    }
    this.pins = pins;
    this.version = version;
  }

  /**
   * Builds a table at version 0.
   *
   * @param strategy how unpinned tenants are placed
   * @param shards the shards in their stable order; at least one, no duplicates
   * @param pins tenants placed explicitly; every pinned shard must be one of {@code shards}
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if {@code shards} is empty or has a duplicate, or a pin names
   *     an unknown shard
   */
  public static RoutingTable of(
      RoutingStrategy strategy, List<ShardId> shards, Map<TenantId, ShardId> pins) {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(shards, "shards");
    Objects.requireNonNull(pins, "pins");
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("shards must not be empty: a router needs a shard");
    }
    Set<ShardId> seen = new HashSet<>();
    for (ShardId shard : shards) {
      if (!seen.add(Objects.requireNonNull(shard, "shard"))) {
        throw new IllegalArgumentException("shards has duplicate shard '" + shard + "'");
      }
    }
    pins.forEach(
        (tenant, shard) -> {
          Objects.requireNonNull(tenant, "pins key");
          if (!seen.contains(Objects.requireNonNull(shard, "pins value"))) {
            throw unknownShard("tenant '" + tenant + "' is pinned to", shard, shards);
          }
        });
    return new RoutingTable(strategy, ImmutableList.copyOf(shards), ImmutableMap.copyOf(pins), 0);
  }

  /**
   * Returns the shard that holds {@code tenant}: its pin if it has one, else the hashed shard.
   * Lock-free; allocates only what hashing the tenant id needs (its bytes and hash code).
   *
   * @throws NullPointerException if {@code tenant} is null
   */
  public ShardId route(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (!pins.isEmpty()) {
      ShardId pinned = pins.get(tenant);
      if (pinned != null) {
        return pinned;
      }
    }
    return hashRoute(tenant);
  }

  /**
   * Returns the shard the strategy places {@code tenant} on, ignoring its pin.
   *
   * @throws NullPointerException if {@code tenant} is null
   */
  public ShardId hashRoute(TenantId tenant) {
    long hash = TENANT_HASH.hashString(tenant.value(), StandardCharsets.UTF_8).asLong();
    if (strategy == RoutingStrategy.JUMP) {
      return shardArray[Hashing.consistentHash(hash, shardArray.length)];
    }
    int best = 0;
    long bestScore = score(hash, shardSeeds[0]);
    for (int i = 1; i < shardArray.length; i++) {
      long score = score(hash, shardSeeds[i]);
      if (score > bestScore
          || (score == bestScore && shardArray[i].compareTo(shardArray[best]) < 0)) {
        best = i;
        bestScore = score;
      }
    }
    return shardArray[best];
  }

  /** MurmurHash3's 64-bit finalizer: a bijective mix with full avalanche. */
  private static long score(long tenantHash, long shardSeed) {
    long k = tenantHash ^ shardSeed;
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** Returns the strategy for unpinned tenants. */
  public RoutingStrategy strategy() {
    return strategy;
  }

  /** Returns the shards in their stable order (the order they were added); never empty. */
  public List<ShardId> shards() {
    return shards;
  }

  /** Returns whether {@code shard} is one of this table's shards. */
  public boolean contains(ShardId shard) {
    return shards.contains(shard);
  }

  /** Returns the pins, tenant to shard; unmodifiable. */
  public Map<TenantId, ShardId> pins() {
    return pins;
  }

  /** Returns the shard {@code tenant} is pinned to, if it is pinned. */
  public Optional<ShardId> pinOf(TenantId tenant) {
    return Optional.ofNullable(pins.get(Objects.requireNonNull(tenant, "tenant")));
  }

  /** Returns how many changes led to this table: 0 when built, plus one per change. */
  public long version() {
    return version;
  }

  RoutingTable withShard(ShardId shard) {
    Objects.requireNonNull(shard, "shard");
    if (contains(shard)) {
      throw new IllegalArgumentException("shard '" + shard + "' is already routed to");
    }
    ImmutableList<ShardId> next =
        ImmutableList.<ShardId>builderWithExpectedSize(shards.size() + 1)
            .addAll(shards)
            .add(shard)
            .build();
    return new RoutingTable(strategy, next, pins, version + 1);
  }

  RoutingTable withoutShard(ShardId shard) {
    Objects.requireNonNull(shard, "shard");
    if (!contains(shard)) {
      throw unknownShard("cannot remove", shard, shards);
    }
    List<TenantId> pinned =
        pins.entrySet().stream()
            .filter(e -> e.getValue().equals(shard))
            .map(Map.Entry::getKey)
            .sorted()
            .collect(Collectors.toList());
    if (!pinned.isEmpty()) {
      throw new IllegalStateException(
          "cannot remove shard '"
              + shard
              + "': "
              + pinned.size()
              + " tenant(s) are pinned to it: "
              + pinned.stream().limit(MAX_NAMED).map(Object::toString).toList()
              + (pinned.size() > MAX_NAMED ? " and " + (pinned.size() - MAX_NAMED) + " more" : "")
              + "; migrate or unpin them first");
    }
    if (shards.size() == 1) {
      throw new IllegalStateException(
          "cannot remove shard '" + shard + "': it is the last shard and a router needs one");
    }
    ImmutableList<ShardId> next =
        shards.stream().filter(s -> !s.equals(shard)).collect(ImmutableList.toImmutableList());
    return new RoutingTable(strategy, next, pins, version + 1);
  }

  RoutingTable withPin(TenantId tenant, ShardId shard) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(shard, "shard");
    if (!contains(shard)) {
      throw unknownShard("cannot pin tenant '" + tenant + "' to", shard, shards);
    }
    Map<TenantId, ShardId> next = new LinkedHashMap<>(pins);
    next.put(tenant, shard);
    return new RoutingTable(strategy, shards, ImmutableMap.copyOf(next), version + 1);
  }

  RoutingTable withoutPin(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Map<TenantId, ShardId> next = new LinkedHashMap<>(pins);
    next.remove(tenant);
    return new RoutingTable(strategy, shards, ImmutableMap.copyOf(next), version + 1);
  }

  private static IllegalArgumentException unknownShard(
      String what, ShardId shard, List<ShardId> shards) {
    return new IllegalArgumentException(
        what
            + " unknown shard '"
            + shard
            + "'; known shards: "
            + shards.stream().limit(MAX_NAMED).map(Object::toString).toList()
            + (shards.size() > MAX_NAMED ? " and " + (shards.size() - MAX_NAMED) + " more" : ""));
  }

  @Override
  public String toString() {
    return "RoutingTable[strategy="
        + strategy
        + ", shards="
        + shards
        + ", pins="
        + pins.size()
        + ", version="
        + version
        + "]";
  }
}
