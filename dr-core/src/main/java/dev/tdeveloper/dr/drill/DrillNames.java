package dev.tdeveloper.dr.drill;

import dev.tdeveloper.dr.internal.Names;
import dev.tdeveloper.tenancy.internal.Texts;
import java.util.Objects;

/** The naming rules drills check, shared by the package's values. Stateless and thread-safe. */
final class DrillNames {
  private DrillNames() {}

  /** Checks a source name as {@link dev.tdeveloper.dr.spi.BackupSource#name()} defines it. */
  static String requireSource(String source) {
    Objects.requireNonNull(source, "source");
    if (!Names.isSourceName(source)) {
      throw new IllegalArgumentException(
          "source "
              + Texts.quote(source)
              + " is not a source name: 1 to 64 lower-case letters, digits, '.', '_' or '-'");
    }
    return source;
  }

  /** Checks a backup id as {@link dev.tdeveloper.dr.spi.BackupStore} defines it. */
  static String requireBackupId(String backupId) {
    Objects.requireNonNull(backupId, "backupId");
    if (!Names.isBackupId(backupId)) {
      throw new IllegalArgumentException(
          "backupId "
              + Texts.quote(backupId)
              + " is not a backup id: 1 to 128 letters, digits, '.', '_' or '-'");
    }
    return backupId;
  }
}
