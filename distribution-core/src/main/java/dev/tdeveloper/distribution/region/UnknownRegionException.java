package dev.tdeveloper.distribution.region;

import dev.tdeveloper.distribution.DistributionException;

/** A region id that the {@link RegionCatalog} does not hold; the message lists the known ones. */
public final class UnknownRegionException extends DistributionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the unknown id and the known ones
   */
  public UnknownRegionException(String message) {
    super(message);
  }
}
