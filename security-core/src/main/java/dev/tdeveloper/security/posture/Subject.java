package dev.tdeveloper.security.posture;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@link Finding} is about: a kind ({@code tenant}, {@code plan}, {@code secret}, {@code
 * certificate}, {@code tls}, {@code check}, ...), an identifier within that kind (a tenant id, a
 * qualified secret name, a certificate's SHA-256 fingerprint, ...) and, when the subject belongs to
 * one tenant, that tenant — so a tenant's view of a report holds only findings about itself.
 * Identifiers never hold secret values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what sort of thing the subject is; matches {@code [a-z][a-z0-9-]{0,31}}
 * @param id the subject's identifier within its kind; 1 to 512 characters, one line
 * @param tenant the tenant the subject belongs to; empty for platform-wide subjects
 */
public record Subject(String kind, String id, Optional<TenantId> tenant) {
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  /** The longest identifier: {@value}. */
  public static final int MAX_ID_LENGTH = 512;

  /**
   * Validates the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException naming the bad kind or id and what is allowed
   */
  public Subject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "kind must match " + KIND.pattern() + ", was '" + Texts.shorten(kind) + "'");
    }
    Texts.requireLine("id", id, MAX_ID_LENGTH);
  }

  /** Returns a platform-wide subject (no tenant). */
  public static Subject platform(String kind, String id) {
    return new Subject(kind, id, Optional.empty());
  }

  /** Returns the subject {@code tenant} itself (kind {@code tenant}). */
  public static Subject tenant(TenantId tenant) {
    return new Subject("tenant", tenant.value(), Optional.of(tenant));
  }

  /** Returns a subject of {@code kind} that belongs to {@code tenant}. */
  public static Subject ofTenant(String kind, String id, TenantId tenant) {
    return new Subject(kind, id, Optional.of(Objects.requireNonNull(tenant, "tenant")));
  }

  /** Returns {@code kind:id}. */
  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
