package dev.tdeveloper.security.crypto;

import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Where the application keeps a tenant's envelope ciphertexts, as {@link RewrapJob} walks it:
 * implemented by the application over its own database or files. Implementations must be
 * thread-safe if the job runs alongside other writers.
 */
public interface CiphertextStore {
  /**
   * Returns up to {@code limit} of the tenant's ciphertexts whose id sorts after {@code after} (all
   * when empty), in ascending id order; fewer than {@code limit} means the end was reached.
   */
  List<StoredCiphertext> next(TenantId tenant, Optional<String> after, int limit);

  /**
   * Replaces the ciphertext {@code id} with {@code replacement} if it still equals {@code expected}
   * (a record rewritten meanwhile is left alone); durable when it returns.
   *
   * @return whether it was replaced
   */
  boolean replace(TenantId tenant, String id, byte[] expected, byte[] replacement);
}
