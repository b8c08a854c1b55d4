package dev.tdeveloper.distribution.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
