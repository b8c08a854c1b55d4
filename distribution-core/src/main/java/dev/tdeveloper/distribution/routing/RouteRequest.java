package dev.tdeveloper.distribution.routing;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a routing decision is made from: the tenant (for its home region and residency), where the
 * client is, the latencies measured from it, a key for sticky choices and what the request does
 * with the data.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param tenant the tenant, when the request belongs to one
 * @param client the client's location
 * @param latencies measured round-trip times from the client per region
 * @param key a routing key (a user or session id) for sticky weighted choices
 * @param purpose what the chosen region will do with the tenant's data
 */
public record RouteRequest(
    Optional<TenantId> tenant,
    ClientLocation client,
    Map<RegionId, Duration> latencies,
    Optional<String> key,
    DataPurpose purpose) {
  /**
   * Validates the request.
   *
   * @throws IllegalArgumentException if a latency is negative
   */
  public RouteRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(purpose, "purpose");
    latencies = Collections.unmodifiableMap(new TreeMap<>(latencies));
    latencies.forEach(
        (r, d) -> {
          if (d.isNegative()) {
            throw new IllegalArgumentException(
                "latency to " + r + " is " + d + "; allowed: zero or more");
          }
        });
  }

  /** Returns a builder: no tenant, unknown client, no latencies, no key, processing. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RouteRequest}; not thread-safe. */
  public static final class Builder {
    private Optional<TenantId> tenant = Optional.empty();
    private ClientLocation client = ClientLocation.unknown();
    private final Map<RegionId, Duration> latencies = new TreeMap<>();
    private Optional<String> key = Optional.empty();
    private DataPurpose purpose = DataPurpose.PROCESSING;

    private Builder() {}

    /**
     * Sets the tenant.
     *
     * @param tenant the tenant
     * @return this builder
     */
    public Builder tenant(TenantId tenant) {
      this.tenant = Optional.of(tenant);
      return this;
    }

    /**
     * Sets the client's location.
     *
     * @param client the location
     * @return this builder
     */
    public Builder client(ClientLocation client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Adds a measured latency.
     *
     * @param region the region
     * @param rtt the round-trip time, zero or more
     * @return this builder
     */
    public Builder latency(RegionId region, Duration rtt) {
      latencies.put(Objects.requireNonNull(region, "region"), Objects.requireNonNull(rtt, "rtt"));
      return this;
    }

    /**
     * Sets the routing key.
     *
     * @param key the key
     * @return this builder
     */
    public Builder key(String key) {
      this.key = Optional.of(key);
      return this;
    }

    /**
     * Sets what the request does with the data.
     *
     * @param purpose the purpose
     * @return this builder
     */
    public Builder purpose(DataPurpose purpose) {
      this.purpose = Objects.requireNonNull(purpose, "purpose");
      return this;
    }

    /** Returns the request. */
    public RouteRequest build() {
      return new RouteRequest(tenant, client, latencies, key, purpose);
    }
  }
}
