package dev.tdeveloper.distribution.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The per-backlog monitor against the plain definition it replaced (one list of unapplied changes
 * walked for every question): same lags, same snapshots, same events, for random interleavings of
 * publishing, applying, time passing and evaluating; and publishers on many threads lose nothing.
 */
class ReplicationLagMonitorPropertyTest {
  private static final List<RegionId> REGIONS =
      List.of(RegionId.of("ap-south-1"), RegionId.of("eu-west-1"), RegionId.of("us-east-1"));
  private static final List<Optional<TenantId>> TENANTS =
      List.of(
          Optional.of(TenantId.of("acme")), Optional.of(TenantId.of("globex")), Optional.empty());
  private static final Duration DEFAULT_SLO = Duration.ofSeconds(3);
  private static final Duration GLOBEX_SLO = Duration.ofSeconds(1);

  /**
   * One step: {@code kind} 0-3 publish, 4-5 apply, 6 time passes, 7 evaluate; the rest its data.
   */
  record Op(int kind, int a, int b, int c, int sequence, int millis) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 24),
                Arbitraries.integers().between(0, 2500))
            .as(Op::new);
    return op.list().ofMaxSize(80);
  }

  @Property(tries = 300)
  void answersExactlyAsThePlainWalk(@ForAll("ops") List<Op> ops) {
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    List<LagEvent> events = new ArrayList<>();
    ReplicationLagMonitor monitor =
        ReplicationLagMonitor.builder()
            .clock(clock)
            .defaultStalenessSlo(DEFAULT_SLO)
            .stalenessSlo(TENANTS.get(1).orElseThrow(), GLOBEX_SLO)
            .listener(events::add)
            .build();
    PlainWalk plain = new PlainWalk();
    for (Op op : ops) {
      long now = clock.millis();
      events.clear();
      plain.events.clear();
      if (op.kind() <= 3) {
        RegionId origin = REGIONS.get(op.a());
        Set<RegionId> targets = new TreeSet<>();
        for (int i = 0; i < REGIONS.size(); i++) {
          if ((op.b() & (1 << i)) != 0 || targets.isEmpty() && i == 2) {
            targets.add(REGIONS.get((op.a() + 1 + i) % REGIONS.size()));
          }
        }
        targets.remove(origin);
        ReplicationMessage m = message(op.sequence(), origin, targets, op.c(), now - op.millis());
        monitor.onPublished(m);
        plain.published(m, now);
      } else if (op.kind() <= 5) {
        RegionId origin = REGIONS.get(op.a());
        RegionId receiver = REGIONS.get((op.a() + op.b()) % REGIONS.size());
        if (!receiver.equals(origin)) {
          ReplicationMessage m =
              message(op.sequence(), origin, Set.of(receiver), op.c(), now - op.millis());
          monitor.onApplied(receiver, m);
          plain.applied(receiver, m, now);
        }
      } else if (op.kind() == 6) {
        clock.advance(Duration.ofMillis(op.millis()));
      } else {
        monitor.evaluate();
        plain.evaluate(now);
      }
      // Within one call the old monitor walked tenants in hash order: compare as sets.
      assertThat(events).containsExactlyInAnyOrderElementsOf(plain.events);
      assertThat(monitor.snapshot()).isEqualTo(plain.snapshot(clock.millis()));
      for (RegionId origin : REGIONS) {
        for (RegionId receiver : REGIONS) {
          assertThat(monitor.lag(origin, receiver))
              .isEqualTo(plain.pairLag(origin, receiver, clock.millis()));
        }
      }
    }
  }

  @Test
  void publishersOnManyThreadsLoseNothingWhileAnApplierRuns() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    ReplicationLagMonitor monitor = ReplicationLagMonitor.builder().clock(clock).build();
    RegionId origin = REGIONS.get(0);
    RegionId receiver = REGIONS.get(1);
    int threads = 8;
    int perThread = 2_000;
    int appliedUpTo = threads * perThread / 2;
    Concurrently.run(
        threads + 1,
        thread -> {
          if (thread == threads) {
            for (int s = 1; s <= appliedUpTo; s += 7) {
              monitor.onApplied(receiver, message(s, origin, Set.of(receiver), 0, 0));
            }
            monitor.onApplied(receiver, message(appliedUpTo, origin, Set.of(receiver), 0, 0));
            return;
          }
          // Thread t publishes sequences t+1, t+1+threads, ...: every sequence exactly once.
          for (int i = 0; i < perThread; i++) {
            long s = thread + 1 + (long) i * threads;
            monitor.onPublished(message(s, origin, Set.of(receiver), i % 3, clock.millis()));
          }
        });
    assertThat(monitor.lag(origin, receiver).operations())
        .isEqualTo(threads * perThread - appliedUpTo);
    monitor.onApplied(receiver, message(threads * perThread, origin, Set.of(receiver), 0, 0));
    assertThat(monitor.lag(origin, receiver))
        .isEqualTo(new PairLag(origin, receiver, 0, Duration.ZERO));
  }

  private static ReplicationMessage message(
      long sequence, RegionId origin, Set<RegionId> targets, int tenant, long stampMillis) {
    return new ReplicationMessage(
        sequence,
        new Change(
            origin,
            targets,
            TENANTS.get(tenant),
            "notes/x",
            new HlcTimestamp(Math.max(0, stampMillis), (int) (sequence % 7)),
            new byte[0]));
  }

  /** The rules written plainly: unapplied changes in one list, walked for every question. */
  private static final class PlainWalk {
    record Entry(RegionPair pair, Optional<TenantId> tenant, long sequence, long stamp) {}

    record Key(RegionPair pair, Optional<TenantId> tenant) {}

    final List<Entry> unapplied = new ArrayList<>();
    final Map<RegionPair, Long> applied = new HashMap<>();
    final Set<Key> seen = new LinkedHashSet<>();
    final Map<Key, Instant> breachedSince = new HashMap<>();
    final List<LagEvent> events = new ArrayList<>();

    void published(ReplicationMessage m, long now) {
      for (RegionId receiver : m.change().targets()) {
        RegionPair pair = new RegionPair(m.change().origin(), receiver);
        Key key = new Key(pair, m.change().tenant());
        applied.putIfAbsent(pair, 0L);
        seen.add(key);
        boolean known =
            unapplied.stream()
                .anyMatch(
                    e -> new Key(e.pair(), e.tenant()).equals(key) && e.sequence() == m.sequence());
        if (m.sequence() > applied.get(pair) && !known) {
          unapplied.add(new Entry(pair, key.tenant(), m.sequence(), m.change().stamp().encode()));
        }
        check(key, now);
      }
    }

    void applied(RegionId receiver, ReplicationMessage m, long now) {
      RegionPair pair = new RegionPair(m.change().origin(), receiver);
      long before = applied.getOrDefault(pair, 0L);
      applied.put(pair, Math.max(before, m.sequence()));
      if (m.sequence() <= before) {
        return;
      }
      unapplied.removeIf(e -> e.pair().equals(pair) && e.sequence() <= m.sequence());
      seen.stream().filter(k -> k.pair().equals(pair)).forEach(k -> check(k, now));
    }

    void evaluate(long now) {
      seen.forEach(k -> check(k, now));
    }

    private void check(Key key, long now) {
      if (key.tenant().isEmpty()) {
        return;
      }
      TenantLag lag = tenantLag(key, now);
      Instant at = Instant.ofEpochMilli(now);
      Instant since = breachedSince.get(key);
      boolean breached = lag.lag().compareTo(lag.slo()) > 0;
      if (breached && since == null) {
        breachedSince.put(key, at);
        events.add(
            new LagEvent.StalenessSloBreached(
                lag.tenant(),
                lag.origin(),
                lag.receiver(),
                lag.lag(),
                lag.slo(),
                lag.operations(),
                at));
      } else if (!breached && since != null) {
        breachedSince.remove(key);
        Duration breachedFor = Duration.between(since, at);
        events.add(
            new LagEvent.StalenessSloRecovered(
                lag.tenant(),
                lag.origin(),
                lag.receiver(),
                lag.lag(),
                lag.slo(),
                breachedFor.isNegative() ? Duration.ZERO : breachedFor,
                at));
      }
    }

    private List<Entry> backlog(RegionPair pair, Optional<TenantId> tenant) {
      return unapplied.stream()
          .filter(e -> e.pair().equals(pair) && (tenant == null || e.tenant().equals(tenant)))
          .toList();
    }

    private static Duration lagOf(List<Entry> entries, long now) {
      long oldest = entries.stream().mapToLong(e -> e.stamp() >>> 16).min().orElse(now);
      return Duration.ofMillis(Math.max(0, now - oldest));
    }

    TenantLag tenantLag(Key key, long now) {
      TenantId tenant = key.tenant().orElseThrow();
      List<Entry> entries = backlog(key.pair(), key.tenant());
      return new TenantLag(
          tenant,
          key.pair().origin(),
          key.pair().receiver(),
          entries.size(),
          lagOf(entries, now),
          tenant.value().equals("globex") ? GLOBEX_SLO : DEFAULT_SLO,
          breachedSince.containsKey(key));
    }

    PairLag pairLag(RegionId origin, RegionId receiver, long now) {
      List<Entry> entries = backlog(new RegionPair(origin, receiver), null);
      return new PairLag(origin, receiver, entries.size(), lagOf(entries, now));
    }

    LagSnapshot snapshot(long now) {
      List<PairLag> pairs =
          applied.keySet().stream()
              .sorted()
              .map(p -> pairLag(p.origin(), p.receiver(), now))
              .toList();
      List<TenantLag> tenants =
          seen.stream()
              .filter(k -> k.tenant().isPresent())
              .map(k -> tenantLag(k, now))
              .sorted(
                  Comparator.comparing(TenantLag::tenant)
                      .thenComparing(TenantLag::origin)
                      .thenComparing(TenantLag::receiver))
              .toList();
      return new LagSnapshot(Instant.ofEpochMilli(now), pairs, tenants);
    }
  }
}
