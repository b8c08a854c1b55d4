package dev.tdeveloper.dr.internal;

import java.util.regex.Pattern;

/**
 * The naming rules of dr-core in one place: source names and backup ids. Callers keep their own
 * error messages (they name their own field); only the rule is shared. Stateless and thread-safe.
 */
public final class Names {
  private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9._-]{1,64}");
  private static final Pattern BACKUP_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private Names() {}

  /**
   * Returns whether {@code source} is a source name as {@link
   * dev.tdeveloper.dr.spi.BackupSource#name()} defines it: 1 to 64 of {@code a-z 0-9 . _ -}.
   */
  public static boolean isSourceName(String source) {
    return SOURCE_NAME.matcher(source).matches();
  }

  /** Returns whether {@code backupId} is a backup id: 1 to 128 of {@code A-Z a-z 0-9 . _ -}. */
  public static boolean isBackupId(String backupId) {
    return BACKUP_ID.matcher(backupId).matches();
  }
}
