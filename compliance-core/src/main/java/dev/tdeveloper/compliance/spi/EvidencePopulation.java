package dev.tdeveloper.compliance.spi;

/**
 * What a piece of evidence examined: how many items and which ones, in words an auditor checks
 * against the system ("every tenant in the registry", "all current tenant keys"). Immutable and
 * thread-safe.
 *
 * @param size the number of items examined; zero when the population is empty
 * @param description what the items are, 1 to 512 characters
 */
public record EvidencePopulation(long size, String description) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if {@code size} is negative or the description is blank,
   *     longer than 512 characters or holds control characters
   */
  public EvidencePopulation {
    if (size < 0) {
      throw new IllegalArgumentException("EvidencePopulation.size must be >= 0, got " + size);
    }
    EvidenceFields.text("EvidencePopulation", "description", description, 512);
  }
}
