package dev.tdeveloper.distribution.region;

import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.Placement;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.Node;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds the {@code residency} section of {@code regions.yaml}: the named residency policies, each
 * checked to leave at least one bound region for every purpose, and which tenant has which. Not
 * thread-safe: one per load.
 */
final class ResidencyBinder {
  /** The keys of a policy's placements, in {@link DataPurpose} order. */
  static final List<String> PURPOSES = List.of("storage", "processing", "replicas");

  private final BindingContext context;
  private final YamlReader r;

  ResidencyBinder(BindingContext context) {
    this.context = context;
    this.r = context.r;
  }

  /** Binds the section {@code m}: policies into {@code out}, assignments into {@code tenants}. */
  void bind(Node.MapNode m, Map<String, ResidencyPolicy> out, Map<TenantId, String> tenants) {
    r.keys(m, List.of("policies", "tenants"));
    Node policies = m.values().get("policies");
    Set<String> declared = new LinkedHashSet<>();
    if (policies != null) {
      r.mapping(policies)
          .ifPresent(
              p ->
                  p.values()
                      .forEach(
                          (name, body) -> {
                            declared.add(name);
                            if (name.equals(ResidencyPolicy.unrestricted().name())) {
                              r.problemAtKey(
                                  p,
                                  name,
                                  "'unrestricted' is built in and cannot be redefined",
                                  "another name");
                              return;
                            }
                            if (!BindingContext.NAME.matcher(name).matches()) {
                              r.problemAtKey(p, name, "invalid policy name", "a lowercase token");
                              return;
                            }
                            r.mapping(body)
                                .flatMap(b -> policy(name, b))
                                .ifPresent(pol -> out.put(name, pol));
                          }));
    }
    Node assigned = m.values().get("tenants");
    if (assigned != null) {
      r.mapping(assigned).ifPresent(t -> tenants(t, declared, tenants));
    }
  }

  private void tenants(Node.MapNode t, Set<String> declared, Map<TenantId, String> tenants) {
    t.values()
        .forEach(
            (key, value) -> {
              Optional<TenantId> tenant =
                  r.attemptAtKey(t, key, () -> TenantId.of(key), "a valid tenant id");
              Optional<String> policy = r.text(value, "a residency policy name");
              Set<String> allowed = new LinkedHashSet<>(declared);
              allowed.add(ResidencyPolicy.unrestricted().name());
              if (policy.isPresent() && !allowed.contains(policy.get())) {
                r.problem(
                    value,
                    "unknown residency policy" + YamlReader.didYouMean(policy.get(), allowed),
                    "one of " + allowed);
              } else if (tenant.isPresent() && policy.isPresent()) {
                tenants.put(tenant.get(), policy.get());
              }
            });
  }

  private Optional<ResidencyPolicy> policy(String name, Node.MapNode m) {
    int before = r.problems.size();
    List<String> keys = new ArrayList<>(List.of("within"));
    keys.addAll(PURPOSES);
    r.keys(m, keys);
    Map<String, Node> v = m.values();
    Optional<Placement> within = Optional.empty();
    if (v.containsKey("within")) {
      within =
          r.items(v.get("within"))
              .flatMap(
                  items -> {
                    Set<Jurisdiction> set = context.jurisdictions(items);
                    return set.isEmpty() ? Optional.empty() : Optional.of(Placement.in(set));
                  });
    }
    Map<DataPurpose, Placement> placements = new EnumMap<>(DataPurpose.class);
    for (int i = 0; i < PURPOSES.size(); i++) {
      String key = PURPOSES.get(i);
      DataPurpose purpose = DataPurpose.values()[i];
      Node node = v.get(key);
      if (node != null) {
        placement(node).ifPresent(p -> placements.put(purpose, p));
      } else if (within.isPresent()) {
        placements.put(purpose, within.get());
      } else if (!v.containsKey("within")) {
        r.required(
            m, key, "a placement {jurisdictions: [..], regions: [..]}, or anywhere, or set within");
      }
    }
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    Optional<ResidencyPolicy> policy =
        r.attempt(
            m,
            () ->
                new ResidencyPolicy(
                    name,
                    placements.get(DataPurpose.STORAGE),
                    placements.get(DataPurpose.PROCESSING),
                    placements.get(DataPurpose.REPLICA)));
    policy.ifPresent(p -> checkLeavesARegion(p, m));
    return r.problems.size() > before ? Optional.empty() : policy;
  }

  private Optional<Placement> placement(Node node) {
    String allowed = "anywhere, or a mapping with jurisdictions and/or regions";
    if (node instanceof Node.ScalarNode s) {
      if (s.value().text().equals("anywhere")) {
        return Optional.of(Placement.anywhere());
      }
      r.problem(node, "expected a placement", allowed);
      return Optional.empty();
    }
    return r.mapping(node)
        .flatMap(
            m -> {
              int before = r.problems.size();
              r.keys(m, List.of("jurisdictions", "regions"));
              Set<Jurisdiction> jurisdictions = new TreeSet<>();
              Set<RegionId> ids = new TreeSet<>();
              Node j = m.values().get("jurisdictions");
              if (j != null) {
                r.items(j).ifPresent(items -> jurisdictions.addAll(context.jurisdictions(items)));
              }
              Node g = m.values().get("regions");
              if (g != null) {
                r.items(g)
                    .ifPresent(items -> items.forEach(i -> context.region(i).ifPresent(ids::add)));
              }
              if (r.problems.size() > before) {
                return Optional.empty();
              }
              if (jurisdictions.isEmpty() && ids.isEmpty()) {
                r.problem(m, "the placement allows nothing", allowed);
                return Optional.empty();
              }
              return Optional.of(new Placement(false, jurisdictions, ids));
            });
  }

  private void checkLeavesARegion(ResidencyPolicy policy, Node.MapNode m) {
    if (!context.regionsComplete) {
      return;
    }
    for (DataPurpose purpose : DataPurpose.values()) {
      boolean any = context.regions.values().stream().anyMatch(g -> policy.allows(purpose, g));
      if (!any) {
        String key = PURPOSES.get(purpose.ordinal());
        Node at = m.values().getOrDefault(key, m.values().getOrDefault("within", m));
        r.problem(
            at,
            "residency policy '"
                + policy.name()
                + "' leaves no region of the catalog for "
                + key
                + " (it allows "
                + policy.placement(purpose)
                + ")",
            "a placement that at least one declared region satisfies; regions: "
                + describeRegions());
      }
    }
  }

  private String describeRegions() {
    StringBuilder s = new StringBuilder();
    for (Region g : context.regions.values()) {
      s.append(s.length() == 0 ? "" : ", ").append(g.id()).append(' ').append(g.jurisdictions());
    }
    return s.toString();
  }
}
