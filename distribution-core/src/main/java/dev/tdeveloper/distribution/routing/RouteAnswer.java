package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.region.Endpoint;
import dev.tdeveloper.distribution.region.Region;
import java.util.Objects;

/**
 * One answer of a routing decision: a region and the endpoint in it to use. Immutable and
 * thread-safe.
 *
 * @param region the region
 * @param endpoint one of its endpoints
 */
public record RouteAnswer(Region region, Endpoint endpoint) {
  /** Checks that the endpoint belongs to the region. */
  public RouteAnswer {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(endpoint, "endpoint");
    if (!region.endpoints().contains(endpoint)) {
      throw new IllegalArgumentException(
          "endpoint " + endpoint.id() + " is not one of region " + region.id() + "'s endpoints");
    }
  }
}
