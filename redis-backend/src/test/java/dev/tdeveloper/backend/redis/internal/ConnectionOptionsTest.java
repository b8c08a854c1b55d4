package dev.tdeveloper.backend.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionOptionsTest {
  private static ConnectionOptions options(int minPrefixLength) {
    return new ConnectionOptions(null, false, "default:", Duration.ofSeconds(2), minPrefixLength);
  }

  @Test
  void anEmptyPrefixIsAllowedOnlyWhenTheMinimumIsZero() {
    ConnectionOptions base = options(0);
    base.keyPrefix("");
    assertThat(base.keyPrefix()).isEmpty();
    assertThatThrownBy(() -> options(1).keyPrefix(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyPrefix must be 1 to 64 characters without braces or whitespace, was ''");
  }

  @Test
  void rejectsBracesWhitespaceAndLongPrefixesLeavingTheDefault() {
    ConnectionOptions options = options(1);
    for (String bad : new String[] {"a{b}", "a b", "x".repeat(65)}) {
      assertThatThrownBy(() -> options.keyPrefix(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    assertThat(options.keyPrefix()).isEqualTo("default:");
  }

  @Test
  void eachSettingMayBeSetOnce() {
    ConnectionOptions options = options(1);
    options.keyPrefix("a:");
    options.commandTimeout(Duration.ofMillis(500));
    assertThatThrownBy(() -> options.keyPrefix("b:"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("keyPrefix was already set");
    assertThatThrownBy(() -> options.commandTimeout(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("commandTimeout was already set");
    assertThat(options.keyPrefix()).isEqualTo("a:");
    assertThat(options.commandTimeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void rejectsATimeoutOutsideOneMillisecondToTenMinutes() {
    assertThatThrownBy(() -> options(0).commandTimeout(Duration.ofMinutes(11)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("commandTimeout must be between 1 ms and 10 minutes, was PT11M");
  }

  @Test
  void refusesToConnectWithoutAClient() {
    assertThatThrownBy(() -> options(0).connection(IllegalStateException::new))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no RedisClient");
  }
}
