package dev.tdeveloper.tenancy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Random interleavings of operations for several tenants behave like one map per tenant, whether
 * made with an explicit tenant, for the bound tenant, or through views created up front and kept
 * across drops of their tenant's cache.
 */
class TenantScopedCachePropertyTest {
  private static final List<TenantId> TENANTS =
      List.of(TenantId.of("t0"), TenantId.of("t1"), TenantId.of("t2"));

  enum Kind {
    PUT,
    GET,
    LOAD,
    INVALIDATE,
    INVALIDATE_TENANT
  }

  /** How an operation names its tenant. */
  enum Mode {
    EXPLICIT,
    CURRENT,
    VIEW
  }

  /** One operation; mode {@code CURRENT} runs inside a context binding the tenant. */
  record Op(Kind kind, int tenant, int key, Mode mode) {}

  @Provide
  Arbitrary<Op> ops() {
    return Combinators.combine(
            Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(Kind.PUT)),
                Tuple.of(5, Arbitraries.just(Kind.GET)),
                Tuple.of(3, Arbitraries.just(Kind.LOAD)),
                Tuple.of(2, Arbitraries.just(Kind.INVALIDATE)),
                Tuple.of(1, Arbitraries.just(Kind.INVALIDATE_TENANT))),
            Arbitraries.integers().between(0, TENANTS.size() - 1),
            Arbitraries.integers().between(0, 7),
            Arbitraries.of(Mode.class))
        .as(Op::new);
  }

  @Property(tries = 300)
  void neverReturnsAnotherTenantsValue(@ForAll @Size(max = 200) List<@From("ops") Op> ops) {
    TenantScopedCache<Integer, String> cache =
        TenantScopedCache.builder().maximumEntriesPerTenant(1_000).executor(Runnable::run).build();
    Map<TenantId, Map<Integer, String>> model = new HashMap<>();
    Map<TenantId, TenantCache<Integer, String>> views = new HashMap<>();
    for (TenantId tenant : TENANTS) {
      views.put(tenant, cache.forTenant(tenant));
    }

    for (int step = 0; step < ops.size(); step++) {
      Op op = ops.get(step);
      TenantId tenant = TENANTS.get(op.tenant());
      Map<Integer, String> expected = model.computeIfAbsent(tenant, t -> new HashMap<>());
      String fresh = tenant + "#" + step;
      TenantCache<Integer, String> view = views.get(tenant);
      switch (op.kind()) {
        case PUT -> {
          run(
              op,
              tenant,
              () -> cache.put(op.key(), fresh),
              () -> cache.put(tenant, op.key(), fresh),
              () -> view.put(op.key(), fresh));
          expected.put(op.key(), fresh);
        }
        case GET -> {
          Optional<String> actual =
              switch (op.mode()) {
                case CURRENT -> TenantContext.get(tenant, () -> cache.getIfPresent(op.key()));
                case EXPLICIT -> cache.getIfPresent(tenant, op.key());
                case VIEW -> view.getIfPresent(op.key());
              };
          assertThat(actual).isEqualTo(Optional.ofNullable(expected.get(op.key())));
        }
        case LOAD -> {
          String actual =
              switch (op.mode()) {
                case CURRENT -> TenantContext.get(tenant, () -> cache.get(op.key(), k -> fresh));
                case EXPLICIT -> cache.get(tenant, op.key(), k -> fresh);
                case VIEW -> view.get(op.key(), k -> fresh);
              };
          assertThat(actual).isEqualTo(expected.computeIfAbsent(op.key(), k -> fresh));
        }
        case INVALIDATE -> {
          run(
              op,
              tenant,
              () -> cache.invalidate(op.key()),
              () -> cache.invalidate(tenant, op.key()),
              () -> view.invalidate(op.key()));
          expected.remove(op.key());
        }
        case INVALIDATE_TENANT -> {
          cache.invalidateTenant(tenant);
          expected.clear();
        }
      }
    }
    for (TenantId tenant : TENANTS) {
      Map<Integer, String> expected = model.getOrDefault(tenant, Map.of());
      for (int key = 0; key <= 7; key++) {
        assertThat(cache.getIfPresent(tenant, key))
            .isEqualTo(Optional.ofNullable(expected.get(key)));
      }
      assertThat(cache.estimatedSize(tenant)).isEqualTo(expected.size());
      for (int key = 0; key <= 7; key++) {
        assertThat(views.get(tenant).getIfPresent(key))
            .isEqualTo(Optional.ofNullable(expected.get(key)));
      }
    }
  }

  private static void run(
      Op op, TenantId tenant, Runnable current, Runnable explicit, Runnable viaView) {
    switch (op.mode()) {
      case CURRENT -> TenantContext.run(tenant, current);
      case EXPLICIT -> explicit.run();
      case VIEW -> viaView.run();
    }
  }
}
