package dev.tdeveloper.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The counter takes the second from the clock's milliseconds: a request stays in the window exactly
 * until the window's last millisecond of its epoch second ({@code Instant.getEpochSecond()}),
 * before the epoch and across second boundaries too.
 */
class TrafficCounterSecondPropertyTest {
  private static final TenantId ACME = TenantId.of("acme");

  @Property(tries = 500)
  void aRequestLeavesTheWindowAtTheEndOfItsEpochSecondsWindow(
      @ForAll @LongRange(min = -4_000_000_000_000L, max = 4_000_000_000_000L) long epochMilli) {
    Instant at = Instant.ofEpochMilli(epochMilli);
    ManualClock clock = new ManualClock(at);
    TrafficCounter counter = new TrafficCounter(clock);
    counter.record(ACME, 200);
    long lastMilli = (at.getEpochSecond() + TrafficCounter.WINDOW_SECONDS) * 1000L - 1;
    clock.setTo(Instant.ofEpochMilli(lastMilli));
    assertThat(counter.tenant(ACME).requests()).isEqualTo(1);
    clock.setTo(Instant.ofEpochMilli(lastMilli + 1));
    assertThat(counter.tenant(ACME).requests()).isZero();
  }
}
