package dev.tdeveloper.distribution.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link HlcStateStore} passes. A subclass returns, from {@link #open()}, a new
 * store instance over one durable location that is empty at the start of each test (a fresh
 * directory, key or row); a second {@code open()} in the same test must reach the same location, as
 * a restarted process would.
 */
public abstract class HlcStateStoreContract {
  /** Creates the kit. */
  protected HlcStateStoreContract() {}

  /**
   * Opens a store over this test's location: empty at first, the same location on every call.
   *
   * @return a new store instance
   */
  protected abstract HlcStateStore open();

  @Test
  void loadsZeroWhenNothingWasStored() {
    assertThat(open().load()).isZero();
  }

  @Test
  void loadsWhatWasStored() {
    HlcStateStore store = open();
    store.store(1_767_225_600_000L);
    assertThat(store.load()).isEqualTo(1_767_225_600_000L);
    store.store(1_767_225_600_250L);
    assertThat(store.load()).isEqualTo(1_767_225_600_250L);
  }

  @Test
  void aReopenedStoreLoadsTheLastMark() {
    open().store(42_000);
    HlcStateStore first = open();
    assertThat(first.load()).isEqualTo(42_000);
    first.store(43_000);
    assertThat(open().load()).isEqualTo(43_000);
  }

  @Test
  void theMarkNeverMovesBack() {
    HlcStateStore store = open();
    store.store(50_000);
    store.store(10_000);
    store.store(50_000);
    assertThat(store.load()).isEqualTo(50_000);
    assertThat(open().load()).isEqualTo(50_000);
  }

  @Test
  void storesTheLargestPhysicalTime() {
    long max = (1L << 47) - 1;
    HlcStateStore store = open();
    store.store(max);
    assertThat(open().load()).isEqualTo(max);
  }

  @Test
  void rejectsANegativeMarkAndKeepsTheStoredOne() {
    HlcStateStore store = open();
    store.store(7);
    assertThatThrownBy(() -> store.store(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThat(store.load()).isEqualTo(7);
  }

  @Test
  void concurrentStoresKeepTheHighest() throws Exception {
    HlcStateStore store = open();
    int threads = 4;
    int perThread = 25;
    Concurrently.run(
        threads,
        thread -> {
          for (int i = 0; i < perThread; i++) {
            store.store(1_000L + (long) i * threads + thread);
          }
        });
    long highest = 1_000L + (long) (perThread - 1) * threads + threads - 1;
    assertThat(store.load()).isEqualTo(highest);
    assertThat(open().load()).isEqualTo(highest);
  }
}
