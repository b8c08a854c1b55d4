package dev.tdeveloper.observability.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EscalationStateStore} passes. A subclass returns, from {@link #open()},
 * a new store instance over one durable location that is empty at the start of each test; a second
 * {@code open()} in the same test must reach the same location, as a restarted process would. The
 * kit closes each store before opening the next, so a store may lock its location.
 */
public abstract class EscalationStateStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** Creates the kit. */
  protected EscalationStateStoreContract() {}

  /**
   * Opens a store over this test's location: empty at first, the same location on every call.
   *
   * @return a new store instance
   */
  protected abstract EscalationStateStore open();

  /**
   * Returns whether entries survive {@link EscalationStateStore#close()} and a new {@link #open()};
   * an in-memory store returns {@code false}.
   *
   * @return whether the store is durable
   */
  protected boolean durable() {
    return true;
  }

  /** Returns a sample entry for {@code incidentId}, optionally of a tenant. */
  protected static EscalationState state(String incidentId, Optional<String> tenant, int level) {
    return new EscalationState(
        incidentId,
        tenant,
        "default",
        "Database down [dependency=db]",
        Severity.CRITICAL,
        T0,
        0,
        level,
        Optional.of(T0.plusSeconds(600L * (level + 1))),
        Set.of("alice", "bob"),
        Optional.empty());
  }

  @Test
  void startsEmpty() {
    try (EscalationStateStore store = open()) {
      assertThat(store.loadAll()).isEmpty();
      assertThat(store.load("01JNOTHINGHERE")).isEmpty();
    }
  }

  @Test
  void loadsWhatWasSavedWithEveryField() {
    EscalationState acked =
        new EscalationState(
            "01JACKED",
            Optional.of("acme"),
            "platform-team",
            "Error rate: 5xx above 2% [tenant=acme]",
            Severity.WARNING,
            T0,
            2,
            1,
            Optional.empty(),
            Set.of("carol"),
            Optional.of(new EscalationState.Acknowledgement("carol", T0.plusSeconds(42))));
    EscalationState plain = state("01JPLAIN", Optional.empty(), 0);
    try (EscalationStateStore store = open()) {
      store.save(acked);
      store.save(plain);
      assertThat(store.load("01JACKED")).contains(acked);
      assertThat(store.loadAll()).containsExactly(acked, plain);
    }
  }

  @Test
  void saveReplacesTheIncidentsEntry() {
    try (EscalationStateStore store = open()) {
      store.save(state("01JINC", Optional.of("acme"), 0));
      store.save(state("01JINC", Optional.of("acme"), 1));
      assertThat(store.loadAll()).containsExactly(state("01JINC", Optional.of("acme"), 1));
    }
  }

  @Test
  void removeDeletesOnlyThatIncident() {
    try (EscalationStateStore store = open()) {
      store.save(state("01JONE", Optional.of("acme"), 0));
      store.save(state("01JTWO", Optional.of("globex"), 0));
      store.remove("01JONE");
      store.remove("01JNEVERSAVED");
      assertThat(store.load("01JONE")).isEmpty();
      assertThat(store.loadAll()).containsExactly(state("01JTWO", Optional.of("globex"), 0));
    }
  }

  @Test
  void aReopenedStoreLoadsTheLastEntries() {
    try (EscalationStateStore store = open()) {
      store.save(state("01JKEPT", Optional.of("acme"), 0));
      store.save(state("01JKEPT", Optional.of("acme"), 2));
      store.save(state("01JGONE", Optional.empty(), 0));
      store.remove("01JGONE");
    }
    try (EscalationStateStore store = open()) {
      if (durable()) {
        assertThat(store.loadAll()).containsExactly(state("01JKEPT", Optional.of("acme"), 2));
      } else {
        assertThat(store.loadAll()).isEmpty();
      }
    }
  }

  @Test
  void oneTenantsWritesNeverOverwriteAnothersEntries() {
    try (EscalationStateStore store = open()) {
      EscalationState globex = state("01JGLOBEX", Optional.of("globex"), 1);
      store.save(globex);
      for (int i = 0; i < 20; i++) {
        store.save(state("01JACME" + i, Optional.of("acme"), i % 3));
        store.remove("01JACME" + i);
      }
      assertThat(store.loadAll()).containsExactly(globex);
    }
  }

  @Test
  void concurrentSavesOfDifferentIncidentsAllLand() throws Exception {
    try (EscalationStateStore store = open()) {
      int threads = 4;
      int perThread = 10;
      Concurrently.run(
          threads,
          thread -> {
            for (int i = 0; i < perThread; i++) {
              store.save(state("01JT" + thread + "I" + i, Optional.of("t" + thread), i));
            }
          });
      assertThat(store.loadAll()).hasSize(threads * perThread);
      assertThat(store.load("01JT3I9")).contains(state("01JT3I9", Optional.of("t3"), 9));
    }
  }
}
