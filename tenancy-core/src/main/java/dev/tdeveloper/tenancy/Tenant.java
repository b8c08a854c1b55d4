package dev.tdeveloper.tenancy;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A tenant: its id, display name, plan (tier), lifecycle status, home region, data isolation mode,
 * time zone (used for calendar quotas and billing periods) and free-form string attributes.
 *
 * <p>Immutable and thread-safe. Lifecycle changes return a new instance through {@link
 * #withStatus(TenantStatus)}, which refuses illegal transitions.
 *
 * @param id the tenant's identifier
 * @param displayName a human-readable name, 1-200 characters
 * @param plan the plan or tier name (for example {@code free}, {@code pro}), a lowercase token
 * @param status the lifecycle status
 * @param homeRegion the region that holds the tenant's primary data, a lowercase token
 * @param isolation how the tenant's data is separated from others'
 * @param timeZone the tenant's time zone
 * @param attributes free-form attributes, copied and sorted by key
 */
public record Tenant(
    TenantId id,
    String displayName,
    String plan,
    TenantStatus status,
    String homeRegion,
    IsolationMode isolation,
    ZoneId timeZone,
    Map<String, String> attributes) {

  /** The default plan name: {@value}. */
  public static final String DEFAULT_PLAN = "free";

  /** The default home region: {@value}. */
  public static final String DEFAULT_REGION = "local";

  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  /**
   * Validates every field.
   *
   * @throws NullPointerException naming the null field
   * @throws IllegalArgumentException naming the invalid field and its value
   */
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(homeRegion, "homeRegion");
    Objects.requireNonNull(isolation, "isolation");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(attributes, "attributes");
    if (displayName.isBlank() || displayName.length() > 200) {
      throw new IllegalArgumentException(
          "displayName of tenant '"
              + id
              + "' must be 1-200 characters and not blank, was "
              + TenantId.quote(displayName));
    }
    requireToken("plan", id, plan);
    requireToken("homeRegion", id, homeRegion);
    TreeMap<String, String> copy = new TreeMap<>();
    attributes.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "attributes key");
          Objects.requireNonNull(v, "attributes value of " + k);
          if (k.isBlank()) {
            throw new IllegalArgumentException("attributes of tenant '" + id + "' has a blank key");
          }
          copy.put(k, v);
        });
    attributes = java.util.Collections.unmodifiableMap(copy);
  }

  private static void requireToken(String field, TenantId id, String value) {
    if (!TOKEN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + " of tenant '"
              + id
              + "' must match [a-z0-9][a-z0-9._-]{0,62}, was "
              + TenantId.quote(value));
    }
  }

  /** Returns a builder for a new tenant in status {@link TenantStatus#PROVISIONING}. */
  public static Builder builder(TenantId id) {
    return new Builder(id);
  }

  /** Returns a builder for a new tenant; shorthand for {@code builder(TenantId.of(id))}. */
  public static Builder builder(String id) {
    return new Builder(TenantId.of(id));
  }

  /** Returns a builder prefilled with this tenant's fields. */
  public Builder toBuilder() {
    return new Builder(id)
        .displayName(displayName)
        .plan(plan)
        .status(status)
        .homeRegion(homeRegion)
        .isolation(isolation)
        .timeZone(timeZone)
        .attributes(attributes);
  }

  /**
   * Returns this tenant in status {@code next}.
   *
   * @throws IllegalTenantTransitionException if the lifecycle does not allow the move
   */
  public Tenant withStatus(TenantStatus next) {
    Objects.requireNonNull(next, "next");
    if (!status.canMoveTo(next)) {
      throw new IllegalTenantTransitionException(id, status, next);
    }
    return new Tenant(id, displayName, plan, next, homeRegion, isolation, timeZone, attributes);
  }

  /** Returns this tenant on another plan. */
  public Tenant withPlan(String newPlan) {
    return new Tenant(
        id, displayName, newPlan, status, homeRegion, isolation, timeZone, attributes);
  }

  /** Mutable builder of {@link Tenant}; not thread-safe. Validation happens in {@link #build()}. */
  public static final class Builder {
    private final TenantId id;
    private String displayName;
    private String plan = DEFAULT_PLAN;
    private TenantStatus status = TenantStatus.PROVISIONING;
    private String homeRegion = DEFAULT_REGION;
    private IsolationMode isolation = IsolationMode.ROW;
    private ZoneId timeZone = ZoneId.of("UTC");
    private Map<String, String> attributes = Map.of();

    private Builder(TenantId id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /** Sets the display name; defaults to the id. */
    public Builder displayName(String displayName) {
      this.displayName = Objects.requireNonNull(displayName, "displayName");
      return this;
    }

    /** Sets the plan; defaults to {@value Tenant#DEFAULT_PLAN}. */
    public Builder plan(String plan) {
      this.plan = Objects.requireNonNull(plan, "plan");
      return this;
    }

    /** Sets the status; defaults to {@link TenantStatus#PROVISIONING}. */
    public Builder status(TenantStatus status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    /** Sets the home region; defaults to {@value Tenant#DEFAULT_REGION}. */
    public Builder homeRegion(String homeRegion) {
      this.homeRegion = Objects.requireNonNull(homeRegion, "homeRegion");
      return this;
    }

    /** Sets the isolation mode; defaults to {@link IsolationMode#ROW}. */
    public Builder isolation(IsolationMode isolation) {
      this.isolation = Objects.requireNonNull(isolation, "isolation");
      return this;
    }

    /** Sets the time zone; defaults to UTC. */
    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
      return this;
    }

    /** Replaces the attributes; defaults to none. */
    public Builder attributes(Map<String, String> attributes) {
      this.attributes = Objects.requireNonNull(attributes, "attributes");
      return this;
    }

    /**
     * Builds the tenant.
     *
     * @throws IllegalArgumentException naming the invalid field and value
     */
    public Tenant build() {
      return new Tenant(
          id,
          displayName == null ? id.value() : displayName,
          plan,
          status,
          homeRegion,
          isolation,
          timeZone,
          attributes);
    }
  }
}
