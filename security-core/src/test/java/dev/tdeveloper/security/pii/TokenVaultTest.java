package dev.tdeveloper.security.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.SecurityCoreException;
import dev.tdeveloper.tenancy.TenantId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenVaultTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @Test
  void oneTenantsVaultNeverDetokenizesAnothersTokens() {
    TokenVault vault = TokenVault.inMemory();
    String acme = vault.tokenize(ACME, "DE89 3704 0044 0532 0130 00");
    String globex = vault.tokenize(GLOBEX, "DE89 3704 0044 0532 0130 00");
    assertThat(vault.detokenize(ACME, acme)).contains("DE89 3704 0044 0532 0130 00");
    assertThat(vault.detokenize(GLOBEX, acme)).isEmpty();
    assertThat(vault.detokenize(GLOBEX, globex)).contains("DE89 3704 0044 0532 0130 00");
    assertThat(vault.detokenize(TenantId.of("initech"), acme)).isEmpty();
  }

  @Test
  void tokensKeepLengthAndCharacterClasses() {
    TokenVault vault = TokenVault.inMemory();
    String value = "Ab9-x_Z@ex.com";
    String token = vault.tokenize(ACME, value);
    assertThat(token).hasSameSizeAs(value).isNotEqualTo(value);
    for (int i = 0; i < value.length(); i++) {
      char v = value.charAt(i);
      char t = token.charAt(i);
      assertThat(Character.getType(t)).as("position " + i).isEqualTo(Character.getType(v));
      if (!Character.isLetterOrDigit(v)) {
        assertThat(t).isEqualTo(v);
      }
    }
  }

  @Test
  void aFullVaultRefusesNewValuesAndKeepsOldTokens() {
    TokenVault vault = TokenVault.inMemory(2);
    String first = vault.tokenize(ACME, "value-one");
    vault.tokenize(GLOBEX, "value-two");
    assertThatThrownBy(() -> vault.tokenize(ACME, "value-three"))
        .isInstanceOf(TokenVaultFullException.class)
        .hasMessageContaining("2");
    assertThat(vault.tokenize(ACME, "value-one")).isEqualTo(first);
    assertThat(vault.detokenize(ACME, first)).contains("value-one");
  }

  @Test
  void tokensOfTinyValuesAreUniqueOrRefused() {
    TokenVault vault = TokenVault.inMemory();
    Set<String> tokens = new HashSet<>();
    int refused = 0;
    for (int d = 0; d < 10; d++) {
      try {
        String token = vault.tokenize(ACME, Integer.toString(d));
        assertThat(token).matches("\\d").isNotEqualTo(Integer.toString(d));
        assertThat(tokens.add(token)).as("token %s is unique", token).isTrue();
      } catch (SecurityCoreException e) {
        assertThat(e).hasMessageContaining("too short");
        refused++;
      }
    }
    // Ten one-digit values either got ten distinct one-digit tokens, or some were refused.
    assertThat(tokens.size() + refused).isEqualTo(10);
    assertThatThrownBy(() -> vault.tokenize(ACME, "--"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenVault.inMemory(0)).hasMessageContaining("maxTokens");
  }

  @Test
  void concurrentTokenizationGivesOneTokenPerValue() {
    TokenVault vault = TokenVault.inMemory();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 8_000)
        .parallel()
        .forEach(i -> seen.add(vault.tokenize(ACME, "user-" + (i % 1000) + "@example.com")));
    assertThat(seen).hasSize(1000);
    assertThat(seen).allSatisfy(t -> assertThat(vault.detokenize(ACME, t)).isPresent());
  }
}
