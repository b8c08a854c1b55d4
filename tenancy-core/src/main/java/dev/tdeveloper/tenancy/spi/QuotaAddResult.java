package dev.tdeveloper.tenancy.spi;

/**
 * The outcome of {@link QuotaStore#tryAdd}: the amount was {@link Added}, or {@link Rejected}
 * because it would have exceeded the limit. Immutable and thread-safe.
 */
public sealed interface QuotaAddResult permits QuotaAddResult.Added, QuotaAddResult.Rejected {
  /** Returns the counter's value after the operation (unchanged when rejected). */
  long used();

  /**
   * The amount was added.
   *
   * @param used the counter's new value, at least the amount added
   */
  record Added(long used) implements QuotaAddResult {
    /** Validates the value. */
    public Added {
      if (used <= 0) {
        throw new IllegalArgumentException("used after an add must be at least 1, was " + used);
      }
    }
  }

  /**
   * The amount was not added; the counter is unchanged.
   *
   * @param used the counter's current value, at least 0
   */
  record Rejected(long used) implements QuotaAddResult {
    /** Validates the value. */
    public Rejected {
      if (used < 0) {
        throw new IllegalArgumentException("used must be at least 0, was " + used);
      }
    }
  }
}
