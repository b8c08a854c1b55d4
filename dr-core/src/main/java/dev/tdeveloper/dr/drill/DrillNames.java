package dev.tdeveloper.dr.drill;

import dev.tdeveloper.tenancy.internal.Texts;
import java.util.Objects;
import java.util.regex.Pattern;

/** The naming rules drills check, shared by the package's values. Stateless and thread-safe. */
final class DrillNames {
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9._-]{1,64}");
  private static final Pattern BACKUP_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private DrillNames() {}

  /** Checks a source name as {@link dev.tdeveloper.dr.spi.BackupSource#name()} defines it. */
  static String requireSource(String source) {
    Objects.requireNonNull(source, "source");
    if (!SOURCE.matcher(source).matches()) {
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
    if (!BACKUP_ID.matcher(backupId).matches()) {
      throw new IllegalArgumentException(
          "backupId "
              + Texts.quote(backupId)
              + " is not a backup id: 1 to 128 letters, digits, '.', '_' or '-'");
    }
    return backupId;
  }
}
