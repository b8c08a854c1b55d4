package dev.tdeveloper.distribution;

/**
 * Root of every exception distribution-core throws for an operational or data failure (a bad {@code
 * regions.yaml}, an unknown region, a residency violation, a clock stamp too far ahead). Invalid
 * arguments to constructors and builders are reported with {@link IllegalArgumentException} and
 * {@link NullPointerException}, as the JDK does, naming the field, the value and what is allowed.
 */
public class DistributionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the region, tenant, endpoint or replica involved
   */
  public DistributionException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the region, tenant, endpoint or replica involved
   * @param cause the underlying failure
   */
  public DistributionException(String message, Throwable cause) {
    super(message, cause);
  }
}
