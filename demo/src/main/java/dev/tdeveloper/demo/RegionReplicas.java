package dev.tdeveloper.demo;

import dev.tdeveloper.distribution.clock.ClockSkewException;
import dev.tdeveloper.distribution.clock.Hlc;
import dev.tdeveloper.distribution.crdt.CrdtCodec;
import dev.tdeveloper.distribution.crdt.OrSet;
import dev.tdeveloper.distribution.crdt.OrSetReplica;
import dev.tdeveloper.distribution.crdt.ValueCodec;
import dev.tdeveloper.distribution.health.HealthView;
import dev.tdeveloper.distribution.lag.LagSnapshot;
import dev.tdeveloper.distribution.lag.ReplicationLagMonitor;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.ResidencyEnforcer;
import dev.tdeveloper.distribution.residency.ResidencyGuardedChannel;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each region's replica of each tenant's note ids, as an add-wins OR-set ({@link OrSetReplica},
 * changed in place at the cost of each update, not of the set): a note created in one region
 * publishes the set's delta (binary, HLC-stamped) through a {@link ReplicationChannel} (in-process,
 * or Redis Streams shared by every instance with {@code --redis}) guarded by residency to every
 * other region the tenant's policy allows for replicas; once a second every healthy region applies
 * what it received and acknowledges it. A region an operator marked down applies nothing, so its
 * lag grows until the staleness SLO is breached (an event in the audit log) and recovers when it
 * comes back. The HLC's high-water mark lives in its {@link HlcStateStore} ({@code <data>/hlc}, or
 * one Redis key), so stamps stay monotonic across restarts. Thread-safe.
 *
 * <p>On a shared channel the replicas are still held in the memory of the instance that applied a
 * delivery (the apply round is leased, so one instance applies and acknowledges each delivery);
 * sequences, acknowledgements, backlog and the HLC mark are the cluster's.
 */
final class RegionReplicas {
  private static final Logger LOG = LoggerFactory.getLogger(RegionReplicas.class);
  private static final CrdtCodec<OrSet<Long>> CODEC = CrdtCodec.orSet(ValueCodec.int64());
  private static final int BATCH = 256;
  private static final int BACKLOG_CAP = 1000;

  private final RegionCatalog catalog;
  private final ReplicationChannel transport;
  private final ReplicationChannel channel;
  private final Hlc hlc;
  private final ReplicationLagMonitor lag;
  private final ResidencyEnforcer residency;
  private final HealthView health;
  private final Map<RegionId, Map<TenantId, OrSetReplica<Long>>> replicas =
      new ConcurrentHashMap<>();

  RegionReplicas(
      RegionCatalog catalog,
      ReplicationChannel transport,
      HlcStateStore hlcState,
      InstantSource clock,
      ResidencyEnforcer residency,
      HealthView health,
      Duration stalenessSlo,
      EventListener<Object> audit) {
    this.catalog = catalog;
    this.transport = transport;
    this.residency = residency;
    this.health = health;
    this.channel = new ResidencyGuardedChannel(transport, residency);
    this.hlc = Hlc.builder().physicalClock(clock).stateStore(hlcState).build();
    this.lag =
        ReplicationLagMonitor.builder()
            .clock(clock)
            .defaultStalenessSlo(stalenessSlo)
            .listener(audit::onEvent)
            .listener(event -> LOG.warn("replication: {}", event))
            .build();
  }

  /**
   * Adds note {@code noteId} of {@code tenant} to the replica in {@code origin} and publishes the
   * delta to the other regions the tenant's residency allows for replicas.
   */
  void noteCreated(TenantId tenant, RegionId origin, long noteId) {
    OrSet<Long> delta = replica(origin, tenant).add(origin, noteId);
    Set<RegionId> targets = new TreeSet<>(residency.allowedRegions(tenant, DataPurpose.REPLICA));
    targets.remove(origin);
    if (targets.isEmpty()) {
      return;
    }
    Change change =
        new Change(
            origin,
            targets,
            Optional.of(tenant),
            "notes/" + tenant.value(),
            hlc.now(),
            CODEC.encode(delta));
    lag.onPublished(channel.publish(change));
  }

