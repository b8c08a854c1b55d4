package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.region.Region;

/**
 * A single-answer policy's choice of region and why. Immutable; thread-safe.
 *
 * @param region the chosen region
 * @param reason the policy's reason
 */
record Pick(Region region, String reason) {}
