package dev.tdeveloper.distribution.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class HlcPropertyTest {
  private static final long T = 1_767_225_600_000L;
  private static final long MAX_OFFSET = 500;

  /**
   * One event: the physical clock moves by {@code step} ms (possibly back), then either a send or a
   * receive of a stamp {@code remoteAhead} ms from the physical clock with counter {@code
   * remoteLogical}.
   */
  record Event(long step, boolean receive, long remoteAhead, int remoteLogical) {}

  @Provide
  Arbitrary<List<Event>> histories() {
    Arbitrary<Event> event =
        Combinators.combine(
                Arbitraries.longs().between(-50, 50),
                Arbitraries.of(true, false),
                Arbitraries.longs().between(-2_000, MAX_OFFSET),
                Arbitraries.integers().between(0, HlcTimestamp.MAX_LOGICAL))
            .as(Event::new);
    return event.list().ofMaxSize(200);
  }

  @Provide
  Arbitrary<List<Event>> forwardHistories() {
    Arbitrary<Event> event =
        Combinators.combine(
                Arbitraries.longs().between(0, 50),
                Arbitraries.of(true, false),
                Arbitraries.longs().between(-2_000, MAX_OFFSET),
                Arbitraries.integers().between(0, 60_000))
            .as(Event::new);
    return event.list().ofMaxSize(200);
  }

  private static Hlc clock(AtomicLong pt) {
    return Hlc.builder().physicalMillis(pt::get).maxOffset(Duration.ofMillis(MAX_OFFSET)).build();
  }

  /** Every stamp exceeds the one before, whatever the physical clock does; receives exceed r. */
  @Property(tries = 300)
  void stampsIncreaseAndReceivesExceedTheRemoteStamp(@ForAll("histories") List<Event> history) {
    AtomicLong pt = new AtomicLong(T);
    Hlc hlc = clock(pt);
    HlcTimestamp previous = HlcTimestamp.ZERO;
    for (Event e : history) {
      pt.addAndGet(e.step());
      HlcTimestamp stamp;
      if (e.receive()) {
        HlcTimestamp remote = new HlcTimestamp(pt.get() + e.remoteAhead(), e.remoteLogical());
        stamp = hlc.update(remote);
        assertThat(stamp).isGreaterThan(remote);
      } else {
        stamp = hlc.now();
      }
      assertThat(stamp).isGreaterThan(previous);
      assertThat(hlc.current()).isEqualTo(stamp);
      previous = stamp;
    }
  }

  /**
   * With a physical clock that never goes back, l stays within the max offset of it (the paper).
   */
  @Property(tries = 300)
  void logicalTimeStaysWithinTheMaxOffsetOfPhysicalTime(
      @ForAll("forwardHistories") List<Event> history) {
    AtomicLong pt = new AtomicLong(T);
    Hlc hlc = clock(pt);
    for (Event e : history) {
      pt.addAndGet(e.step());
      HlcTimestamp stamp =
          e.receive()
              ? hlc.update(new HlcTimestamp(pt.get() + e.remoteAhead(), e.remoteLogical()))
              : hlc.now();
      assertThat(stamp.physicalMillis() - pt.get()).isLessThanOrEqualTo(MAX_OFFSET);
      assertThat(stamp.physicalMillis()).isGreaterThanOrEqualTo(pt.get());
    }
  }

  /** A store whose {@link #store} fails while {@code failing} is set; remembers the mark. */
  private static final class FlakyStore implements HlcStateStore {
    long mark;
    boolean failing;

    @Override
    public long load() {
      return mark;
    }

    @Override
    public void store(long highWaterMillis) {
      if (failing) {
        throw new DistributionException("disk full");
      }
      mark = Math.max(mark, highWaterMillis);
    }
  }

  /**
   * Crash safety with renewals ahead of need: no stamp's l exceeds the stored mark, whatever the
   * physical clock, remote stamps and store failures do; a stamp fails only when the store fails,
   * leaving the clock unchanged; and a clock restarted over the store stamps above every stamp.
   */
  @Property(tries = 300)
  void noStampExceedsTheStoredMarkEvenWhenStoresFail(
      @ForAll("histories") List<Event> history,
      @ForAll List<Boolean> failures,
      @ForAll @LongRange(min = 1, max = MAX_OFFSET) long window) {
    AtomicLong pt = new AtomicLong(T);
    FlakyStore store = new FlakyStore();
    Hlc hlc =
        Hlc.builder()
            .physicalMillis(pt::get)
            .maxOffset(Duration.ofMillis(MAX_OFFSET))
            .reservationWindow(Duration.ofMillis(window))
            .stateStore(store)
            .build();
    HlcTimestamp highest = HlcTimestamp.ZERO;
    for (int i = 0; i < history.size(); i++) {
      Event e = history.get(i);
      store.failing = !failures.isEmpty() && failures.get(i % failures.size());
      pt.addAndGet(e.step());
      HlcTimestamp before = hlc.current();
      try {
        HlcTimestamp stamp =
            e.receive()
                ? hlc.update(new HlcTimestamp(pt.get() + e.remoteAhead(), e.remoteLogical()))
                : hlc.now();
        assertThat(stamp.physicalMillis()).isLessThanOrEqualTo(store.mark);
        highest = stamp;
      } catch (DistributionException failed) {
        assertThat(store.failing).isTrue();
        assertThat(failed).hasMessage("disk full");
        assertThat(hlc.current()).isEqualTo(before);
      }
    }
    store.failing = false;
    pt.set(T - 60_000);
    Hlc restarted = Hlc.builder().physicalMillis(pt::get).stateStore(store).build();
    assertThat(restarted.now()).isGreaterThan(highest);
  }

  @Provide
  Arbitrary<HlcTimestamp> stamps() {
    return Combinators.combine(
            Arbitraries.longs().between(0, HlcTimestamp.MAX_PHYSICAL),
            Arbitraries.integers().between(0, HlcTimestamp.MAX_LOGICAL))
        .as(HlcTimestamp::new)
        .edgeCases(
            c ->
                c.add(
                    HlcTimestamp.ZERO,
                    new HlcTimestamp(HlcTimestamp.MAX_PHYSICAL, HlcTimestamp.MAX_LOGICAL)));
  }

  @Property
  void encodingRoundTrips(@ForAll("stamps") HlcTimestamp stamp) {
    assertThat(stamp.encode()).isNotNegative();
    assertThat(HlcTimestamp.decode(stamp.encode())).isEqualTo(stamp);
  }

  @Property
  void encodingPreservesOrder(@ForAll("stamps") HlcTimestamp a, @ForAll("stamps") HlcTimestamp b) {
    int byParts =
        a.physicalMillis() != b.physicalMillis()
            ? Long.compare(a.physicalMillis(), b.physicalMillis())
            : Integer.compare(a.logical(), b.logical());
    assertThat(Integer.signum(Long.compare(a.encode(), b.encode())))
        .isEqualTo(Integer.signum(byParts));
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(byParts));
  }
}
