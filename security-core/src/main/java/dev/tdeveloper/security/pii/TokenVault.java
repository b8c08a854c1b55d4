package dev.tdeveloper.security.pii;

import dev.tdeveloper.security.pii.internal.InMemoryTokenVault;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;

/**
 * Keeps the format-preserving tokens of {@link MaskingStrategy#TOKENIZE}, per tenant: the same
 * value of the same tenant always gets the same token, and a token only detokenizes for the tenant
 * that created it. A token keeps the value's shape: digits stay digits, letters stay letters of the
 * same case, every other character and the length are kept.
 *
 * <p>Implementations must be thread-safe and must never show values or tokens in {@code toString}.
 */
public interface TokenVault {
  /** The default most tokens {@link #inMemory()} holds across tenants: {@value}. */
  int DEFAULT_MAX_TOKENS = 1_000_000;

  /**
   * Returns the token of {@code value} for {@code tenant}, creating it on first use.
   *
   * @throws IllegalArgumentException if the value has no letter or digit to replace
   * @throws TokenVaultFullException if a new token is needed and the vault is full
   * @throws dev.tdeveloper.security.SecurityCoreException if no unique token of the value's shape
   *     can be found (a very short value)
   */
  String tokenize(TenantId tenant, String value);

  /**
   * Returns the value {@code tenant}'s token stands for, or empty if it is no token of the tenant.
   */
  Optional<String> detokenize(TenantId tenant, String token);

  /** Returns an in-memory vault of at most {@value #DEFAULT_MAX_TOKENS} tokens. */
  static TokenVault inMemory() {
    return inMemory(DEFAULT_MAX_TOKENS);
  }

  /**
   * Returns an in-memory vault of at most {@code maxTokens} tokens across tenants; when full, new
   * values are refused with {@link TokenVaultFullException} (existing tokens keep working). Values
   * live in the heap of this process and are lost when it stops.
   *
   * @throws IllegalArgumentException if {@code maxTokens} is not 1 to 2^28
   */
  static TokenVault inMemory(int maxTokens) {
    if (maxTokens < 1 || maxTokens > (1 << 28)) {
      throw new IllegalArgumentException("maxTokens must be 1 to 2^28, was " + maxTokens);
    }
    return new InMemoryTokenVault(maxTokens);
  }
}
