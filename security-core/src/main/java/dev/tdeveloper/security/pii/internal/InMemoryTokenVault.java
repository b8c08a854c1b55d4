package dev.tdeveloper.security.pii.internal;

import dev.tdeveloper.security.SecurityCoreException;
import dev.tdeveloper.security.pii.TokenVault;
import dev.tdeveloper.security.pii.TokenVaultFullException;
import dev.tdeveloper.tenancy.TenantId;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TokenVault} in the heap: one pair of maps (value to token, token to value) per tenant,
 * each guarded by its own lock, and one count bounding the tokens of all tenants. Thread-safe.
 */
public final class InMemoryTokenVault implements TokenVault {
  private static final int ATTEMPTS = 32;

  private final int maxTokens;
  private final AtomicInteger count = new AtomicInteger();
  private final Map<TenantId, Shelf> shelves = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** Creates a vault of at most {@code maxTokens} tokens (validated by the caller). */
  public InMemoryTokenVault(int maxTokens) {
    this.maxTokens = maxTokens;
  }

  @Override
  public String tokenize(TenantId tenant, String value) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(value, "value");
    if (value.chars().noneMatch(c -> Checks.isWordChar((char) c))) {
      throw new IllegalArgumentException("value has no letter or digit to tokenize");
    }
    Shelf shelf = shelves.computeIfAbsent(tenant, t -> new Shelf());
    synchronized (shelf) {
      String existing = shelf.tokens.get(value);
      if (existing != null) {
        return existing;
      }
      if (count.incrementAndGet() > maxTokens) {
        count.decrementAndGet();
        throw new TokenVaultFullException(
            "token vault holds its maximum of " + maxTokens + " tokens");
      }
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        String token = FormatPreservingTokens.random(value, random);
        if (!token.equals(value) && !shelf.values.containsKey(token)) {
          shelf.tokens.put(value, token);
          shelf.values.put(token, value);
          return token;
        }
      }
      count.decrementAndGet();
      throw new SecurityCoreException(
          "no unique token of the value's shape after "
              + ATTEMPTS
              + " attempts: the value of "
              + value.length()
              + " characters is too short to tokenize");
    }
  }

  @Override
  public Optional<String> detokenize(TenantId tenant, String token) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(token, "token");
    Shelf shelf = shelves.get(tenant);
    if (shelf == null) {
      return Optional.empty();
    }
    synchronized (shelf) {
      return Optional.ofNullable(shelf.values.get(token));
    }
  }

  @Override
  public String toString() {
    return "InMemoryTokenVault[tenants="
        + shelves.size()
        + ", tokens="
        + count.get()
        + ", maxTokens="
        + maxTokens
        + "]";
  }

  /** One tenant's tokens. Guarded by its own monitor. */
  private static final class Shelf {
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, String> values = new HashMap<>();
  }
}
