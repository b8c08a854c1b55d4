package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.DistributionException;
import java.util.List;

/**
 * No region can take a request: residency, health or the policy left none. The reasons say which
 * step removed which region.
 */
public final class NoRouteException extends DistributionException {
  private static final long serialVersionUID = 1L;

  private final List<String> reasons;

  /**
   * Creates the exception.
   *
   * @param message what left no region
   * @param reasons the decision's steps up to the failure
   */
  public NoRouteException(String message, List<String> reasons) {
    super(message + "; " + String.join("; ", reasons));
    this.reasons = List.copyOf(reasons);
  }

  /** Returns the steps of the decision up to the failure. */
  public List<String> reasons() {
    return reasons;
  }
}
