package com.example.nimbus;

import dev.tdeveloper.security.spi.GcraArithmetic;
import dev.tdeveloper.security.testkit.RateLimiterStoreContract;
import dev.tdeveloper.security.testkit.StoreUnderTest;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;

/** The Nimbus store passes the same contract as the SDK's in-process store. */
class NimbusRateLimiterStoreTest extends RateLimiterStoreContract {
  @Override
  protected StoreUnderTest create() {
    ManualClock serviceClock = new ManualClock();
    NimbusTable<GcraArithmetic.KeyState> table = new NimbusTable<>(serviceClock::read);
    return new StoreUnderTest(
        new NimbusRateLimiterStore(table),
        serviceClock::advance,
        key ->
            table
                .get(key)
                .map(item -> Duration.ofNanos(item.expiresAtNanos() - table.serviceNanos())));
  }

  @Override
  protected Duration expiryGranularity() {
    return Duration.ZERO;
  }

}
