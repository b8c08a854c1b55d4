package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class QuotaPeriodPropertiesTest {
  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "UTC",
            "America/New_York",
            "Pacific/Auckland",
            "Asia/Kolkata",
            "Asia/Kathmandu",
            "Australia/Lord_Howe",
            "America/Santiago",
            "Asia/Beirut",
            "Europe/Amsterdam",
            "Pacific/Chatham",
            "America/St_Johns")
        .map(ZoneId::of);
  }

  @Property(tries = 2_000)
  void windowsContainTheirInstantAndTileTheTimeline(
      @ForAll("zones") ZoneId zone,
      @ForAll QuotaPeriod period,
      @ForAll @LongRange(min = -2_208_988_800L, max = 4_102_444_800L) long epochSecond,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
    Instant instant = Instant.ofEpochSecond(epochSecond, nanos);
    QuotaWindow window = period.window(instant, zone);
    assertThat(window.contains(instant)).isTrue();
    assertThat(period.window(window.end(), zone).start()).isEqualTo(window.end());
    assertThat(period.window(window.start().minusNanos(1), zone).end()).isEqualTo(window.start());
    assertThat(period.window(window.end().minusNanos(1), zone)).isEqualTo(window);
  }
}
