package dev.tdeveloper.backend.redis;

import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.testkit.JobLeaseContract;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lease contract on a real redis-server. The scripts decide by the test's clock (started at the
 * real time) instead of the server's {@code TIME}; {@link RedisJobLeaseTest} checks the server's
 * own expiry.
 */
@ExtendWith(LocalRedisExtension.class)
class RedisJobLeaseContractTest extends JobLeaseContract {
  private static TestClient redis;

  @BeforeAll
  static void connect(URI uri) {
    redis = new TestClient(uri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected ManualClock newClock() {
    return new ManualClock(Instant.now());
  }

  @Override
  protected JobLease createLeases(ManualClock clock) {
    return RedisJobLease.builder(redis.client)
        .commandTimeout(Duration.ofSeconds(30))
        .frozenClockForTests(() -> clock.instant().toEpochMilli())
        .build();
  }
}
