package dev.tdeveloper.demo;

import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.ResidencyViolationException;
import dev.tdeveloper.distribution.routing.NoRouteException;
import dev.tdeveloper.distribution.routing.RouteRequest;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Puts the notes API in a region and enforces the tenant's residency there, before quotas or
 * storage see the request. The region is the one the client pins with {@value #REGION_HEADER} (what
 * a regional endpoint would be), else the default routing policy's answer (writes go to the
 * tenant's home region while it is healthy and allowed, else fail over). A write (storage) or read
 * (processing) the tenant's policy does not allow there is refused with 451 Unavailable For Legal
 * Reasons and audited; an accepted one carries {@value #SERVED_BY_HEADER}, and a note it creates
 * replicates from that region ({@link #servedBy}, {@link RegionReplicas}). Thread-safe.
 */
final class ResidencyFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The request header pinning the region that serves the request: {@value}. */
  static final String REGION_HEADER = "X-Region";

  /** The request attribute holding the {@link RegionId} that serves the request. */
  private static final String SERVED_BY_ATTRIBUTE = ResidencyFilter.class.getName() + ".region";

  /** The response header naming the region that served the request: {@value}. */
  static final String SERVED_BY_HEADER = "X-Served-By-Region";

  private final transient DemoRegions regions;

  ResidencyFilter(DemoRegions regions) {
    this.regions = regions;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    TenantId tenant = TenantContext.require();
    boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
    DataPurpose purpose = read ? DataPurpose.PROCESSING : DataPurpose.STORAGE;
    Optional<RegionId> region = servingRegion(req, resp, tenant, purpose);
    if (region.isEmpty()) {
      return;
    }
    try {
      regions.residency.require(
          tenant, purpose, region.get(), req.getMethod() + " " + req.getRequestURI());
    } catch (ResidencyViolationException e) {
      Json.problem(resp, "residency", "Unavailable for legal reasons", 451, e.getMessage());
      return;
    }
    resp.setHeader(SERVED_BY_HEADER, region.get().value());
    req.setAttribute(SERVED_BY_ATTRIBUTE, region.get());
    chain.doFilter(req, resp);
  }

  /** Returns the region this filter put {@code request} in, if it passed the filter. */
  static Optional<RegionId> servedBy(HttpServletRequest request) {
    return request.getAttribute(SERVED_BY_ATTRIBUTE) instanceof RegionId region
        ? Optional.of(region)
        : Optional.empty();
  }

  private Optional<RegionId> servingRegion(
      HttpServletRequest req, HttpServletResponse resp, TenantId tenant, DataPurpose purpose)
      throws IOException {
    String pinned = req.getHeader(REGION_HEADER);
    if (pinned != null) {
      Optional<Region> region = regions.region(pinned);
      if (region.isEmpty()) {
        Json.problem(
            resp,
            "unknown-region",
            "Unknown region",
            400,
            "header "
                + REGION_HEADER
                + " names no region of regions.yaml; known: "
                + regions.config.catalog().ids());
      }
      return region.map(Region::id);
    }
    try {
      RouteRequest request = RouteRequest.builder().tenant(tenant).purpose(purpose).build();
      return Optional.of(regions.route(request).primary().region().id());
    } catch (NoRouteException e) {
      Json.problem(resp, "no-region", "No region available", 503, e.getMessage());
      return Optional.empty();
    }
  }
}
