package dev.tdeveloper.distribution.residency;

import dev.tdeveloper.distribution.region.Jurisdiction;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where data may go for one purpose: anywhere, or only regions that are listed or lie in one of the
 * listed jurisdictions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param unrestricted true when every region is allowed (then both sets are empty)
 * @param jurisdictions allowed jurisdictions (a region in any of them is allowed)
 * @param regions allowed regions by id
 */
public record Placement(
    boolean unrestricted, Set<Jurisdiction> jurisdictions, Set<RegionId> regions) {
  private static final Placement ANYWHERE = new Placement(true, Set.of(), Set.of());

  /**
   * Validates the placement.
   *
   * @throws IllegalArgumentException if it is both anywhere and restricted, or restricted to
   *     nothing
   */
  public Placement {
    jurisdictions = Collections.unmodifiableSet(new TreeSet<>(jurisdictions));
    regions = Collections.unmodifiableSet(new TreeSet<>(regions));
    if (unrestricted && !(jurisdictions.isEmpty() && regions.isEmpty())) {
      throw new IllegalArgumentException(
          "a placement that allows anywhere lists no jurisdictions or regions; got "
              + jurisdictions
              + " "
              + regions);
    }
    if (!unrestricted && jurisdictions.isEmpty() && regions.isEmpty()) {
      throw new IllegalArgumentException(
          "a restricted placement allows nothing; allowed: at least one jurisdiction or region");
    }
  }

  /** Returns the placement that allows every region. */
  public static Placement anywhere() {
    return ANYWHERE;
  }

  /**
   * Returns a placement restricted to regions in the given jurisdictions.
   *
   * @param jurisdictions at least one
   * @return the placement
   */
  public static Placement in(Set<Jurisdiction> jurisdictions) {
    return new Placement(false, jurisdictions, Set.of());
  }

  /**
   * Returns a placement restricted to the given regions.
   *
   * @param regions at least one
   * @return the placement
   */
  public static Placement only(Set<RegionId> regions) {
    return new Placement(false, Set.of(), regions);
  }

  /**
   * Returns whether {@code region} is allowed.
   *
   * @param region the region
   * @return true when allowed
   */
  public boolean allows(Region region) {
    if (unrestricted || regions.contains(region.id())) {
      return true;
    }
    for (Jurisdiction j : jurisdictions) {
      if (region.in(j)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    if (unrestricted) {
      return "anywhere";
    }
    StringBuilder s = new StringBuilder();
    if (!jurisdictions.isEmpty()) {
      s.append("jurisdictions ").append(jurisdictions);
    }
    if (!regions.isEmpty()) {
      s.append(s.length() > 0 ? " or " : "").append("regions ").append(regions);
    }
    return s.toString();
  }
}
