package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the tenant from a claim of a token the caller has already verified ({@link
 * RequestView#verifiedClaim}), {@value #DEFAULT_CLAIM} by default. This is the strongest signal: it
 * cannot be forged without the issuer's key. A claim that is not a valid {@link TenantId} throws
 * {@link TenantResolutionException} (it is not trimmed: an issuer sending padded ids is
 * misconfigured); an absent claim names no tenant.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClaimTenantResolver implements TenantResolver {
  /** The default claim name: {@value}. */
  public static final String DEFAULT_CLAIM = "tenant_id";

  private final String claimName;
  private final String source;

  private ClaimTenantResolver(String claimName) {
    this.claimName = claimName;
    this.source = "verified claim " + claimName;
  }

  /** Returns a resolver reading the claim {@value #DEFAULT_CLAIM}. */
  public static ClaimTenantResolver of() {
    return new ClaimTenantResolver(DEFAULT_CLAIM);
  }

  /**
   * Returns a resolver reading the claim {@code claimName}, for example {@code
   * https://example.com/tenant} or {@code org_id}.
   *
   * @throws IllegalArgumentException if {@code claimName} is blank or has control characters
   */
  public static ClaimTenantResolver of(String claimName) {
    Objects.requireNonNull(claimName, "claimName");
    if (claimName.isBlank() || claimName.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "claimName "
              + Inputs.quote(claimName)
              + " is not a claim name; allowed: non-blank text without control characters");
    }
    return new ClaimTenantResolver(claimName);
  }

  /** Returns the claim read. */
  public String claimName() {
    return claimName;
  }

  /**
   * {@inheritDoc}
   *
   * @throws TenantResolutionException if the claim is present but not a valid tenant id
   */
  @Override
  public Optional<TenantId> resolve(RequestView request) {
    Optional<String> claim = request.verifiedClaim(claimName);
    if (claim.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Inputs.tenantId(source, claim.get()));
  }

  @Override
  public String toString() {
    return "ClaimTenantResolver[" + claimName + "]";
  }
}
