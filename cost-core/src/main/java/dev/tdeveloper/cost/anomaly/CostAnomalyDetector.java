package dev.tdeveloper.cost.anomaly;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Watches daily cost per (scope, service) and reports anomalies as AWS Cost Anomaly Detection does:
 * one {@link CostAnomaly} per run of anomalous days, with expected and actual spend, impact and
 * root causes, announced by {@link AnomalyOpened}, {@link AnomalyUpdated} and {@link
 * AnomalyClosed}.
 *
 * <p>A day is anomalous when its robust z-score reaches the threshold <em>and</em> its impact
 * reaches both the absolute and the percentage threshold. The expected value is the median of the
 * same weekday over the last {@code lookbackWeeks} weeks, each moved forward by the trend (the
 * median week-over-week difference, over 7), plus the median of that baseline's recent residuals;
 * the score divides the day's departure from it by 1.4826 × the residuals' MAD (the modified
 * z-score of Iglewicz and Hoaglin, on out-of-sample residuals rather than raw values so that the
 * weekly season does not count as noise and the baseline's own error does). The weekday median was
 * chosen over a full seasonal decomposition because it needs only two weeks of history and ignores
 * outliers in its own window. A series is scored once it has {@code minHistoryDays} days and 14
 * residuals (in practice from its 22nd day); until then nothing of it is anomalous. Anomalous days
 * never enter a later baseline; an anomaly lasting {@code newNormalAfterDays} days closes as {@link
 * AnomalyClosed.Reason#NEW_NORMAL} and the series' baseline restarts from its first day, so a
 * lasting shift stops alerting.
 *
 * <p>A series named {@code "*"} is a scope's total: the services of that scope observed on the same
 * days become its root causes, ranked by impact. State is per (scope, service), so one tenant's
 * anomaly never appears under another's scope. Thread-safe: observations are serialised; listeners
 * are called after the state is updated, on the caller's thread.
 */
public final class CostAnomalyDetector {
  private static final String TOTAL = "*";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private record Key(CostScope scope, String service) {}

  private record Eval(
      Series series, DailyCost cost, double expected, Optional<Series.Score> score) {
    BigDecimal actual() {
      return cost.cost().amount();
    }
  }

  private final CostAnomalyConfig config;
  private final InstantSource clock;
  private final Listeners<AnomalyEvent> listeners;
  private final Map<Key, Series> series = new HashMap<>();
  private final Map<CostScope, Integer> openPerScope = new HashMap<>();
  private final Map<CostScope, Deque<CostAnomaly>> closed = new HashMap<>();

  CostAnomalyDetector(
      CostAnomalyConfig config,
      InstantSource clock,
      List<EventListener<? super AnomalyEvent>> listeners) {
    this.config = config;
    this.clock = clock;
    this.listeners = Listeners.of(listeners);
  }

  /**
   * Starts a builder with the defaults documented on its setters.
   *
   * @return a new builder
   */
  public static CostAnomalyDetectorBuilder builder() {
    return new CostAnomalyDetectorBuilder();
  }

  /**
   * The settings this detector was built with.
   *
   * @return the configuration
   */
  public CostAnomalyConfig config() {
    return config;
  }

  /**
   * Observes one day of one series; see {@link #observe(Collection)}.
   *
   * @param cost the day's cost
   * @return the events it caused, in order
   */
  public List<AnomalyEvent> observe(DailyCost cost) {
    return observe(List.of(Objects.requireNonNull(cost, "cost")));
  }

  /**
   * Observes daily costs, day by day in date order; all series of one day are judged together, so a
   * scope's total ({@code "*"}) gets that day's services as root causes and the per-scope cap opens
   * the largest anomalies first. Each series' days must come in increasing order (gaps are allowed:
   * a missing day is no data, not zero, and leaves an open anomaly open).
   *
   * @param costs the costs, any order
   * @return the events caused, in order; also published to the listeners
   * @throws IllegalArgumentException, changing nothing, when a day is not after the series' last
   *     day, a series and day appears twice, or a series changes currency
   */
  public List<AnomalyEvent> observe(Collection<DailyCost> costs) {
    Objects.requireNonNull(costs, "costs");
    List<AnomalyEvent> events = new ArrayList<>();
    synchronized (this) {
      TreeMap<LocalDate, List<DailyCost>> byDay = validate(costs);
      Instant now = clock.instant();
      byDay.forEach((day, list) -> observeDay(day, list, now, events));
    }
    events.forEach(listeners::publish);
    return List.copyOf(events);
  }

  /**
   * The open anomalies of one scope, oldest first.
   *
   * @param scope the scope
   * @return snapshots of its open anomalies
   */
  public synchronized List<CostAnomaly> openAnomalies(CostScope scope) {
    Objects.requireNonNull(scope, "scope");
    List<CostAnomaly> open = new ArrayList<>();
    for (Series s : series.values()) {
      if (s.scope.equals(scope) && s.open != null) {
        open.add(s.open.snapshot(s, Optional.empty()));
      }
    }
    open.sort(Comparator.comparing(CostAnomaly::start).thenComparing(CostAnomaly::service));
    return open;
  }

  /**
   * One scope's anomalies: the closed ones retained (at most {@code retainClosedPerScope}), then
   * the open ones.
   *
   * @param scope the scope
   * @return snapshots, closed ones in closing order, then open ones oldest first
   */
  public synchronized List<CostAnomaly> anomalies(CostScope scope) {
    List<CostAnomaly> all = new ArrayList<>(closed.getOrDefault(scope, new ArrayDeque<>()));
    all.addAll(openAnomalies(scope));
    return all;
  }

  private TreeMap<LocalDate, List<DailyCost>> validate(Collection<DailyCost> costs) {
    TreeMap<LocalDate, List<DailyCost>> byDay = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    Map<Key, DailyCost> firstInBatch = new HashMap<>();
    for (DailyCost c : costs) {
      Objects.requireNonNull(c, "cost");
      Key key = new Key(c.scope(), c.service());
      String where = c.scope() + " service " + c.service();
      if (!seen.add(where + "@" + c.day())) {
        throw new IllegalArgumentException(
            "day of " + where + ": " + c.day() + " appears twice; allowed: one cost per day");
      }
      Series s = series.get(key);
      DailyCost first = firstInBatch.putIfAbsent(key, c);
      var currency = s != null ? s.currency : first != null ? first.cost().currency() : null;
      if (currency != null && !currency.equals(c.cost().currency())) {
        throw new IllegalArgumentException(
            "currency of "
                + where
                + " on "
                + c.day()
                + ": "
                + c.cost().currency()
                + " differs from the series' "
                + currency
                + "; allowed: one currency per scope and service");
      }
      Optional<LocalDate> last = s == null ? Optional.empty() : s.lastDay();
      if (last.isPresent() && !c.day().isAfter(last.get())) {
        throw new IllegalArgumentException(
            "day of "
                + where
                + ": "
                + c.day()
                + " is not after its last observed day "
                + last.get()
                + "; allowed: days in increasing order");
      }
      byDay.computeIfAbsent(c.day(), d -> new ArrayList<>()).add(c);
    }
    return byDay;
  }

  private void observeDay(
      LocalDate day, List<DailyCost> costs, Instant now, List<AnomalyEvent> out) {
    Map<CostScope, List<Eval>> byScope = new TreeMap<>(Comparator.comparing(CostScope::toString));
    for (DailyCost c : costs) {
      Series s =
          series.computeIfAbsent(
              new Key(c.scope(), c.service()),
              k -> new Series(k.scope(), k.service(), c.cost().currency()));
      double x = c.cost().amount().doubleValue();
      Optional<Series.Score> score = s.score(day, x, config);
      double expected =
          score.map(Series.Score::expected).orElseGet(() -> s.roughExpected(day, config));
      byScope
          .computeIfAbsent(c.scope(), k -> new ArrayList<>())
          .add(new Eval(s, c, expected, score));
    }
    byScope.forEach((scope, evals) -> observeScope(scope, day, evals, now, out));
  }

  private void observeScope(
      CostScope scope, LocalDate day, List<Eval> evals, Instant now, List<AnomalyEvent> out) {
    evals.sort(Comparator.comparing(e -> e.series.service));
    Map<Eval, CostAnomaly.Direction> anomalous = new HashMap<>();
    for (Eval e : evals) {
      direction(e).ifPresent(d -> anomalous.put(e, d));
    }
    List<Eval> candidates = new ArrayList<>();
    for (Eval e : evals) {
      Series s = e.series;
      CostAnomaly.Direction d = anomalous.get(e);
      if (s.open != null && s.open.direction != d) {
        close(s, AnomalyClosed.Reason.RETURNED_TO_NORMAL, now, out);
      }
      if (d != null && s.open == null) {
        candidates.add(e);
      }
    }
    candidates.sort(
        Comparator.comparing((Eval e) -> impact(e).abs())
            .reversed()
            .thenComparing(e -> e.series.service));
    List<Eval> opened = new ArrayList<>();
    List<AnomalyEvent> suppressed = new ArrayList<>();
    for (Eval e : candidates) {
      if (openPerScope.getOrDefault(scope, 0) < config.maxOpenPerScope()) {
        e.series.open = new OpenAnomaly(anomalous.get(e), day);
        openPerScope.merge(scope, 1, Integer::sum);
        opened.add(e);
      } else {
        suppressed.add(
            new AnomalySuppressed(
                scope, e.series.service, day, Money.of(impact(e), e.series.currency), now));
      }
    }
    for (Eval e : evals) {
      Series s = e.series;
      s.days.put(
          day, new Series.Day(e.cost.cost().amount().doubleValue(), anomalous.containsKey(e)));
      if (s.open != null && anomalous.containsKey(e)) {
        extend(s, e, evals, day);
        if (opened.contains(e)) {
          s.open.announcedImpact = s.open.impact();
          out.add(new AnomalyOpened(s.open.snapshot(s, Optional.empty()), now));
        } else if (s.open.days >= config.newNormalAfterDays()) {
          LocalDate start = s.open.start;
          close(s, AnomalyClosed.Reason.NEW_NORMAL, now, out);
          s.restartAt(start);
        } else if (grewByStep(s.open)) {
          BigDecimal previous = s.open.announcedImpact;
          s.open.announcedImpact = s.open.impact();
          out.add(
              new AnomalyUpdated(
                  s.open.snapshot(s, Optional.empty()), Money.of(previous, s.currency), now));
        }
      }
      s.prune(config);
    }
    out.addAll(suppressed);
  }

  private Optional<CostAnomaly.Direction> direction(Eval e) {
    if (e.score.isEmpty()) {
      return Optional.empty();
    }
    double score = e.score.get().score();
    BigDecimal impact = impact(e);
    BigDecimal expected = expectedAmount(e);
    if (score >= config.threshold() && passes(impact, expected)) {
      return Optional.of(CostAnomaly.Direction.INCREASE);
    }
    if (config.detectDecreases()
        && -score >= config.threshold()
        && passes(impact.negate(), expected)) {
      return Optional.of(CostAnomaly.Direction.DECREASE);
    }
    return Optional.empty();
  }

  /** Whether a positive departure passes the absolute and the percentage threshold. */
  private boolean passes(BigDecimal departure, BigDecimal expected) {
    if (departure.signum() <= 0 || departure.compareTo(config.minImpact()) < 0) {
      return false;
    }
    return expected.signum() == 0
        || departure.multiply(HUNDRED).compareTo(expected.multiply(config.minImpactPercent())) >= 0;
  }

  private void extend(Series s, Eval e, List<Eval> evals, LocalDate day) {
    s.open.addDay(day, expectedAmount(e), e.actual(), e.score.map(Series.Score::score).orElse(0.0));
    boolean causedByServices = false;
    if (TOTAL.equals(s.service)) {
      for (Eval other : evals) {
        if (!TOTAL.equals(other.series.service) && other.series.currency.equals(s.currency)) {
          s.open.addCause(other.series.service, expectedAmount(other), other.actual());
          causedByServices = true;
        }
      }
    }
    if (!causedByServices) {
      s.open.addCause(s.service, expectedAmount(e), e.actual());
    }
  }

  private boolean grewByStep(OpenAnomaly open) {
    BigDecimal announced = open.announcedImpact.abs();
    BigDecimal needed =
        announced.add(announced.multiply(config.updateStepPercent()).divide(HUNDRED));
    return open.impact().abs().compareTo(needed) >= 0
        && open.impact().abs().compareTo(announced) > 0;
  }

  private void close(Series s, AnomalyClosed.Reason reason, Instant now, List<AnomalyEvent> out) {
    CostAnomaly done = s.open.snapshot(s, Optional.of(s.open.lastDay));
    s.open = null;
    openPerScope.merge(s.scope, -1, Integer::sum);
    if (config.retainClosedPerScope() > 0) {
      Deque<CostAnomaly> kept = closed.computeIfAbsent(s.scope, k -> new ArrayDeque<>());
      kept.addLast(done);
      while (kept.size() > config.retainClosedPerScope()) {
        kept.removeFirst();
      }
    }
    out.add(new AnomalyClosed(done, reason, now));
  }

  private BigDecimal impact(Eval e) {
    return e.actual().subtract(expectedAmount(e));
  }

  private static BigDecimal expectedAmount(Eval e) {
    return BigDecimal.valueOf(e.expected)
        .setScale(Money.minorDigits(e.series.currency), RoundingMode.HALF_EVEN);
  }
}
