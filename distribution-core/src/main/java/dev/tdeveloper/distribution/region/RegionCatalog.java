package dev.tdeveloper.distribution.region;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regions a service runs in, in declaration order, looked up by id.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegionCatalog {
  private final Map<RegionId, Region> byId;
  private final List<Region> regions;

  private RegionCatalog(Map<RegionId, Region> byId) {
    this.byId = byId;
    this.regions = List.copyOf(byId.values());
  }

  /**
   * Creates a catalog.
   *
   * @param regions at least one region, ids unique
   * @return the catalog
   * @throws IllegalArgumentException if {@code regions} is empty or repeats an id
   */
  public static RegionCatalog of(Collection<Region> regions) {
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("regions is empty; allowed: 1 or more regions");
    }
    Map<RegionId, Region> byId = new LinkedHashMap<>();
    for (Region r : regions) {
      if (byId.putIfAbsent(r.id(), r) != null) {
        throw new IllegalArgumentException("region id repeated: " + r.id());
      }
    }
    return new RegionCatalog(byId);
  }

  /** Returns the regions in declaration order. */
  public List<Region> regions() {
    return regions;
  }

  /** Returns the ids in declaration order. */
  public List<RegionId> ids() {
    return List.copyOf(byId.keySet());
  }

  /**
   * Returns the region {@code id}, if known.
   *
   * @param id the id
   * @return the region, or empty
   */
  public Optional<Region> find(RegionId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Returns the region {@code id}.
   *
   * @param id the id
   * @return the region
   * @throws UnknownRegionException naming the id and the known ones
   */
  public Region require(RegionId id) {
    Region r = byId.get(id);
    if (r == null) {
      throw new UnknownRegionException(
          "unknown region '" + id + "'; known regions: " + byId.keySet());
    }
    return r;
  }

  /** Returns the number of regions. */
  public int size() {
    return regions.size();
  }

  @Override
  public String toString() {
    return "RegionCatalog" + byId.keySet();
  }
}
