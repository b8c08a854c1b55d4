package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.internal.Names;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The argument checks both journals share, so they refuse the same input with the same words. */
final class ChangeArguments {

  private ChangeArguments() {}

  /**
   * Checks an append's arguments (all but the time order, which needs the scope's state) and
   * returns the record it would append as number {@code sequence}.
   *
   * @throws IllegalArgumentException naming the bad field and what is allowed
   */
  static ChangeRecord record(
      long sequence,
      BackupScope scope,
      Instant time,
      String source,
      String path,
      Optional<byte[]> content,
      int maxContentBytes) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(time, "time");
    checkSource(source);
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (content.isPresent() && content.get().length > maxContentBytes) {
      throw new IllegalArgumentException(
          "content of "
              + path
              + " is "
              + content.get().length
              + " bytes; at most "
              + maxContentBytes
              + " allowed");
    }
    return new ChangeRecord(sequence, time, source, path, content);
  }

  /** Checks a source name: the rule of {@link dev.tdeveloper.dr.spi.BackupSource#name()}. */
  static String checkSource(String source) {
    Objects.requireNonNull(source, "source");
    if (!Names.isSourceName(source)) {
      throw new IllegalArgumentException(
          "source '" + source + "' must be 1 to 64 characters of a-z, 0-9, '.', '_' or '-'");
    }
    return source;
  }

  /** Checks that the time does not go back in the scope. */
  static void checkTimeOrder(BackupScope scope, Instant time, Instant last) {
    if (time.isBefore(last)) {
      throw new IllegalArgumentException(
          "time "
              + time
              + " is before the last record's time "
              + last
              + " in scope "
              + scope
              + "; times in a scope never go backwards");
    }
  }

  /** Checks a sequence argument of {@code read} or {@code truncateBefore}. */
  static void checkSequence(String name, long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + sequence);
    }
  }

  /** Checks that {@code truncateBefore} drops only records already appended. */
  static void checkTruncation(BackupScope scope, long sequence, long next) {
    if (sequence > next) {
      throw new IllegalArgumentException(
          "sequence "
              + sequence
              + " is past scope "
              + scope
              + "'s next sequence "
              + next
              + "; only records already appended can be dropped");
    }
  }
}
