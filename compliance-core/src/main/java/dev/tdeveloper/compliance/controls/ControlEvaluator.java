package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidenceCollector;
import dev.tdeveloper.compliance.spi.EvidenceItem;
import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.compliance.spi.EvidenceResult;
import dev.tdeveloper.compliance.spi.EvidenceStatus;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs evidence collectors and evaluates the controls of a framework from their items. A control is
 * evidenced by the collectors that name it; an ISO/IEC 27001 or HIPAA control is also evidenced by
 * the collectors of the SOC 2 criteria mapped to it in the catalog. Each collector runs once per
 * evaluation; whatever it throws or returns that breaks the contract (null, another collector's id,
 * another period, a hash that does not verify) becomes an ERROR item, so one collector never breaks
 * an evaluation. Immutable and thread-safe if the collectors are.
 */
public final class ControlEvaluator {
  private final ControlCatalog catalog;
  private final List<Registered> collectors;
  private final InstantSource clock;

  /** A collector with the id and control ids it gave when registered, read once. */
  private record Registered(String id, Set<String> controlIds, EvidenceCollector collector) {}

  private ControlEvaluator(
      ControlCatalog catalog, List<Registered> collectors, InstantSource clock) {
    this.catalog = catalog;
    this.collectors = collectors;
    this.clock = clock;
  }

  /** Starts an evaluator over {@code catalog}. */
  public static Builder builder(ControlCatalog catalog) {
    return new Builder(Objects.requireNonNull(catalog, "catalog"));
  }

  /** Returns the catalog. */
  public ControlCatalog catalog() {
    return catalog;
  }

  /** Returns the collectors, in registration order. */
  public List<EvidenceCollector> collectors() {
    return collectors.stream().map(Registered::collector).toList();
  }

  /**
   * Runs the collectors that evidence any control of {@code framework} for {@code period} and
   * evaluates every control of the framework.
   */
  public ControlAssessment evaluate(Framework framework, EvidencePeriod period) {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(period, "period");
    Map<String, EvidenceItem> items = new LinkedHashMap<>();
    List<ControlResult> results = new ArrayList<>();
    for (Control control : catalog.controls(framework)) {
      Set<String> sources = new TreeSet<>();
      sources.add(control.id());
      if (framework != Framework.SOC2) {
        catalog.mappedControls(control.id(), Framework.SOC2).forEach(c -> sources.add(c.id()));
      }
      TreeMap<String, EvidenceItem> evidence = new TreeMap<>();
      TreeSet<String> via = new TreeSet<>();
      for (Registered c : collectors) {
        for (String id : c.controlIds()) {
          if (sources.contains(id)) {
            via.add(id);
            evidence.put(c.id(), items.computeIfAbsent(c.id(), k -> run(c, period)));
          }
        }
      }
      List<EvidenceStatus> statuses =
          evidence.values().stream().map(i -> i.result().status()).toList();
      results.add(
          new ControlResult(
              control, ControlStatus.of(statuses), List.copyOf(evidence.values()), via));
    }
    return new ControlAssessment(
        framework,
        period,
        clock.instant(),
        catalog.name() + " " + catalog.version(),
        results,
        new TreeMap<>(items).values().stream().toList());
  }

  private EvidenceItem run(Registered registered, EvidencePeriod period) {
    EvidenceCollector collector = registered.collector();
    String problem;
    try {
      EvidenceItem item = collector.collect(period);
      if (item == null) {
        problem = "collector returned no item";
      } else if (!item.collectorId().equals(registered.id())) {
        problem = "collector returned an item of collector '" + item.collectorId() + "'";
      } else if (!item.period().equals(period)) {
        problem = "collector returned an item for period " + item.period() + ", not " + period;
      } else if (!item.verifyHash()) {
        problem = "collector returned an item whose hash does not verify";
      } else {
        return item;
      }
    } catch (RuntimeException e) {
      problem = "collector threw " + CollectorSettings.describe(e);
    }
    return EvidenceItem.builder(registered.id(), period)
        .source(collector.getClass().getName())
        .owner("unassigned: the collector produced no evidence")
        .population(0, "not determined: the collection failed")
        .query("EvidenceCollector.collect(" + period + ") of collector " + registered.id())
        .result(EvidenceResult.error(problem, Map.of()))
        .collectedAt(clock.instant())
        .build();
  }

  /** Builds a {@link ControlEvaluator}; not thread-safe. */
  public static final class Builder {
    private final ControlCatalog catalog;
    private final Map<String, Registered> collectors = new LinkedHashMap<>();
    private InstantSource clock;

    private Builder(ControlCatalog catalog) {
      this.catalog = catalog;
    }

    /**
     * Adds a collector.
     *
     * @throws IllegalArgumentException if another collector has the same id, or the collector names
     *     a control id the catalog does not have
     */
    public Builder collector(EvidenceCollector collector) {
      Objects.requireNonNull(collector, "collector");
      String id = Objects.requireNonNull(collector.id(), "collector.id()");
      Set<String> controls =
          Objects.requireNonNull(collector.controlIds(), "collector.controlIds()");
      if (collectors.containsKey(id)) {
        throw new IllegalArgumentException("two collectors have the id '" + id + "'");
      }
      if (controls.isEmpty()) {
        throw new IllegalArgumentException("collector '" + id + "' names no control");
      }
      for (String control : controls) {
        if (!catalog.contains(control)) {
          throw new IllegalArgumentException(
              "collector '"
                  + id
                  + "' names control '"
                  + control
                  + "', which catalog "
                  + catalog.name()
                  + " "
                  + catalog.version()
                  + " does not have");
        }
      }
      collectors.put(id, new Registered(id, controls, collector));
      return this;
    }

    /**
     * Sets the clock that stamps assessments and error items (default: the system clock).
     *
     * @throws IllegalStateException if set twice
     */
    public Builder clock(InstantSource clock) {
      if (this.clock != null) {
        throw new IllegalStateException("clock was already set");
      }
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the evaluator. */
    public ControlEvaluator build() {
      return new ControlEvaluator(
          catalog,
          List.copyOf(collectors.values()),
          clock == null ? InstantSource.system() : clock);
    }
  }
}
