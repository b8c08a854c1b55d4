package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Texts;
import java.util.Objects;
import java.util.Optional;

/** Validation of chunk and backup ids and parsing of scope keys, shared by the stores. */
final class Ids {
  /** Length of a chunk id: a SHA-256 in hex. */
  static final int CHUNK_ID_LENGTH = 64;

  /** Longest backup id. */
  static final int MAX_BACKUP_ID_LENGTH = 128;

  private static final String TENANT_PREFIX = "tenant-";

  private Ids() {}

  /** Returns whether {@code id} is 64 lower-case hex characters. */
  static boolean isChunkId(String id) {
    if (id.length() != CHUNK_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether {@code id} is 1 to 128 characters of letters, digits, '.', '_' or '-'. */
  static boolean isBackupId(String id) {
    if (id.isEmpty() || id.length() > MAX_BACKUP_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a chunk id.
   *
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException naming the value if it is not 64 lower-case hex characters
   */
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

  /**
   * Checks a backup id.
   *
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException naming the value if it is malformed
   */
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

  /** Returns the scope whose {@link BackupScope#key()} is {@code key}, if it is one. */
  static Optional<BackupScope> scopeOf(String key) {
    if (key.equals(BackupScope.platform().key())) {
      return Optional.of(BackupScope.platform());
    }
    if (key.startsWith(TENANT_PREFIX)) {
      String tenant = key.substring(TENANT_PREFIX.length());
      if (TenantId.isValid(tenant)) {
        return Optional.of(BackupScope.of(TenantId.of(tenant)));
      }
    }
    return Optional.empty();
  }
}
