package dev.tdeveloper.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.spi.QuotaStoreConfig;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression: a malformed URI holding a password was quoted whole in the provider's error (and in
 * the chained driver exception), so a log of a bad deployment showed the Redis password.
 */
class ProviderPasswordLeakTest {
  private static final String PASSWORD = "s3cret-Pa55word";
  private static final String BAD_URI = "redis://:" + PASSWORD + "@[not-a-host";

  @Test
  void rateLimiterProviderNeverQuotesThePasswordOfABadUri() {
    assertThatThrownBy(() -> new RedisRateLimiterStoreProvider().create(Map.of("uri", BAD_URI)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uri is not a Redis URI")
        .satisfies(ProviderPasswordLeakTest::neverMentionsThePassword);
  }

  @Test
  void quotaStoreProviderNeverQuotesThePasswordOfABadUri() {
    QuotaStoreConfig config =
        new QuotaStoreConfig(InstantSource.system(), Map.of("redis.uri", BAD_URI));
    assertThatThrownBy(() -> new RedisQuotaStoreProvider().create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis.uri is not a Redis URI")
        .satisfies(ProviderPasswordLeakTest::neverMentionsThePassword);
  }

  @Test
  void jobLeaseProviderNeverQuotesThePasswordOfABadUri() {
    assertThatThrownBy(() -> new RedisJobLeaseProvider().create(Map.of("uri", BAD_URI)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uri is not a Redis URI")
        .satisfies(ProviderPasswordLeakTest::neverMentionsThePassword);
  }

  private static void neverMentionsThePassword(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD);
      assertThat(t.toString()).doesNotContain(PASSWORD);
      for (Throwable suppressed : t.getSuppressed()) {
        assertThat(suppressed.toString()).doesNotContain(PASSWORD);
      }
    }
  }
}
