package dev.tdeveloper.tenancy.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.MDC;

class TenantContextPropertiesTest {
  private static final List<TenantId> TENANTS =
      List.of(
          TenantId.of("acme"),
          TenantId.of("globex"),
          TenantId.of("initech"),
          TenantId.of("umbrella"));

  private static ExecutorService pool;

  /** A task to submit: for which tenant, whether it submits a child task, whether it fails. */
  record Step(int tenant, boolean spawnsChild, boolean fails) {}

  /** What one task was submitted under and what it saw. */
  record Observation(TenantId expected, Optional<TenantId> seen, String mdc) {}

  @BeforeContainer
  static void startPool() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterContainer
  static void stopPool() {
    pool.shutdownNow();
  }

  @Property(tries = 200)
  void everyTaskSeesExactlyItsOwnTenantAndThePoolKeepsNone(@ForAll("steps") List<Step> steps)
      throws Exception {
    ExecutorService wrapped = TenantContext.wrap(pool);
    Queue<Observation> observations = new ConcurrentLinkedQueue<>();
    Queue<Future<?>> futures = new ConcurrentLinkedQueue<>();
    List<Future<?>> parents = new ArrayList<>();
    int expectedTasks = 0;
    for (Step step : steps) {
      TenantId tenant = TENANTS.get(step.tenant());
      Runnable task =
          () -> {
            observations.add(observe(tenant));
            if (step.spawnsChild()) {
              futures.add(wrapped.submit(() -> observations.add(observe(tenant))));
            }
            if (step.fails()) {
              throw new IllegalStateException("task of " + tenant + " failed");
            }
          };
      parents.add(TenantContext.call(tenant, () -> wrapped.submit(task)));
      expectedTasks += step.spawnsChild() ? 2 : 1;
    }
    for (Future<?> parent : parents) {
      awaitIgnoringTaskFailure(parent); // children are queued before their parent completes
    }
    for (Future<?> child : futures) {
      awaitIgnoringTaskFailure(child);
    }

    assertThat(observations).hasSize(expectedTasks);
    for (Observation observation : observations) {
      assertThat(observation.seen()).contains(observation.expected());
      assertThat(observation.mdc()).isEqualTo(observation.expected().value());
    }
    assertThat(poolThreadBindings()).containsOnly(new Observation(null, Optional.empty(), null));
  }

  private static Observation observe(TenantId expected) {
    return new Observation(expected, TenantContext.current(), MDC.get(TenantContext.MDC_KEY));
  }

  private static void awaitIgnoringTaskFailure(Future<?> future) throws Exception {
    try {
      future.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException expected) {
      assertThat(expected).hasCauseInstanceOf(IllegalStateException.class);
    }
  }

  /** Runs one raw task on each of the two pool threads (a barrier keeps them apart). */
  private static List<Observation> poolThreadBindings() throws Exception {
    CyclicBarrier bothThreads = new CyclicBarrier(2);
    List<Future<Observation>> probes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      probes.add(
          pool.submit(
              () -> {
                bothThreads.await(5, TimeUnit.SECONDS);
                return observe(null);
              }));
    }
    List<Observation> seen = new ArrayList<>();
    for (Future<Observation> probe : probes) {
      seen.add(probe.get(5, TimeUnit.SECONDS));
    }
    return seen;
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, TENANTS.size() - 1),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 9).map(n -> n == 0))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(40);
  }
}
