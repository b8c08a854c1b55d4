package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The {@link LegalHoldRegistry} in memory: holds, released ones included, live as long as the
 * object. Use {@link FileLegalHolds} where a hold must outlive the process, as a hold that vanishes
 * on restart lets data it protects be erased or expired. Thread-safe.
 */
public final class LegalHolds implements LegalHoldRegistry {
  private final InstantSource clock;
  private final Consumer<LegalHold> journal;
  private final Map<String, LegalHold> holds = new LinkedHashMap<>();

  /** Creates an empty registry that timestamps with {@code clock}. */
  public LegalHolds(InstantSource clock) {
    this(clock, hold -> {});
  }

  /**
   * Creates an empty registry that hands every new or released hold to {@code journal} before it
   * takes effect; if the journal throws, nothing changes.
   */
  LegalHolds(InstantSource clock, Consumer<LegalHold> journal) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  @Override
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
    journal.accept(hold);
    holds.put(hold.id(), hold);
    return hold;
  }

  @Override
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
    journal.accept(released);
    holds.put(id, released);
    return released;
  }

  /**
   * Takes a hold read back from a journal: a new hold, or the release of one it holds active.
   *
   * @throws IllegalArgumentException if a placed hold's id is taken, or a release is of an unknown
   *     or already released hold, or changes more than its release
   */
  synchronized void load(LegalHold hold) {
    LegalHold known = holds.get(hold.id());
    if (hold.releasedAt().isEmpty()) {
      if (known != null) {
        throw new IllegalArgumentException("legal hold " + hold.id() + " is placed twice");
      }
    } else if (known == null || known.releasedAt().isPresent()) {
      throw new IllegalArgumentException(
          "legal hold " + hold.id() + " is released but was not active");
    } else if (!known.release(hold.releasedAt().get(), hold.releaseReason().get()).equals(hold)) {
      throw new IllegalArgumentException(
          "the release of legal hold " + hold.id() + " does not match its placement");
    }
    holds.put(hold.id(), hold);
  }

  @Override
  public synchronized Optional<LegalHold> find(String id) {
    return Optional.ofNullable(holds.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public synchronized List<LegalHold> forTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return holds.values().stream().filter(h -> h.tenant().equals(tenant)).toList();
  }

  @Override
  public synchronized List<LegalHold> covering(
      TenantId tenant, Optional<DataSubject> owner, String category) {
    Instant now = clock.instant();
    List<LegalHold> out = new ArrayList<>();
    for (LegalHold h : holds.values()) {
      if (h.isActiveAt(now) && h.covers(tenant, owner, category)) {
        out.add(h);
      }
    }
    return out;
  }
}
