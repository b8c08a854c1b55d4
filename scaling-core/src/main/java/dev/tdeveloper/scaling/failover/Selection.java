package dev.tdeveloper.scaling.failover;

import java.util.Objects;

/**
 * Where a {@link FailoverRouter} routes a call. Immutable.
 *
 * @param endpoint the endpoint to call
 * @param panic whether no endpoint was available and this is only the least-bad one
 */
public record Selection<E>(E endpoint, boolean panic) {
  /** Checks the endpoint is not null. */
  public Selection {
    Objects.requireNonNull(endpoint, "endpoint");
  }
}
