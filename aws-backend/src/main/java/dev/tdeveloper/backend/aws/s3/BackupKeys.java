package dev.tdeveloper.backend.aws.s3;

import dev.tdeveloper.backend.aws.s3.internal.Names;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Texts;
import java.util.Objects;
import java.util.Optional;

/**
 * The S3 key layout of {@link S3BackupStore} and its id checks. Under the root prefix, a scope's
 * objects live below {@code <scope key>/} ({@code tenant-<id>} or {@code platform}): a scope key
 * never contains '/', and distinct scopes have distinct keys, so the mapping is injective and no
 * scope's prefix is a prefix of another's.
 *
 * <pre>
 * &lt;root&gt;&lt;scope key&gt;/chunks/&lt;64 hex&gt;        one sealed chunk
 * &lt;root&gt;&lt;scope key&gt;/manifests/&lt;backup id&gt;   one published manifest
 * &lt;root&gt;_scopes/&lt;scope key&gt;                 empty marker: the scope was used
 * </pre>
 */
final class BackupKeys {
  static final String CHUNKS = "/chunks/";
  static final String MANIFESTS = "/manifests/";
  private static final String TENANT = "tenant-";

  private final String root;

  BackupKeys(String root) {
    this.root = root;
  }

  String root() {
    return root;
  }

  String scope(BackupScope scope) {
    return root + Objects.requireNonNull(scope, "scope").key();
  }

  String chunks(BackupScope scope) {
    return scope(scope) + CHUNKS;
  }

  String manifests(BackupScope scope) {
    return scope(scope) + MANIFESTS;
  }

  String chunk(BackupScope scope, String chunkId) {
    String prefix = chunks(scope);
    return prefix + requireChunkId(chunkId);
  }

  String manifest(BackupScope scope, String backupId) {
    String prefix = manifests(scope);
    return prefix + requireBackupId(backupId);
  }

  /** Returns the scope whose key is {@code key}, if it is one. */
  static Optional<BackupScope> scopeOf(String key) {
    if (key.equals(BackupScope.platform().key())) {
      return Optional.of(BackupScope.platform());
    }
    if (key.startsWith(TENANT) && TenantId.isValid(key.substring(TENANT.length()))) {
      return Optional.of(BackupScope.of(TenantId.of(key.substring(TENANT.length()))));
    }
    return Optional.empty();
  }

  static boolean isChunkId(String id) {
    return id.length() == 64
        && id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  static String requireChunkId(String chunkId) {
    Objects.requireNonNull(chunkId, "chunkId");
    if (!isChunkId(chunkId)) {
      throw new IllegalArgumentException(
          "invalid chunkId "
              + Texts.quote(chunkId)
              + ": expected 64 lower-case hex characters (the SHA-256 of the chunk's plaintext)");
    }
    return chunkId;
  }

  static boolean isBackupId(String id) {
    return !id.isEmpty() && id.length() <= 128 && id.chars().allMatch(Names::isIdChar);
  }

  static String requireBackupId(String backupId) {
    Objects.requireNonNull(backupId, "backupId");
    if (!isBackupId(backupId)) {
      throw new IllegalArgumentException(
          "invalid backupId "
              + Texts.quote(backupId)
              + " ("
              + backupId.length()
              + " characters): expected 1 to 128 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
    }
    return backupId;
  }
}
