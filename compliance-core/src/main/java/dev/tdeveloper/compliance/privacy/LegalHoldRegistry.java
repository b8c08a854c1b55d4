package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link LegalHold}s are placed and released, and what privacy requests and retention
 * policies consult: a hold that covers data always wins over erasure and expiry. A release is
 * recorded, never erased, so the registry can always show which holds existed, when and why. Holds
 * of one tenant never cover another tenant's data.
 *
 * <p>Implementations are thread-safe. {@link LegalHolds} keeps the holds in memory (they vanish
 * with the process: for tests and for services that rebuild their holds at start); {@link
 * FileLegalHolds} keeps them in a file and survives restarts and crashes.
 */
public interface LegalHoldRegistry {
  /**
   * Places a hold on data of {@code tenant}, narrowed to {@code subject} and/or {@code category}
   * when given. The hold is recorded before this returns.
   *
   * @param reason why the data is held (1 to 2000 characters, no control characters)
   * @return the new, active hold, with a fresh id
   * @throws IllegalArgumentException if the reason or category is invalid or the subject is of
   *     another tenant; nothing is recorded
   */
  LegalHold place(
      TenantId tenant, Optional<DataSubject> subject, Optional<String> category, String reason);

  /**
   * Releases the hold {@code id}; the hold stays in the registry, with the time and reason of its
   * release. The release is recorded before this returns.
   *
   * @param reason why the hold ends (1 to 2000 characters, no control characters)
   * @return the released hold
   * @throws IllegalArgumentException if there is no such hold or the reason is invalid; nothing
   *     changes
   * @throws IllegalStateException if it was already released; nothing changes
   */
  LegalHold release(String id, String reason);

  /** Returns the hold {@code id}, active or released. */
  Optional<LegalHold> find(String id);

  /** Returns every hold of {@code tenant}, active or released, in placement order. */
  List<LegalHold> forTenant(TenantId tenant);

  /**
   * Returns the holds active now that cover data of {@code category} in {@code tenant} belonging to
   * {@code owner} (empty for data not tied to one subject).
   */
  List<LegalHold> covering(TenantId tenant, Optional<DataSubject> owner, String category);
}
