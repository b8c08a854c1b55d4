package dev.tdeveloper.distribution.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.InProcessReplicationChannel;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReplicationLagMonitorTest {
  private static final RegionId EU = RegionId.of("eu-west-1");
  private static final RegionId US = RegionId.of("us-east-1");
  private static final RegionId AP = RegionId.of("ap-south-1");
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<LagEvent> events = new CopyOnWriteArrayList<>();
  private final InProcessReplicationChannel channel = new InProcessReplicationChannel();

  private ReplicationLagMonitor monitor() {
    return ReplicationLagMonitor.builder()
        .clock(clock)
        .defaultStalenessSlo(Duration.ofSeconds(30))
        .stalenessSlo(GLOBEX, Duration.ofSeconds(5))
        .listener(events::add)
        .build();
  }

  /** Publishes a change of {@code tenant} stamped now. */
  private ReplicationMessage publish(
      ReplicationLagMonitor monitor, RegionId origin, Optional<TenantId> tenant, RegionId... to) {
    ReplicationMessage message =
        channel.publish(
            new Change(
                origin,
                Set.of(to),
                tenant,
                "notes/x",
                new HlcTimestamp(clock.millis(), 0),
                new byte[] {1}));
    monitor.onPublished(message);
    return message;
  }

  private ReplicationMessage publish(
      ReplicationLagMonitor monitor, RegionId origin, TenantId tenant, RegionId... to) {
    return publish(monitor, origin, Optional.of(tenant), to);
  }

  @Test
  void measuresLagInOperationsAndTimeFromTheOldestUnappliedChange() {
    ReplicationLagMonitor monitor = monitor();
    ReplicationMessage first = publish(monitor, EU, ACME, US, AP);
    clock.advance(Duration.ofSeconds(2));
    ReplicationMessage second = publish(monitor, EU, ACME, US);
    clock.advance(Duration.ofSeconds(3));

    assertThat(monitor.lag(EU, US)).isEqualTo(new PairLag(EU, US, 2, Duration.ofSeconds(5)));
    assertThat(monitor.lag(EU, AP)).isEqualTo(new PairLag(EU, AP, 1, Duration.ofSeconds(5)));

    monitor.onApplied(US, first);
    assertThat(monitor.lag(EU, US)).isEqualTo(new PairLag(EU, US, 1, Duration.ofSeconds(3)));
    monitor.onApplied(US, second);
    assertThat(monitor.lag(EU, US)).isEqualTo(new PairLag(EU, US, 0, Duration.ZERO));
    assertThat(monitor.lag(ACME, EU, US))
        .isEqualTo(new TenantLag(ACME, EU, US, 0, Duration.ZERO, Duration.ofSeconds(30), false));
    assertThat(monitor.lag(US, EU)).isEqualTo(new PairLag(US, EU, 0, Duration.ZERO));
  }

  @Test
  void applyingIsCumulativeAndDuplicatesChangeNothing() {
    ReplicationLagMonitor monitor = monitor();
    ReplicationMessage m1 = publish(monitor, EU, ACME, US);
    publish(monitor, EU, ACME, US);
    ReplicationMessage m3 = publish(monitor, EU, ACME, US);
    monitor.onPublished(m3);
    assertThat(monitor.lag(EU, US).operations()).isEqualTo(3);

    monitor.onApplied(US, m3);
    monitor.onApplied(US, m1);
    monitor.onApplied(US, m3);
    assertThat(monitor.lag(EU, US).operations()).isZero();
  }

  @Test
  void aChangeAppliedBeforeItWasSeenPublishedIsNotCounted() {
    ReplicationLagMonitor monitor = monitor();
    ReplicationMessage m = channel.publish(change(EU, ACME, US));
    monitor.onApplied(US, m);
    monitor.onPublished(m);
    assertThat(monitor.lag(EU, US).operations()).isZero();
  }

  @Test
  void emitsABreachOnceAndARecoveryOnce() {
    ReplicationLagMonitor monitor = monitor();
    ReplicationMessage m = publish(monitor, EU, ACME, US);
    clock.advance(Duration.ofSeconds(30));
    monitor.evaluate();
    assertThat(events).as("exactly at the SLO is within it").isEmpty();

    clock.advance(Duration.ofSeconds(1));
    monitor.evaluate();
    monitor.evaluate();
    publish(monitor, EU, ACME, US);
    clock.advance(Duration.ofSeconds(10));
    monitor.evaluate();
    Instant breachedAt = Instant.parse("2026-01-01T00:00:31Z");
    assertThat(events)
        .containsExactly(
            new LagEvent.StalenessSloBreached(
                ACME, EU, US, Duration.ofSeconds(31), Duration.ofSeconds(30), 1, breachedAt));
    assertThat(monitor.lag(ACME, EU, US).breached()).isTrue();

    monitor.onApplied(US, m);
    assertThat(events)
        .hasSize(2)
        .last()
        .isEqualTo(
            new LagEvent.StalenessSloRecovered(
                ACME,
                EU,
                US,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Instant.parse("2026-01-01T00:00:41Z")));
    monitor.evaluate();
    assertThat(events).hasSize(2);
    assertThat(monitor.lag(ACME, EU, US).breached()).isFalse();
  }

  @Test
  void oneTenantsBacklogNeverShowsAsAnothersLagNorTriggersItsSlo() {
    ReplicationLagMonitor monitor = monitor();
    for (int i = 0; i < 50; i++) {
      publish(monitor, US, ACME, EU);
    }
    clock.advance(Duration.ofMinutes(10));
    publish(monitor, US, GLOBEX, EU);
    clock.advance(Duration.ofSeconds(4));
    monitor.evaluate();

    assertThat(monitor.lag(US, EU)).isEqualTo(new PairLag(US, EU, 51, Duration.ofSeconds(604)));
    assertThat(monitor.lag(GLOBEX, US, EU))
        .as("GLOBEX's 5 s SLO: its own change is 4 s old, ACME's 10 min backlog is not its lag")
        .isEqualTo(
            new TenantLag(GLOBEX, US, EU, 1, Duration.ofSeconds(4), Duration.ofSeconds(5), false));
    assertThat(monitor.lag(ACME, US, EU).operations()).isEqualTo(50);
    assertThat(events).extracting(LagEvent::tenant).containsExactly(ACME);

    clock.advance(Duration.ofSeconds(2));
    monitor.evaluate();
    assertThat(events)
        .filteredOn(e -> e.tenant().equals(GLOBEX))
        .singleElement()
        .satisfies(
            e ->
                assertThat(((LagEvent.StalenessSloBreached) e).operations())
                    .as("only GLOBEX's operations")
                    .isEqualTo(1));
  }

  @Test
  void aTenantWithNoBacklogIsNeverBreachedByAnotherTenantsBacklog() {
    ReplicationLagMonitor monitor = monitor();
    ReplicationMessage acmeOld = publish(monitor, EU, ACME, US);
    clock.advance(Duration.ofMinutes(5));
    ReplicationMessage globexNew = publish(monitor, AP, GLOBEX, US);
    monitor.evaluate();
    assertThat(monitor.lag(GLOBEX, AP, US).lag()).isZero();
    assertThat(monitor.lag(GLOBEX, EU, US).operations()).isZero();
    assertThat(events).extracting(LagEvent::tenant).containsExactly(ACME);
    assertThat(acmeOld.change().tenant()).contains(ACME);
    assertThat(globexNew.change().tenant()).contains(GLOBEX);
  }

  @Test
  void changesOfNoTenantCountForThePairOnly() {
    ReplicationLagMonitor monitor = monitor();
    publish(monitor, EU, Optional.empty(), US);
    clock.advance(Duration.ofHours(1));
    monitor.evaluate();
    assertThat(monitor.lag(EU, US)).isEqualTo(new PairLag(EU, US, 1, Duration.ofHours(1)));
    assertThat(monitor.snapshot().tenants()).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void snapshotListsEveryPairAndTenantInOrder() {
    ReplicationLagMonitor monitor = monitor();
    publish(monitor, US, GLOBEX, EU);
    ReplicationMessage m = publish(monitor, EU, ACME, US, AP);
    publish(monitor, EU, GLOBEX, AP);
    monitor.onApplied(US, m);
    clock.advance(Duration.ofSeconds(1));

    LagSnapshot snapshot = monitor.snapshot();
    assertThat(snapshot.at()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
    assertThat(snapshot.pairs())
        .containsExactly(
            new PairLag(EU, AP, 2, Duration.ofSeconds(1)),
            new PairLag(EU, US, 0, Duration.ZERO),
            new PairLag(US, EU, 1, Duration.ofSeconds(1)));
    assertThat(snapshot.tenants())
        .extracting(t -> t.tenant() + " " + t.origin() + "->" + t.receiver() + " " + t.operations())
        .containsExactly(
            "acme eu-west-1->ap-south-1 1",
            "acme eu-west-1->us-east-1 0",
            "globex eu-west-1->ap-south-1 1",
            "globex us-east-1->eu-west-1 1");
  }

  @Test
  void aThrowingListenerBreaksNothing() {
    ReplicationLagMonitor monitor =
        ReplicationLagMonitor.builder()
            .clock(clock)
            .listener(
                e -> {
                  throw new IllegalStateException("listener down");
                })
            .listener(events::add)
            .build();
    publish(monitor, EU, ACME, US);
    clock.advance(Duration.ofMinutes(2));
    monitor.evaluate();
    assertThat(events).hasSize(1);
    assertThat(monitor.stalenessSlo(ACME)).isEqualTo(ReplicationLagMonitor.DEFAULT_STALENESS_SLO);
  }

  @Test
  void validatesItsArguments() {
    assertThatThrownBy(() -> ReplicationLagMonitor.builder().defaultStalenessSlo(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defaultStalenessSlo PT0S");
    assertThatThrownBy(
            () ->
                ReplicationLagMonitor.builder()
                    .stalenessSlo(ACME, Duration.ofSeconds(1))
                    .stalenessSlo(ACME, Duration.ofSeconds(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("acme");
    assertThatThrownBy(() -> ReplicationLagMonitor.builder().clock(clock).clock(clock))
        .isInstanceOf(IllegalStateException.class);
    ReplicationLagMonitor monitor = monitor();
    ReplicationMessage m = channel.publish(change(EU, ACME, US));
    assertThatThrownBy(() -> monitor.onApplied(EU, m))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eu-west-1");
    assertThatThrownBy(() -> monitor.onPublished(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void concurrentPublishersAndAppliersBalance() throws Exception {
    ReplicationLagMonitor monitor = monitor();
    int perOrigin = 500;
    List<RegionId> origins = List.of(EU, US, AP);
    RegionId sink = RegionId.of("sa-east-1");
    Concurrently.run(
        6,
        thread -> {
          RegionId origin = origins.get(thread % 3);
          if (thread < 3) {
            for (int i = 0; i < perOrigin; i++) {
              publish(monitor, origin, thread % 2 == 0 ? ACME : GLOBEX, sink);
            }
          } else {
            // Concurrently's timeout interrupts an applier that never catches up.
            while (channel.acknowledged(sink, origin) < perOrigin
                && !Thread.currentThread().isInterrupted()) {
              for (ReplicationMessage m : channel.poll(sink, 16)) {
                if (m.change().origin().equals(origin)) {
                  monitor.onApplied(sink, m);
                  channel.acknowledge(sink, origin, m.sequence());
                }
              }
            }
          }
        });
    for (RegionId origin : origins) {
      assertThat(monitor.lag(origin, sink)).isEqualTo(new PairLag(origin, sink, 0, Duration.ZERO));
    }
  }

  private Change change(RegionId origin, TenantId tenant, RegionId to) {
    return new Change(
        origin,
        Set.of(to),
        Optional.of(tenant),
        "notes/x",
        new HlcTimestamp(clock.millis(), 0),
        new byte[0]);
  }

  @Test
  void aListenerMayQueryTheMonitorWhileAnotherThreadHoldsABacklogWithAnEventToDeliver()
      throws InterruptedException {
    AtomicReference<ReplicationLagMonitor> ref = new AtomicReference<>();
    AtomicReference<TenantLag> seenByListener = new AtomicReference<>();
    AtomicBoolean started = new AtomicBoolean();
    Thread[] other = new Thread[1];
    ReplicationMessage globexLate = message(EU, GLOBEX, US);
    ReplicationLagMonitor monitor =
        ReplicationLagMonitor.builder()
            .clock(clock)
            .defaultStalenessSlo(Duration.ofSeconds(30))
            .listener(events::add)
            .listener(
                event -> {
                  if (!started.compareAndSet(false, true)) {
                    return;
                  }
                  // Another thread's publish of globex breaches its SLO while this listener runs;
                  // once it waits to deliver that event, this listener queries globex's backlog.
                  other[0] = daemon(() -> ref.get().onPublished(globexLate));
                  awaitWaiting(other[0]);
                  seenByListener.set(ref.get().lag(GLOBEX, EU, US));
                })
            .build();
    ref.set(monitor);
    monitor.onPublished(message(EU, ACME, US));
    monitor.onPublished(message(EU, GLOBEX, US));
    clock.advance(Duration.ofSeconds(40));
    ReplicationMessage acmeLate = message(EU, ACME, US);

    Thread first = daemon(() -> monitor.onPublished(acmeLate));
    first.join(TimeUnit.SECONDS.toMillis(20));
    assertThat(first.isAlive()).as("the first publisher finished (no deadlock)").isFalse();
    other[0].join(TimeUnit.SECONDS.toMillis(20));
    assertThat(other[0].isAlive()).as("the second publisher finished (no deadlock)").isFalse();

    assertThat(seenByListener.get().tenant()).isEqualTo(GLOBEX);
    assertThat(events).extracting(LagEvent::tenant).containsExactlyInAnyOrder(ACME, GLOBEX);
  }

  private ReplicationMessage message(RegionId origin, TenantId tenant, RegionId... to) {
    return channel.publish(
        new Change(
            origin,
            Set.of(to),
            Optional.of(tenant),
            "notes/x",
            new HlcTimestamp(clock.millis(), 0),
            new byte[] {1}));
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "lag-monitor-test");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Waits until {@code thread} waits for a lock or ends; it always comes to one of them here, as
   * the caller holds the lock it needs to deliver its event.
   */
  private static void awaitWaiting(Thread thread) {
    Thread.State state = thread.getState();
    while (state != Thread.State.BLOCKED
        && state != Thread.State.WAITING
        && state != Thread.State.TERMINATED) {
      Thread.onSpinWait();
      state = thread.getState();
    }
  }
}
