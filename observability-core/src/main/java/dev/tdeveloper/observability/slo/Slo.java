package dev.tdeveloper.observability.slo;

import dev.tdeveloper.observability.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A service level objective, in OpenSLO's model: the fraction {@code objective} of events (or of
 * time slices) that must be good over a rolling {@code window} of 7, 28 or 30 days, for each
 * tenant. The indicator is a {@linkplain SliKind#RATIO ratio} of good to total events or a
 * {@linkplain SliKind#LATENCY latency} under a threshold; {@code labels} (such as {@code plan}) are
 * added to the SLO's alerts, and {@code alerts} are the burn-rate rules evaluated for it. Build one
 * with {@link #builder(String)} or load {@code slos.yaml} with {@link SloConfigLoader}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id a token naming the SLO in alerts and dashboards
 * @param description what the SLO promises, for people
 * @param objective the target fraction of good events, above 0 and below 1 (0.999 is "three nines")
 * @param window the rolling window: 7, 28 or 30 days
 * @param sli what the indicator counts
 * @param latencyThreshold for a {@link SliKind#LATENCY} SLO, the slowest latency still good
 * @param budgeting how the budget is counted
 * @param timeslice for {@link BudgetingMethod#TIMESLICES}, the slice length
 * @param sliceTarget for {@link BudgetingMethod#TIMESLICES}, the good ratio a slice needs to be
 *     good
 * @param labels labels added to the SLO's alerts
 * @param alerts the burn-rate rules evaluated for the SLO
 */
public record Slo(
    String id,
    String description,
    double objective,
    Duration window,
    SliKind sli,
    Optional<Duration> latencyThreshold,
    BudgetingMethod budgeting,
    Optional<Duration> timeslice,
    OptionalDouble sliceTarget,
    Labels labels,
    BurnRateAlertSet alerts) {

  /** The SLO windows allowed, in days. */
  public static final List<Integer> WINDOW_DAYS = List.of(7, 28, 30);

  /** The labels an SLO's own labels may not use: the burn-rate alerts set them. */
  public static final List<String> RESERVED_LABELS =
      List.of("alertname", "severity", "slo", "tenant", "long_window", "short_window");

  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  static final String ID_RULE =
      "1-63 characters of A-Z, a-z, 0-9, '.', '_' and '-', not starting " + "with '.', '_' or '-'";

  /**
   * Validates the SLO.
   *
   * @throws NullPointerException naming a null field
   * @throws IllegalArgumentException naming the field, the value and what is allowed
   */
  public Slo {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id: "
              + dev.tdeveloper.tenancy.internal.Texts.quote(id)
              + " is not allowed; allowed: "
              + ID_RULE);
    }
    Objects.requireNonNull(description, "description");
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException(
          "objective: "
              + objective
              + " is not allowed; allowed: above 0 and below 1, such as 0.999");
    }
    Objects.requireNonNull(window, "window");
    if (window.toNanos() % Duration.ofDays(1).toNanos() != 0
        || !WINDOW_DAYS.contains((int) window.toDays())) {
      throw new IllegalArgumentException(
          "window: " + window + " is not allowed; allowed: 7, 28 or 30 days");
    }
    Objects.requireNonNull(sli, "sli");
    Objects.requireNonNull(latencyThreshold, "latencyThreshold");
    if (sli == SliKind.LATENCY) {
      Duration t =
          latencyThreshold.orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "latencyThreshold: missing for a LATENCY SLO; allowed: a positive duration"));
      if (t.isNegative() || t.isZero()) {
        throw new IllegalArgumentException(
            "latencyThreshold: " + t + " is not allowed; allowed: a positive duration");
      }
    } else if (latencyThreshold.isPresent()) {
      throw new IllegalArgumentException(
          "latencyThreshold: set for a RATIO SLO; allowed: only with sli LATENCY");
    }
    Objects.requireNonNull(budgeting, "budgeting");
    Objects.requireNonNull(timeslice, "timeslice");
    Objects.requireNonNull(sliceTarget, "sliceTarget");
    if (budgeting == BudgetingMethod.TIMESLICES) {
      checkSlice(timeslice, sliceTarget);
    } else if (timeslice.isPresent() || sliceTarget.isPresent()) {
      throw new IllegalArgumentException(
          "timeslice: set for OCCURRENCES budgeting; allowed: only with budgeting TIMESLICES");
    }
    Objects.requireNonNull(labels, "labels");
    for (String reserved : RESERVED_LABELS) {
      if (labels.get(reserved).isPresent()) {
        throw new IllegalArgumentException(
            "labels: '"
                + reserved
                + "' is set by the burn-rate alerts; allowed: any label but "
                + RESERVED_LABELS);
      }
    }
    Objects.requireNonNull(alerts, "alerts");
    if (alerts.longestWindow().compareTo(window) > 0) {
      throw new IllegalArgumentException(
          "alerts: long window "
              + Windows.format(alerts.longestWindow())
              + " is longer than the SLO window "
              + Windows.format(window)
              + "; allowed: windows up to the SLO window");
    }
  }

  static void checkSlice(Optional<Duration> timeslice, OptionalDouble sliceTarget) {
    Duration slice =
        timeslice.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "timeslice: missing for TIMESLICES budgeting; allowed: " + SLICE_RULE));
    long ms = slice.toMillis();
    if (slice.toNanos() % 60_000_000_000L != 0
        || ms <= 0
        || ms > Windows.HOUR_MS
        || 60 % (ms / Windows.MINUTE_MS) != 0) {
      throw new IllegalArgumentException(
          "timeslice: " + slice + " is not allowed; allowed: " + SLICE_RULE);
    }
    double target =
        sliceTarget.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "sliceTarget: missing for TIMESLICES budgeting; allowed: above 0, at most 1"));
    if (!(target > 0 && target <= 1)) {
      throw new IllegalArgumentException(
          "sliceTarget: " + target + " is not allowed; allowed: above 0, at most 1");
    }
  }

  static final String SLICE_RULE =
      "whole minutes dividing an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60 minutes)";

  /** Returns a builder for the SLO {@code id}. */
  public static SloBuilder builder(String id) {
    return new SloBuilder(id);
  }

  /** Returns the slice length in minutes for TIMESLICES budgeting, 0 otherwise. */
  int sliceMinutes() {
    return timeslice.map(d -> (int) d.toMinutes()).orElse(0);
  }

  /** Returns the fraction of events (or slices) the budget allows to be bad: 1 - objective. */
  public double errorBudget() {
    return 1 - objective;
  }
}
