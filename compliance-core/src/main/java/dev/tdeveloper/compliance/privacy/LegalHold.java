package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A legal hold: data that must be preserved (for litigation, an investigation, a regulator) and
 * therefore neither erased nor expired, whatever a privacy request or a {@link RetentionPolicy}
 * says. Its scope is a whole tenant, or narrowed to one subject, one data category, or both.
 * Immutable and thread-safe; place and release holds through a {@link LegalHoldRegistry}.
 *
 * @param id the hold's id
 * @param tenant the tenant whose data is held; a hold never covers another tenant
 * @param subject the subject whose data is held, or empty for every subject of the tenant
 * @param category the data category held, or empty for every category
 * @param reason why the data is held (1 to 2000 characters)
 * @param placedAt when the hold was placed
 * @param releasedAt when it was released, or empty while it holds
 * @param releaseReason why it was released, present exactly when {@code releasedAt} is
 */
public record LegalHold(
    String id,
    TenantId tenant,
    Optional<DataSubject> subject,
    Optional<String> category,
    String reason,
    Instant placedAt,
    Optional<Instant> releasedAt,
    Optional<String> releaseReason) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if a text is invalid, the subject is of another tenant, the
   *     release is before the placement, or only one of release time and reason is given
   */
  public LegalHold {
    Checks.text("hold id", id, 128);
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(category, "category");
    category.ifPresent(c -> Checks.name("category", c));
    Checks.text("hold reason", reason, 2000);
    Objects.requireNonNull(placedAt, "placedAt");
    Objects.requireNonNull(releasedAt, "releasedAt");
    Objects.requireNonNull(releaseReason, "releaseReason");
    releaseReason.ifPresent(r -> Checks.text("release reason", r, 2000));
    if (subject.isPresent() && !subject.get().tenant().equals(tenant)) {
      throw new IllegalArgumentException(
          "hold "
              + id
              + " is for tenant "
              + tenant
              + " but its subject is of tenant "
              + subject.get().tenant());
    }
    if (releasedAt.isPresent() != releaseReason.isPresent()) {
      throw new IllegalArgumentException(
          "hold " + id + ": a release needs both its time and its reason");
    }
    if (releasedAt.isPresent() && releasedAt.get().isBefore(placedAt)) {
      throw new IllegalArgumentException(
          "hold "
              + id
              + " cannot be released at "
              + releasedAt.get()
              + ", before it was placed at "
              + placedAt);
    }
  }

  /** Returns whether the hold is in force at {@code at}: placed, and not released by then. */
  public boolean isActiveAt(Instant at) {
    return !at.isBefore(placedAt) && releasedAt.map(at::isBefore).orElse(true);
  }

  /**
   * Returns whether the hold, if active, covers data of {@code category} in {@code tenant},
   * belonging to {@code owner} (empty for data not tied to one subject).
   */
  public boolean covers(TenantId tenant, Optional<DataSubject> owner, String category) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(category, "category");
    return this.tenant.equals(tenant)
        && subject.map(s -> owner.map(s::matches).orElse(false)).orElse(true)
        && this.category.map(category::equals).orElse(true);
  }

  /** Returns a copy released at {@code at} for {@code why}. */
  LegalHold release(Instant at, String why) {
    return new LegalHold(
        id, tenant, subject, category, reason, placedAt, Optional.of(at), Optional.of(why));
  }
}
