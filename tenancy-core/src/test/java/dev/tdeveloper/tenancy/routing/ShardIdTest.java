package dev.tdeveloper.tenancy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardIdTest {
  @ParameterizedTest
  @ValueSource(strings = {"cell-1", "a", "eu-west-1.pg_2", "0"})
  void acceptsLowercaseTokens(String value) {
    assertThat(ShardId.of(value).value()).isEqualTo(value);
    assertThat(ShardId.of(value)).hasToString(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Cell-1", "-cell", ".cell", "cell 1", "cell/1", "céll"})
  void rejectsNonTokensNamingTheValue(String value) {
    assertThatThrownBy(() -> ShardId.of(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid shard id")
        .hasMessageContaining("allowed are");
  }

  @Test
  void rejectsTooLongAndNull() {
    assertThatThrownBy(() -> ShardId.of("a".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShardId.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }

  @Test
  void ordersByValue() {
    assertThat(ShardId.of("cell-1")).isLessThan(ShardId.of("cell-2"));
  }
}
