package dev.tdeveloper.scaling.simulation;

import dev.tdeveloper.scaling.spi.ScalingBackend;
import dev.tdeveloper.scaling.spi.ScalingBackendProvider;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Provides {@link SimulatedCluster} as the {@code simulated} backend. Properties (all optional):
 * {@code simulated.startup-delay} (ISO-8601 duration, {@code PT30S}), {@code
 * simulated.capacity-per-replica} (requests/s, 100), {@code simulated.max-replicas} (1000) and
 * {@code simulated.initial-replicas} (0); any other key is refused. Stateless and thread-safe.
 */
public final class SimulatedClusterProvider implements ScalingBackendProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "simulated";

  private static final Set<String> KEYS =
      Set.of(
          "simulated.startup-delay",
          "simulated.capacity-per-replica",
          "simulated.max-replicas",
          "simulated.initial-replicas");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SimulatedClusterProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScalingBackend create(Config config) {
    Map<String, String> p = config.properties();
    for (String key : p.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "property " + key + ": unknown; allowed: " + new TreeSet<>(KEYS));
      }
    }
    SimulatedCluster.Builder b = SimulatedCluster.builder(config.workload()).clock(config.clock());
    if (p.containsKey("simulated.startup-delay")) {
      b.startupDelay(parse(p, "simulated.startup-delay", Duration::parse, "an ISO-8601 duration"));
    }
    if (p.containsKey("simulated.capacity-per-replica")) {
      b.capacityPerReplica(
          parse(p, "simulated.capacity-per-replica", Double::parseDouble, "a number > 0"));
    }
    if (p.containsKey("simulated.max-replicas")) {
      b.maxReplicas(parse(p, "simulated.max-replicas", Integer::parseInt, "an integer >= 1"));
    }
    if (p.containsKey("simulated.initial-replicas")) {
      b.initialReplicas(
          parse(p, "simulated.initial-replicas", Integer::parseInt, "an integer >= 0"));
    }
    return b.build();
  }

  private static <T> T parse(
      Map<String, String> p, String key, Function<String, T> parser, String allowed) {
    String raw = p.get(key);
    try {
      return parser.apply(raw.trim());
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "property " + key + ": '" + raw + "' is not valid; allowed: " + allowed, e);
    }
  }
}
