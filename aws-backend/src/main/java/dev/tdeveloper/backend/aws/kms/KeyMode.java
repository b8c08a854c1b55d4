package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.tenancy.TenantId;
import java.util.List;

/**
 * Where a {@link KmsKeyManager} keeps tenants' versions: {@link TenantKeyMode} (a KMS key and alias
 * per version, state in KMS) or {@link SharedKeyMode} (one KMS key, version records in a secret
 * store). Called under the manager's lock.
 */
interface KeyMode {
  /** Thrown when another instance changed the tenant's versions first; reload and try again. */
  final class Raced extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Raced() {
      super("raced", null, false, false);
    }
  }

  /** Returns the tenant's versions, ascending, knowing {@code known} (possibly stale). */
  List<KmsVersion> load(TenantId tenant, List<KmsVersion> known);

  /** Adds version {@code known.size() + 1}, enabled; throws {@link Raced} if it exists. */
  KmsVersion create(TenantId tenant, List<KmsVersion> known);

  /** Puts {@code version} in {@code state}; throws {@link Raced} if the records moved. */
  KmsVersion change(List<KmsVersion> known, KmsVersion version, KeyState state);

  /** Returns every tenant with at least one version, ascending. */
  List<TenantId> tenants();

  /** Describes the mode for messages and {@code toString} (no secret, no credential). */
  String describe();
}
