package dev.tdeveloper.tenancy.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.JobLeaseProvider;
import dev.tdeveloper.tenancy.spi.Lease;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.testkit.JobLeaseContract;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InProcessJobLeaseTest extends JobLeaseContract {
  @Override
  protected JobLease createLeases(ManualClock clock) {
    return InProcessJobLease.withTicker(clock);
  }

  @Test
  void measuresExpiryAcrossTickerOverflow() {
    ManualClock base = new ManualClock();
    long[] offset = {Long.MAX_VALUE - 1_000_000};
    JobLease nearOverflow = InProcessJobLease.withTicker(() -> offset[0] + base.read());
    Lease lease = nearOverflow.acquire("backup", "alice", Duration.ofSeconds(1)).orElseThrow();
    base.advance(Duration.ofMillis(999));
    assertThat(nearOverflow.renew(lease, Duration.ofSeconds(1))).isTrue();
    base.advance(Duration.ofMillis(1_000));
    assertThat(nearOverflow.acquire("backup", "bob", Duration.ofSeconds(1))).isPresent();
  }

  @Test
  void isTheInProcessProvider() {
    JobLeaseProvider provider =
        ProviderSelector.select(
            JobLeaseProvider.class, Optional.of("in-process"), "dev.tdeveloper:tenancy-core");
    assertThat(provider).isInstanceOf(InProcessJobLeaseProvider.class);
    try (JobLease leases = provider.create(Map.of())) {
      assertThat(leases.acquire("backup", "alice", Duration.ofSeconds(1))).isPresent();
    }
    assertThatThrownBy(() -> provider.create(Map.of("uri", "redis://x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[uri]");
  }
}
