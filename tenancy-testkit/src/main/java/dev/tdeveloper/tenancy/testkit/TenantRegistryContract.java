package dev.tdeveloper.tenancy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IllegalTenantTransitionException;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TenantRegistry} must have. A backend proves itself by extending this
 * class (from the tenancy-core test-jar) and returning a new, empty registry from {@link
 * #newRegistry()}.
 */
public abstract class TenantRegistryContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  /** The registry under test, new and empty for each test. */
  protected TenantRegistry registry;

  /** Returns a new, empty registry. */
  protected abstract TenantRegistry newRegistry();

  @BeforeEach
  void setUpRegistry() {
    registry = newRegistry();
  }

  private static Tenant tenant(TenantId id) {
    return Tenant.builder(id).displayName("Tenant " + id).plan("pro").build();
  }

  @Test
  void findsWhatWasCreated() {
    Tenant created = registry.create(tenant(ACME));

    assertThat(created).isEqualTo(tenant(ACME));
    assertThat(registry.find(ACME)).contains(tenant(ACME));
  }

  @Test
  void findsNothingForUnknownTenant() {
    assertThat(registry.find(ACME)).isEmpty();
  }

  @Test
  void refusesDuplicateCreateAndKeepsTheFirst() {
    registry.create(tenant(ACME));
    Tenant other = tenant(ACME).withPlan("enterprise");

    assertThatThrownBy(() -> registry.create(other))
        .isInstanceOf(TenantAlreadyExistsException.class)
        .hasMessageContaining("acme")
        .satisfies(e -> assertThat(((TenantAlreadyExistsException) e).tenantId()).isEqualTo(ACME));
    assertThat(registry.find(ACME)).contains(tenant(ACME));
    assertThat(registry.list()).hasSize(1);
  }

  @Test
  void updateAppliesTheChangeAndReturnsTheRecordedTenant() {
    registry.create(tenant(ACME));

    Tenant updated = registry.update(ACME, t -> t.withStatus(TenantStatus.ACTIVE));

    assertThat(updated.status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(registry.find(ACME)).contains(updated);
  }

  @Test
  void updateOfUnknownTenantThrowsNotFoundAndCreatesNothing() {
    assertThatThrownBy(() -> registry.update(ACME, t -> t.withPlan("pro")))
        .isInstanceOf(TenantNotFoundException.class)
        .satisfies(e -> assertThat(((TenantNotFoundException) e).tenantId()).isEqualTo(ACME));
    assertThat(registry.find(ACME)).isEmpty();
    assertThat(registry.list()).isEmpty();
  }

  @Test
  void throwingChangeLeavesTheTenantUnchanged() {
    registry.create(tenant(ACME));

    assertThatThrownBy(
            () ->
                registry.update(
                    ACME,
                    t -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThat(registry.find(ACME)).contains(tenant(ACME));
  }

  @Test
  void illegalTransitionInChangeLeavesTheTenantUnchanged() {
    registry.create(tenant(ACME));

    assertThatThrownBy(() -> registry.update(ACME, t -> t.withStatus(TenantStatus.SUSPENDED)))
        .isInstanceOf(IllegalTenantTransitionException.class);
    assertThat(registry.find(ACME)).contains(tenant(ACME));
  }

  @Test
  void refusesChangeThatAltersTheId() {
    registry.create(tenant(ACME));

    assertThatThrownBy(() -> registry.update(ACME, t -> tenant(GLOBEX)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acme")
        .hasMessageContaining("globex");
    assertThat(registry.find(ACME)).contains(tenant(ACME));
    assertThat(registry.find(GLOBEX)).isEmpty();
  }

  @Test
  void listsEveryTenantOrderedById() {
    for (String id : List.of("zeta", "acme", "mid", "beta")) {
      registry.create(tenant(TenantId.of(id)));
    }

    assertThat(registry.list())
        .extracting(t -> t.id().value())
        .containsExactly("acme", "beta", "mid", "zeta");
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> registry.find(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> registry.create(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> registry.update(null, t -> t))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> registry.update(ACME, null)).isInstanceOf(NullPointerException.class);
    assertThat(registry.list()).isEmpty();
  }

  @Test
  void concurrentUpdatesOfOneTenantLoseNothing() throws Exception {
    registry.create(tenant(ACME));
    int threads = 8;
    int keysPerThread = 50;
    Concurrently.run(
        threads,
        thread -> {
          for (int k = 0; k < keysPerThread; k++) {
            String key = "t" + thread + "-k" + k;
            registry.update(ACME, current -> withAttribute(current, key, "v"));
          }
        });

    assertThat(registry.find(ACME).orElseThrow().attributes()).hasSize(threads * keysPerThread);
  }

  @Test
  void updatingOneTenantNeverChangesAnother() throws Exception {
    registry.create(tenant(ACME));
    registry.create(tenant(GLOBEX));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int k = 0; k < 50; k++) {
                    String key = "a" + thread + "-" + k;
                    registry.update(ACME, current -> withAttribute(current, key, "secret"));
                    try {
                      registry.update(
                          ACME,
                          current -> {
                            throw new IllegalStateException("fails");
                          });
                    } catch (IllegalStateException expected) {
                      // a failing change of acme must not touch globex either
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(registry.find(GLOBEX)).contains(tenant(GLOBEX));
    assertThat(registry.find(ACME).orElseThrow().attributes()).hasSize(200);
  }

  private static Tenant withAttribute(Tenant tenant, String key, String value) {
    Map<String, String> attributes = new HashMap<>(tenant.attributes());
    attributes.put(key, value);
    return tenant.toBuilder().attributes(attributes).build();
  }
}
