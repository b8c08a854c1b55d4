package dev.tdeveloper.demo.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.security.shield.AbuseShield;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds a {@link DashboardData}. Each setter may be called once; {@link #section} once per name.
 * Not thread-safe; the built object is.
 */
public final class DashboardDataBuilder {
  /** Names the document uses itself, which a section may not take. */
  private static final Set<String> RESERVED =
      Set.of(
          "generatedAt", "windowSeconds", "tenants", "protection", "slos", "alerts", "incidents");

  ObjectMapper mapper;
  InstantSource clock;
  TenantRegistry registry;
  TrafficCounter traffic;
  UsageMeter usage;
  AbuseShield shield;
  DashboardSources sources;
  final Map<String, Supplier<?>> sections = new LinkedHashMap<>();

  DashboardDataBuilder() {}

  /** Sets the mapper that turns sections into JSON (required). */
  public DashboardDataBuilder mapper(ObjectMapper mapper) {
    this.mapper = once("mapper", this.mapper, mapper);
    return this;
  }

  /** Sets the clock of {@code generatedAt} and of the usage windows (required). */
  public DashboardDataBuilder clock(InstantSource clock) {
    this.clock = once("clock", this.clock, clock);
    return this;
  }

  /** Sets the registry listing the tenants (required). */
  public DashboardDataBuilder registry(TenantRegistry registry) {
    this.registry = once("registry", this.registry, registry);
    return this;
  }

  /** Sets the per-tenant traffic counter (required). */
  public DashboardDataBuilder traffic(TrafficCounter traffic) {
    this.traffic = once("traffic", this.traffic, traffic);
    return this;
  }

  /** Sets the usage meter whose current windows each tenant row shows (optional). */
  public DashboardDataBuilder usage(UsageMeter usage) {
    this.usage = once("usage", this.usage, usage);
    return this;
  }

  /** Sets the abuse shield whose bans and concurrency limit are shown (optional). */
  public DashboardDataBuilder shield(AbuseShield shield) {
    this.shield = once("shield", this.shield, shield);
    return this;
  }

  /** Sets where the SLOs, alerts and incidents come from (required). */
  public DashboardDataBuilder sources(DashboardSources sources) {
    this.sources = once("sources", this.sources, sources);
    return this;
  }

  /**
   * Adds a section: the document gets member {@code name} holding what {@code supplier} returns,
   * turned into JSON by the mapper on every snapshot.
   *
   * @throws IllegalArgumentException if {@code name} is blank or one the document uses itself
   * @throws IllegalStateException if a section of that name was added already
   */
  public DashboardDataBuilder section(String name, Supplier<?> supplier) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(supplier, "supplier");
    if (name.isBlank() || RESERVED.contains(name)) {
      throw new IllegalArgumentException(
          "section name: '" + name + "'; allowed: non-blank and none of " + RESERVED);
    }
    if (sections.putIfAbsent(name, supplier) != null) {
      throw new IllegalStateException("section '" + name + "' was already added");
    }
    return this;
  }

  /**
   * Builds the aggregator.
   *
   * @throws IllegalStateException naming the first required setting missing
   */
  public DashboardData build() {
    required("mapper", mapper);
    required("clock", clock);
    required("registry", registry);
    required("traffic", traffic);
    required("sources", sources);
    return new DashboardData(this);
  }

  private static <T> T once(String name, T current, T value) {
    Objects.requireNonNull(value, name);
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
    return value;
  }

  private static void required(String name, Object value) {
    if (value == null) {
      throw new IllegalStateException(name + " is required");
    }
  }
}
