package dev.tdeveloper.distribution.residency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each tenant's data lives and whether that complies with its residency policy: per tenant,
 * its policy, its home region (checked for {@link DataPurpose#PROCESSING}: requests are served
 * there), the region storing its primary copy ({@link DataPurpose#STORAGE}) and the regions keeping
 * replicas ({@link DataPurpose#REPLICA}), as the caller observed them, and every violation. As text
 * for people and JSON for tools.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResidencyReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Instant generatedAt;
  private final List<Entry> entries;

  private ResidencyReport(Instant generatedAt, List<Entry> entries) {
    this.generatedAt = generatedAt;
    this.entries = entries;
  }

  /**
   * Where one tenant's data is, as observed.
   *
   * @param tenant the tenant
   * @param homeRegion the region serving its requests
   * @param storageRegion the region holding its primary copy
   * @param replicaRegions the regions holding replicas (may be empty)
   */
  public record TenantData(
      TenantId tenant, RegionId homeRegion, RegionId storageRegion, Set<RegionId> replicaRegions) {
    /** Copies the replica set. */
    public TenantData {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(homeRegion, "homeRegion");
      Objects.requireNonNull(storageRegion, "storageRegion");
      replicaRegions = Collections.unmodifiableSet(new TreeSet<>(replicaRegions));
    }
  }

  /**
   * One refused placement.
   *
   * @param purpose what the region does with the data
   * @param region the region
   * @param allowed what the policy allows for that purpose
   */
  public record Violation(DataPurpose purpose, RegionId region, String allowed) {
    /** Checks that no field is null. */
    public Violation {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(allowed, "allowed");
    }
  }

  /**
   * One tenant's line of the report.
   *
   * @param data where its data is
   * @param policy its policy's name
   * @param violations every placement its policy does not allow, home then storage then replicas
   */
  public record Entry(TenantData data, String policy, List<Violation> violations) {
    /** Copies the list. */
    public Entry {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(policy, "policy");
      violations = List.copyOf(violations);
    }

    /** Returns whether the tenant's data is where its policy allows. */
    public boolean compliant() {
      return violations.isEmpty();
    }
  }

  /**
   * Checks where each tenant's data is against its policy. Publishes no events.
   *
   * @param enforcer the tenants' policies and the catalog
   * @param tenants where each tenant's data is; a tenant at most once
   * @param generatedAt when the report is made
   * @return the report, tenants sorted by id
   * @throws IllegalArgumentException if a tenant is listed twice
   * @throws dev.tdeveloper.distribution.region.UnknownRegionException if a region is not in the
   *     catalog
   */
  public static ResidencyReport of(
      ResidencyEnforcer enforcer, Collection<TenantData> tenants, Instant generatedAt) {
    Objects.requireNonNull(enforcer, "enforcer");
    Objects.requireNonNull(generatedAt, "generatedAt");
    TreeMap<TenantId, Entry> byTenant = new TreeMap<>();
    for (TenantData d : tenants) {
      List<Violation> violations = new ArrayList<>();
      check(enforcer, d.tenant(), DataPurpose.PROCESSING, d.homeRegion(), violations);
      check(enforcer, d.tenant(), DataPurpose.STORAGE, d.storageRegion(), violations);
      for (RegionId replica : d.replicaRegions()) {
        check(enforcer, d.tenant(), DataPurpose.REPLICA, replica, violations);
      }
      Entry e = new Entry(d, enforcer.policyFor(d.tenant()).name(), violations);
      if (byTenant.putIfAbsent(d.tenant(), e) != null) {
        throw new IllegalArgumentException(
            "tenant " + d.tenant() + " is listed twice; allowed: each tenant once");
      }
    }
    return new ResidencyReport(generatedAt, List.copyOf(byTenant.values()));
  }

  private static void check(
      ResidencyEnforcer enforcer,
      TenantId tenant,
      DataPurpose purpose,
      RegionId region,
      List<Violation> out) {
    if (enforcer.check(tenant, purpose, region) instanceof ResidencyDecision.Violation v) {
      out.add(new Violation(purpose, region, v.policy().placement(purpose).toString()));
    }
  }

  /** Returns when the report was made. */
  public Instant generatedAt() {
    return generatedAt;
  }

  /** Returns one entry per tenant, sorted by tenant id. */
  public List<Entry> entries() {
    return entries;
  }

  /** Returns the entries with at least one violation. */
  public List<Entry> violating() {
    return entries.stream().filter(e -> !e.compliant()).toList();
  }

  /** Returns whether every tenant's data is where its policy allows. */
  public boolean compliant() {
    return violating().isEmpty();
  }

  /** Returns the report as aligned text, one block per tenant. */
  public String text() {
    StringBuilder s =
        new StringBuilder("Residency report, ")
            .append(generatedAt)
            .append(": ")
            .append(entries.size())
            .append(" tenants, ")
            .append(violating().size())
            .append(" with violations\n");
    for (Entry e : entries) {
      TenantData d = e.data();
      s.append('\n')
          .append(d.tenant())
          .append(" (policy ")
          .append(e.policy())
          .append("): ")
          .append(e.compliant() ? "compliant" : "VIOLATION")
          .append('\n')
          .append("  home:     ")
          .append(d.homeRegion())
          .append('\n')
          .append("  storage:  ")
          .append(d.storageRegion())
          .append('\n')
          .append("  replicas: ")
          .append(d.replicaRegions().isEmpty() ? "none" : String.join(", ", names(d)))
          .append('\n');
      for (Violation v : e.violations()) {
        s.append("  ! ")
            .append(v.purpose().name().toLowerCase(Locale.ROOT))
            .append(" in ")
            .append(v.region())
            .append(" is not allowed (allowed: ")
            .append(v.allowed())
            .append(")\n");
      }
    }
    return s.toString();
  }

  private static List<String> names(TenantData d) {
    return d.replicaRegions().stream().map(RegionId::value).toList();
  }

  /** Returns the report as JSON (indented, fields in a fixed order). */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("generatedAt", generatedAt.toString());
    root.put("compliant", compliant());
    ArrayNode tenants = root.putArray("tenants");
    for (Entry e : entries) {
      TenantData d = e.data();
      ObjectNode t = tenants.addObject();
      t.put("tenant", d.tenant().value());
      t.put("policy", e.policy());
      t.put("homeRegion", d.homeRegion().value());
      t.put("storageRegion", d.storageRegion().value());
      ArrayNode replicas = t.putArray("replicaRegions");
      names(d).forEach(replicas::add);
      t.put("compliant", e.compliant());
      ArrayNode violations = t.putArray("violations");
      for (Violation v : e.violations()) {
        ObjectNode o = violations.addObject();
        o.put("purpose", v.purpose().name());
        o.put("region", v.region().value());
        o.put("allowed", v.allowed());
      }
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  @Override
  public String toString() {
    return "ResidencyReport["
        + generatedAt
        + ", tenants="
        + entries.size()
        + ", violating="
        + violating().size()
        + "]";
  }
}
