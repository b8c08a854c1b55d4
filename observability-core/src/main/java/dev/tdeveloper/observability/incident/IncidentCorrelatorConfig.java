package dev.tdeveloper.observability.incident;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The settings of an {@link IncidentCorrelator}, validated; made by {@link
 * IncidentCorrelatorBuilder}. Immutable and thread-safe.
 *
 * @param window how long after an incident last gained an alert a correlated alert still joins it
 * @param correlationLabels labels that correlate alerts about no tenant, the first present wins
 * @param dependencyGraph which service depends on which, for root-cause hints
 * @param maxOpenIncidentsPerTenant open incidents one tenant (or the tenant-less alerts) may have
 * @param maxAlertsPerIncident alerts one incident holds
 * @param maxResolvedPerTenant resolved incidents kept per tenant
 * @param resolvedRetention how long a resolved incident is kept
 */
public record IncidentCorrelatorConfig(
    Duration window,
    List<String> correlationLabels,
    DependencyGraph dependencyGraph,
    int maxOpenIncidentsPerTenant,
    int maxAlertsPerIncident,
    int maxResolvedPerTenant,
    Duration resolvedRetention) {

  /** The default window: 5 minutes. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  /** The longest window: one day. */
  public static final Duration MAX_WINDOW = Duration.ofDays(1);

  /** The default open incidents per tenant: {@value}. */
  public static final int DEFAULT_MAX_OPEN_INCIDENTS_PER_TENANT = 1_000;

  /** The default alerts per incident: {@value}. */
  public static final int DEFAULT_MAX_ALERTS_PER_INCIDENT = 1_000;

  /** The default resolved incidents kept per tenant: {@value}. */
  public static final int DEFAULT_MAX_RESOLVED_PER_TENANT = 100;

  /** The default retention of resolved incidents: one day. */
  public static final Duration DEFAULT_RESOLVED_RETENTION = Duration.ofDays(1);

  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the setting, its value and what is allowed
   */
  public IncidentCorrelatorConfig {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(correlationLabels, "correlationLabels");
    Objects.requireNonNull(dependencyGraph, "dependencyGraph");
    Objects.requireNonNull(resolvedRetention, "resolvedRetention");
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "incident correlator window " + window + " is out of range; allowed: PT1S to PT24H");
    }
    correlationLabels = List.copyOf(correlationLabels);
    for (String label : correlationLabels) {
      if (!LABEL.matcher(label).matches() || label.equals("tenant")) {
        throw new IllegalArgumentException(
            "incident correlator correlationLabels: '"
                + label
                + "' is not allowed; give label names ([a-zA-Z_][a-zA-Z0-9_]*) other than"
                + " 'tenant', which always correlates");
      }
    }
    if (correlationLabels.stream().distinct().count() != correlationLabels.size()) {
      throw new IllegalArgumentException(
          "incident correlator correlationLabels " + correlationLabels + " names a label twice");
    }
    positive("maxOpenIncidentsPerTenant", maxOpenIncidentsPerTenant);
    positive("maxAlertsPerIncident", maxAlertsPerIncident);
    positive("maxResolvedPerTenant", maxResolvedPerTenant);
    if (resolvedRetention.isNegative() || resolvedRetention.isZero()) {
      throw new IllegalArgumentException(
          "incident correlator resolvedRetention " + resolvedRetention + " must be positive");
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "incident correlator " + name + " " + value + " is out of range; allowed: 1 or more");
    }
  }
}