  /** Lets every healthy region apply and acknowledge what it received; checks the SLOs. */
  void applyPending() {
    for (Region region : catalog.regions()) {
      if (health.isHealthy(region.id())) {
        apply(region.id(), transport.poll(region.id(), BATCH));
      }
    }
    lag.evaluate();
  }

  /**
   * Applies {@code messages} in {@code receiver}: the deltas are joined per tenant first (small
   * sets), then each tenant's replica is joined once with their join, which equals joining each
   * delta in turn (a join is associative, commutative and idempotent). Messages are acknowledged
   * once applied; a message that cannot be decoded stops the round after what came before it is
   * applied and acknowledged.
   */
  private void apply(RegionId receiver, List<ReplicationMessage> messages) {
    Map<TenantId, OrSet<Long>> joined = new HashMap<>();
    int decoded = 0;
    try {
      for (ReplicationMessage message : messages) {
        Change change = message.change();
        try {
          hlc.update(change.stamp());
        } catch (ClockSkewException e) {
          LOG.warn("replication to {}: {}", receiver, e.getMessage());
        }
        OrSet<Long> delta = CODEC.decode(change.payload());
        joined.merge(change.tenant().orElseThrow(), delta, OrSet::merge);
        decoded++;
      }
    } finally {
      joined.forEach((tenant, delta) -> replica(receiver, tenant).join(delta));
      // Acknowledgements and applied marks are cumulative per origin: the last message of each
      // origin stands for every earlier one (the poll answers in sequence order per origin).
      Map<RegionId, ReplicationMessage> lastByOrigin = new HashMap<>();
      for (ReplicationMessage message : messages.subList(0, decoded)) {
        lastByOrigin.put(message.change().origin(), message);
      }
      lastByOrigin.forEach(
          (origin, message) -> {
            transport.acknowledge(receiver, origin, message.sequence());
            lag.onApplied(receiver, message);
          });
    }
  }

  private OrSetReplica<Long> replica(RegionId region, TenantId tenant) {
    return replicas
        .computeIfAbsent(region, r -> new ConcurrentHashMap<>())
        .computeIfAbsent(tenant, t -> new OrSetReplica<>());
  }

  /** Returns how many note ids each region holds per tenant (regions in file order). */
  Map<String, Map<String, Integer>> counts() {
    Map<String, Map<String, Integer>> view = new LinkedHashMap<>();
    for (Region region : catalog.regions()) {
      Map<String, Integer> perTenant = new TreeMap<>();
      replicas
          .getOrDefault(region.id(), Map.of())
          .forEach((t, set) -> perTenant.put(t.value(), set.size()));
      view.put(region.id().value(), perTenant);
    }
    return view;
  }

  /** Returns, per tenant, the regions whose replica holds at least one of its note ids. */
  Map<TenantId, Set<RegionId>> holders() {
    Map<TenantId, Set<RegionId>> view = new TreeMap<>();
    replicas.forEach(
        (region, perTenant) ->
            perTenant.forEach(
                (tenant, set) -> {
                  if (set.size() > 0) {
                    view.computeIfAbsent(tenant, t -> new TreeSet<>()).add(region);
                  }
                }));
    return view;
  }

  /** Returns the replication lag per region pair and per tenant. */
  LagSnapshot lag() {
    return lag.snapshot();
  }

  /**
   * Returns the deliveries awaiting acknowledgement, one per message and target region (at most
   * {@value #BACKLOG_CAP} counted per region), read from the channel without consuming anything.
   */
  long backlog() {
    long pending = 0;
    for (Region region : catalog.regions()) {
      pending += transport.poll(region.id(), BACKLOG_CAP).size();
    }
    return pending;
  }
}
