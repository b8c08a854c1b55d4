package dev.tdeveloper.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.quota.QuotaEnforcer;
import dev.tdeveloper.tenancy.quota.QuotaPeriod;
import dev.tdeveloper.tenancy.quota.QuotaPolicies;
import dev.tdeveloper.tenancy.quota.QuotaPolicy;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.usage.Aggregation;
import dev.tdeveloper.tenancy.usage.InMemoryUsageStore;
import dev.tdeveloper.tenancy.usage.MeterDefinition;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random interleavings of several tenants' work over the context (on a shared thread pool), the
 * tenant-scoped cache, quotas, usage metering and the registry: no tenant ever observes another's
 * data, and each tenant's totals are exactly its own.
 */
class CrossFeatureIsolationPropertyTest {
  private static final List<TenantId> TENANTS =
      List.of(TenantId.of("acme"), TenantId.of("globex"), TenantId.of("initech"));
  private static final long QUOTA = 7;

  enum Kind {
    CACHE_PUT,
    CACHE_GET,
    QUOTA,
    USAGE,
    REGISTRY
  }

  record Action(int tenant, Kind kind, int key) {}

  @Provide
  Arbitrary<List<Action>> schedules() {
    Arbitrary<Action> action =
        Combinators.combine(
                Arbitraries.integers().between(0, TENANTS.size() - 1),
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 5))
            .as(Action::new);
    return action.list().ofMinSize(1).ofMaxSize(120);
  }

  @Property(tries = 150)
  void noTenantEverSeesAnothersData(@ForAll("schedules") List<Action> schedule) throws Exception {
    ManualClock clock = new ManualClock();
    TenantScopedCache<String, String> cache =
        TenantScopedCache.builder().maximumEntriesPerTenant(100).build();
    QuotaEnforcer quotas =
        QuotaEnforcer.builder()
            .clock(clock)
            .policies(QuotaPolicies.of(List.of(QuotaPolicy.of("api", QUOTA, QuotaPeriod.DAY))))
            .build();
    UsageMeter usage =
        UsageMeter.builder()
            .store(new InMemoryUsageStore())
            .clock(clock)
            .meter(MeterDefinition.of("calls", Aggregation.SUM, Duration.ofHours(1), Duration.ZERO))
            .build();
    InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
    for (TenantId id : TENANTS) {
      registry.create(Tenant.builder(id).status(TenantStatus.ACTIVE).build());
    }

    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    Map<TenantId, AtomicLong> granted = new HashMap<>();
    TENANTS.forEach(t -> granted.put(t, new AtomicLong()));
    ExecutorService pool = TenantContext.wrap(Executors.newFixedThreadPool(2));
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < schedule.size(); i++) {
        Action a = schedule.get(i);
        TenantId me = TENANTS.get(a.tenant());
        int seq = i;
        futures.add(
            TenantContext.get(
                me,
                () ->
                    pool.submit(
                        () -> {
                          if (!me.equals(TenantContext.require())) {
                            violations.add("context of " + me + " was " + TenantContext.current());
                          }
                          act(a, me, seq, cache, quotas, usage, registry, granted, violations);
                        })));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(violations).isEmpty();
    for (TenantId t : TENANTS) {
      long asked = schedule.stream().filter(a -> isOf(a, t, Kind.QUOTA)).count();
      assertThat(granted.get(t).get()).isEqualTo(Math.min(asked, QUOTA));
      long calls = schedule.stream().filter(a -> isOf(a, t, Kind.USAGE)).count();
      long metered =
          usage
              .aggregate(
                  t, "calls", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS))
              .value();
      assertThat(metered).isEqualTo(calls);
      Tenant stored = registry.find(t).orElseThrow();
      for (Map.Entry<String, String> e : stored.attributes().entrySet()) {
        assertThat(e.getValue()).startsWith(t.value() + ":");
      }
      long writes = schedule.stream().filter(a -> isOf(a, t, Kind.REGISTRY)).count();
      assertThat(stored.attributes()).hasSize((int) writes);
    }
  }

  private static boolean isOf(Action a, TenantId t, Kind kind) {
    return a.kind() == kind && TENANTS.get(a.tenant()).equals(t);
  }

  private static void act(
      Action a,
      TenantId me,
      int seq,
      TenantScopedCache<String, String> cache,
      QuotaEnforcer quotas,
      UsageMeter usage,
      InMemoryTenantRegistry registry,
      Map<TenantId, AtomicLong> granted,
      ConcurrentLinkedQueue<String> violations) {
    String key = "k" + a.key();
    switch (a.kind()) {
      case CACHE_PUT -> cache.put(key, me.value() + ":" + seq);
      case CACHE_GET ->
          cache
              .getIfPresent(key)
              .filter(v -> !v.startsWith(me.value() + ":"))
              .ifPresent(v -> violations.add(me + " read " + v));
      case QUOTA -> {
        if (quotas.tryConsume(me, "api", 1).isGranted()) {
          granted.get(me).incrementAndGet();
        }
      }
      case USAGE ->
          usage.record(
              UsageEvent.of(
                  me, "calls", 1, java.time.Instant.parse("2026-01-01T00:00:00Z"), "e" + seq));
      case REGISTRY -> {
        Tenant t =
            registry.update(
                me,
                old -> {
                  Map<String, String> attrs = new HashMap<>(old.attributes());
                  attrs.put("op-" + seq, me.value() + ":" + seq);
                  return old.toBuilder().attributes(attrs).build();
                });
        if (!t.id().equals(me)) {
          violations.add(me + " updated " + t.id());
        }
      }
      default -> throw new IllegalStateException();
    }
  }
}
