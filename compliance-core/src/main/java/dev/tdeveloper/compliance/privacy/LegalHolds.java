package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry of {@link LegalHold}s, which privacy requests and retention policies consult: a hold
 * that covers data always wins over erasure and expiry. Released holds are kept, with when and why,
 * as a record. Holds of one tenant never cover another tenant's data. Thread-safe.
 */
public final class LegalHolds {
  private final InstantSource clock;
  private final Map<String, LegalHold> holds = new LinkedHashMap<>();

  /** Creates an empty registry that timestamps with {@code clock}. */
  public LegalHolds(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Places a hold on data of {@code tenant}, narrowed to {@code subject} and/or {@code category}
   * when given.
   *
   * @throws IllegalArgumentException if the reason or category is invalid or the subject is of
   *     another tenant
   */
  public synchronized LegalHold place(
      TenantId tenant, Optional<DataSubject> subject, Optional<String> category, String reason) {
    LegalHold hold =
        new LegalHold(
            UUID.randomUUID().toString(),
            tenant,
            subject,
            category,
            reason,
            clock.instant(),
            Optional.empty(),
            Optional.empty());
    holds.put(hold.id(), hold);
    return hold;
  }

  /**
   * Releases the hold {@code id}.
   *
   * @return the released hold
   * @throws IllegalArgumentException if there is no such hold or the reason is invalid
   * @throws IllegalStateException if it was already released
   */
  public synchronized LegalHold release(String id, String reason) {
    LegalHold hold = holds.get(Objects.requireNonNull(id, "id"));
    if (hold == null) {
      throw new IllegalArgumentException("no legal hold " + id);
    }
    if (hold.releasedAt().isPresent()) {
      throw new IllegalStateException(
          "legal hold " + id + " was already released at " + hold.releasedAt().get());
    }
    LegalHold released = hold.release(clock.instant(), reason);
    holds.put(id, released);
    return released;
  }

  /** Returns the hold {@code id}, active or released. */
  public synchronized Optional<LegalHold> find(String id) {
    return Optional.ofNullable(holds.get(Objects.requireNonNull(id, "id")));
  }

  /** Returns every hold of {@code tenant}, active or released, in placement order. */
  public synchronized List<LegalHold> forTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return holds.values().stream().filter(h -> h.tenant().equals(tenant)).toList();
  }

  /**
   * Returns the holds active now that cover data of {@code category} in {@code tenant} belonging to
   * {@code owner} (empty for data not tied to one subject).
   */
  public synchronized List<LegalHold> covering(
      TenantId tenant, Optional<DataSubject> owner, String category) {
    List<LegalHold> out = new ArrayList<>();
    for (LegalHold h : holds.values()) {
      if (h.isActiveAt(clock.instant()) && h.covers(tenant, owner, category)) {
        out.add(h);
      }
    }
    return out;
  }
}
