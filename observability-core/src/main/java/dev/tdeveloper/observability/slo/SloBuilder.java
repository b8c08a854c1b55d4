package dev.tdeveloper.observability.slo;

import dev.tdeveloper.observability.Labels;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Builds an {@link Slo}. Each setting may be given once (a second call throws {@link
 * IllegalStateException}); each value is checked when given, so a bad one fails at its setter
 * naming the field, and the builder is unchanged. Defaults: a 30-day window, a {@link
 * SliKind#RATIO} indicator, {@link BudgetingMethod#OCCURRENCES} budgeting, no labels, and the
 * {@linkplain BurnRateAlertSet#standardFor standard alert set} scaled to the window.
 *
 * <p>Not thread-safe: build on one thread.
 */
public final class SloBuilder {
  private final String id;
  private final Set<String> set = new HashSet<>();
  private String description = "";
  private double objective = Double.NaN;
  private Duration window = Duration.ofDays(30);
  private SliKind sli = SliKind.RATIO;
  private Optional<Duration> latencyThreshold = Optional.empty();
  private BudgetingMethod budgeting = BudgetingMethod.OCCURRENCES;
  private Optional<Duration> timeslice = Optional.empty();
  private OptionalDouble sliceTarget = OptionalDouble.empty();
  private Labels labels = Labels.empty();
  private Optional<BurnRateAlertSet> alerts = Optional.empty();

  SloBuilder(String id) {
    Objects.requireNonNull(id, "id");
    if (!Slo.ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id: "
              + dev.tdeveloper.tenancy.internal.Texts.quote(id)
              + " is not allowed; allowed: "
              + Slo.ID_RULE);
    }
    this.id = id;
  }

  private void once(String field) {
    if (set.contains(field)) {
      throw new IllegalStateException(
          "SLO '" + id + "': " + field + " was already set; each setting may be given once");
    }
  }

  /** Sets what the SLO promises, for people. */
  public SloBuilder description(String description) {
    Objects.requireNonNull(description, "description");
    once("description");
    this.description = description;
    set.add("description");
    return this;
  }

  /**
   * Sets the objective (required).
   *
   * @throws IllegalArgumentException unless above 0 and below 1
   */
  public SloBuilder objective(double objective) {
    once("objective");
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException(
          "objective: "
              + objective
              + " is not allowed; allowed: above 0 and below 1, such as 0.999");
    }
    this.objective = objective;
    set.add("objective");
    return this;
  }

  /**
   * Sets the rolling window, in days (default 30).
   *
   * @throws IllegalArgumentException unless 7, 28 or 30
   */
  public SloBuilder windowDays(int days) {
    once("window");
    if (!Slo.WINDOW_DAYS.contains(days)) {
      throw new IllegalArgumentException(
          "window: " + days + " days is not allowed; allowed: 7, 28 or 30 days");
    }
    this.window = Duration.ofDays(days);
    set.add("window");
    return this;
  }

  /** Makes the indicator a ratio of good to total events (the default). */
  public SloBuilder ratio() {
    once("sli");
    set.add("sli");
    return this;
  }

  /**
   * Makes the indicator a latency: an event is good when its latency is at most {@code threshold}.
   *
   * @throws IllegalArgumentException unless {@code threshold} is positive
   */
  public SloBuilder latency(Duration threshold) {
    Objects.requireNonNull(threshold, "latencyThreshold");
    once("sli");
    if (threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException(
          "latencyThreshold: " + threshold + " is not allowed; allowed: a positive duration");
    }
    this.sli = SliKind.LATENCY;
    this.latencyThreshold = Optional.of(threshold);
    set.add("sli");
    return this;
  }

  /** Counts the budget in events (the default). */
  public SloBuilder occurrences() {
    once("budgeting");
    set.add("budgeting");
    return this;
  }

  /**
   * Counts the budget in time slices of {@code slice}, a slice being good when its good ratio is at
   * least {@code sliceTarget}.
   *
   * @throws IllegalArgumentException unless {@code slice} is whole minutes dividing an hour and
   *     {@code sliceTarget} is above 0 and at most 1
   */
  public SloBuilder timeslices(Duration slice, double sliceTarget) {
    Objects.requireNonNull(slice, "timeslice");
    once("budgeting");
    Slo.checkSlice(Optional.of(slice), OptionalDouble.of(sliceTarget));
    this.budgeting = BudgetingMethod.TIMESLICES;
    this.timeslice = Optional.of(slice);
    this.sliceTarget = OptionalDouble.of(sliceTarget);
    set.add("budgeting");
    return this;
  }

  /**
   * Sets the labels added to the SLO's alerts, such as {@code plan}.
   *
   * @throws IllegalArgumentException if a label is one the alerts set ({@link Slo#RESERVED_LABELS})
   */
  public SloBuilder labels(Labels labels) {
    Objects.requireNonNull(labels, "labels");
    once("labels");
    for (String reserved : Slo.RESERVED_LABELS) {
      if (labels.get(reserved).isPresent()) {
        throw new IllegalArgumentException(
            "labels: '"
                + reserved
                + "' is set by the burn-rate alerts; allowed: any label but "
                + Slo.RESERVED_LABELS);
      }
    }
    this.labels = labels;
    set.add("labels");
    return this;
  }

  /** Sets the burn-rate rules, replacing the standard set scaled to the window. */
  public SloBuilder alerts(BurnRateAlertSet alerts) {
    Objects.requireNonNull(alerts, "alerts");
    once("alerts");
    this.alerts = Optional.of(alerts);
    set.add("alerts");
    return this;
  }

  /**
   * Builds the SLO.
   *
   * @throws IllegalStateException if the objective was not set
   * @throws IllegalArgumentException if the alert set has a window longer than the SLO window
   */
  public Slo build() {
    if (Double.isNaN(objective)) {
      throw new IllegalStateException(
          "SLO '" + id + "': objective is required; allowed: above 0 and below 1, such as 0.999");
    }
    return new Slo(
        id,
        description,
        objective,
        window,
        sli,
        latencyThreshold,
        budgeting,
        timeslice,
        sliceTarget,
        labels,
        alerts.orElseGet(() -> BurnRateAlertSet.standardFor(window)));
  }
}
