package dev.tdeveloper.dr.drill;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link DrillTarget} restored and checked: how much it wrote, how many chunks and manifests
 * it verified against their SHA-256, and every problem it found. Immutable and thread-safe.
 *
 * @param files files written to the scratch directory
 * @param bytes bytes written to the scratch directory
 * @param checked chunks and manifests whose checksums were verified
 * @param problems every missing or corrupt chunk or manifest, named; empty when all verified
 */
public record RestoredBackup(long files, long bytes, long checked, List<String> problems) {
  /**
   * Checks the fields and copies the list.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public RestoredBackup {
    requireCount("files", files);
    requireCount("bytes", bytes);
    requireCount("checked", checked);
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
  }

  /** Returns a restore that verified everything it checked. */
  public static RestoredBackup verified(long files, long bytes, long checked) {
    return new RestoredBackup(files, bytes, checked, List.of());
  }

  /** Returns whether every checksum verified. */
  public boolean checksumsOk() {
    return problems.isEmpty();
  }

  private static void requireCount(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "RestoredBackup." + field + " must not be negative, was " + value);
    }
  }
}
