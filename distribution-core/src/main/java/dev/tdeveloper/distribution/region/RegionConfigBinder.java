package dev.tdeveloper.distribution.region;

import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import dev.tdeveloper.distribution.routing.RoutingPolicy;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Binds a {@link Node} tree to a {@link DistributionConfig}, recording every problem at its place
 * in the file: {@link RegionsBinder} first, since {@link RoutingBinder} and {@link ResidencyBinder}
 * check their region references against the regions it bound. Not thread-safe: one per load.
 */
final class RegionConfigBinder {
  static final List<String> SECTIONS = List.of("regions", "routing", "residency");

  /** The residency placement keys, in {@code DataPurpose} order. */
  static final List<String> PURPOSES = ResidencyBinder.PURPOSES;

  private final String source;
  private final BindingContext context = new BindingContext();
  private final YamlReader r = context.r;

  private RegionConfigBinder(String source) {
    this.source = source;
  }

  static DistributionConfig bind(String source, Node root) {
    return new RegionConfigBinder(source).bind(root);
  }

  private DistributionConfig bind(Node rootNode) {
    if (rootNode == null) {
      throw new ConfigException(
          new ConfigLocation(source, 1, 1),
          "(root)",
          "the file is empty; expected a mapping with keys " + SECTIONS);
    }
    Optional<Node.MapNode> root = r.mapping(rootNode);
    Map<String, RoutingPolicy> routing = new LinkedHashMap<>();
    String defaultRouting = RoutingBinder.DEFAULT_ROUTING;
    Map<String, ResidencyPolicy> residency = new LinkedHashMap<>();
    Map<TenantId, String> tenants = new TreeMap<>();
    if (root.isPresent()) {
      r.keys(root.get(), SECTIONS);
      r.required(root.get(), "regions", "a mapping of region id to region")
          .flatMap(r::mapping)
          .ifPresent(m -> new RegionsBinder(context).bind(m));
      defaultRouting = new RoutingBinder(context).bind(root.get().values().get("routing"), routing);
      Node residencyNode = root.get().values().get("residency");
      if (residencyNode != null) {
        r.mapping(residencyNode)
            .ifPresent(m -> new ResidencyBinder(context).bind(m, residency, tenants));
      }
    }
    if (!r.problems.isEmpty()) {
      List<ConfigProblem> problems = new ArrayList<>(r.problems);
      problems.sort(ConfigProblem.IN_FILE_ORDER);
      throw new ConfigException(problems);
    }
    return new DistributionConfig(
        source,
        RegionCatalog.of(context.regions.values()),
        routing,
        defaultRouting,
        residency,
        tenants,
        context.settings);
  }
}
