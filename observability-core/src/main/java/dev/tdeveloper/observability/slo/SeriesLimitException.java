package dev.tdeveloper.observability.slo;

import dev.tdeveloper.observability.ObservabilityException;

/**
 * Thrown by {@link SliRecorder#series} when an SLO already has its maximum number of tenant series:
 * a new tenant is refused rather than another tenant's series being evicted. Existing series are
 * unaffected; {@link SliRecorder#remove} frees a place.
 */
public final class SeriesLimitException extends ObservabilityException {
  private static final long serialVersionUID = 1L;

  private final String sloId;
  private final int limit;

  /**
   * Creates the exception.
   *
   * @param sloId the SLO whose series are at the limit
   * @param tenant the tenant refused
   * @param limit the limit
   */
  public SeriesLimitException(String sloId, String tenant, int limit) {
    super(
        "SLO '"
            + sloId
            + "': refused a series for tenant '"
            + tenant
            + "': the SLO already has "
            + limit
            + " tenant series (maxSeriesPerSlo); remove a tenant's series or raise the limit");
    this.sloId = sloId;
    this.limit = limit;
  }

  /** Returns the SLO whose series are at the limit. */
  public String sloId() {
    return sloId;
  }

  /** Returns the limit that was reached. */
  public int limit() {
    return limit;
  }
}
