package dev.tdeveloper.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void neverShowsItsValue() {
    Secret secret = Secret.ofString("s3cr3t-value");
    assertThat(secret.toString()).isEqualTo("Secret[redacted]").doesNotContain("s3cr3t");
    assertThat(String.valueOf(secret)).doesNotContain("s3cr3t");
    secret.destroy();
    assertThat(secret).hasToString("Secret[destroyed]");
  }

  @Test
  void destroyWipesAndRefusesLaterReads() {
    byte[] given = "wipe-me".getBytes(StandardCharsets.UTF_8);
    Secret secret = Secret.of(given);
    given[0] = 'X';
    assertThat(secret.stringValue()).as("holds a copy").isEqualTo("wipe-me");
    Secret copy = secret.copy();
    secret.destroy();
    assertThat(secret.isDestroyed()).isTrue();
    assertThatThrownBy(secret::bytes).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(secret::chars).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(secret::stringValue).isInstanceOf(IllegalStateException.class);
    assertThat(copy.stringValue()).isEqualTo("wipe-me");
    secret.destroy();
  }

  @Test
  void comparesValuesNotIdentity() {
    Secret a = Secret.ofChars("same".toCharArray());
    Secret b = Secret.ofString("same");
    assertThat(a.sameValueAs(b)).isTrue();
    assertThat(a.sameValueAs(Secret.ofString("Same"))).isFalse();
    assertThat(a).isNotEqualTo(b);
    assertThat(new String(Secret.ofString("héllo").chars())).isEqualTo("héllo");
    assertThat(Secret.ofString("héllo").length()).isEqualTo(6);
  }

  @Test
  void refusesEmptyAndMalformedValues() {
    assertThatThrownBy(() -> Secret.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Secret.ofString("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Secret.ofChars(new char[] {'\uD800'}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UTF-16");
    assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class);
  }
}
