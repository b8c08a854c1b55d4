package dev.tdeveloper.observability.slo;

import dev.tdeveloper.observability.alert.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the burn-rate rules of every SLO for every tenant of a {@link SliRecorder}: each {@link
 * #evaluate()} advances the recorder to the clock, computes every rule's long and short burn rates,
 * and moves each rule through {@link AlertState}s as Prometheus does with a {@code for} duration,
 * so a blip shorter than {@code for} never pages. While a rule fires, its {@link Alert} (labels
 * {@code alertname="}{@value #ALERTNAME}{@code "}, {@code slo}, {@code tenant}, {@code severity}
 * {@code critical} for a page or {@code warning} for a ticket, {@code long_window}, {@code
 * short_window} and the SLO's labels) is sent to the listener on every evaluation, as Prometheus
 * re-sends to Alertmanager; once the condition stops, the alert is sent once more with {@code
 * endsAt}. A listener that throws is logged and does not stop the round.
 *
 * <p>Call {@link #evaluate()} from your scheduler, or {@link #schedule} it, at least once a minute.
 * {@link #snapshot()} returns what a dashboard shows.
 *
 * <p>Thread-safe: evaluations and snapshots are serialised.
 */
public final class BurnRateEvaluator {
  /** The alert name of every burn-rate alert: {@value}. */
  public static final String ALERTNAME = "SloBurnRate";

  /** The number of burn rates kept per SLO and tenant for sparklines by default: {@value}. */
  public static final int DEFAULT_HISTORY = 60;

  private static final Logger LOG = LoggerFactory.getLogger(BurnRateEvaluator.class);

  private final SliRecorder recorder;
  private final Consumer<Alert> listener;
  private final int historyLength;
  private final List<Plan> plans = new ArrayList<>();
  private final Map<SliSeries, SeriesState> states = new HashMap<>(); // guarded by this
  private long round; // guarded by this
  private long[] totals = new long[0];
  private long[] bads = new long[0];

  /** The windows one SLO needs, sorted, and where each rule's windows are among them. */
  private static final class Plan {
    final Slo slo;
    final long[] windows;
    final int[] longAt;
    final int[] shortAt;
    final int budgetAt;
    final int historyAt;

    Plan(Slo slo) {
      this.slo = slo;
      List<BurnRateRule> rules = slo.alerts().rules();
      java.util.TreeSet<Long> all = new java.util.TreeSet<>();
      all.add(slo.window().toMinutes());
      long shortestLong = Long.MAX_VALUE;
      for (BurnRateRule r : rules) {
        all.add(r.longWindow().toMinutes());
        all.add(r.shortWindow().toMinutes());
        shortestLong = Math.min(shortestLong, r.longWindow().toMinutes());
      }
      windows = all.stream().mapToLong(Long::longValue).toArray();
      longAt = new int[rules.size()];
      shortAt = new int[rules.size()];
      for (int i = 0; i < rules.size(); i++) {
        longAt[i] = indexOf(rules.get(i).longWindow().toMinutes());
        shortAt[i] = indexOf(rules.get(i).shortWindow().toMinutes());
      }
      budgetAt = indexOf(slo.window().toMinutes());
      historyAt = indexOf(shortestLong);
    }

    private int indexOf(long minutes) {
      return java.util.Arrays.binarySearch(windows, minutes);
    }
  }

  /** The alert state of one series, updated by each evaluation. */
  private static final class SeriesState {
    final Plan plan;
    final SliSeries series;
    final AlertState[] state;
    final Instant[] since;
    final Alert[] firing;
    final double[] longBurn;
    final double[] shortBurn;
    final double[] history;
    int historyNext;
    int historySize;
    long total;
    long bad;
    Instant at;
    long seen;

    SeriesState(Plan plan, SliSeries series, int historyLength) {
      this.plan = plan;
      this.series = series;
      int n = plan.slo.alerts().rules().size();
      state = new AlertState[n];
      java.util.Arrays.fill(state, AlertState.INACTIVE);
      since = new Instant[n];
      firing = new Alert[n];
      longBurn = new double[n];
      shortBurn = new double[n];
      history = new double[historyLength];
    }
  }

  private BurnRateEvaluator(SliRecorder recorder, Consumer<Alert> listener, int historyLength) {
    this.recorder = recorder;
    this.listener = listener;
    this.historyLength = historyLength;
    int most = 0;
    for (Slo slo : recorder.slos()) {
      Plan plan = new Plan(slo);
      plans.add(plan);
      most = Math.max(most, plan.windows.length);
    }
    totals = new long[most];
    bads = new long[most];
  }

  /** Returns an evaluator of {@code recorder}'s SLOs sending alerts to {@code listener}. */
  public static BurnRateEvaluator create(SliRecorder recorder, Consumer<Alert> listener) {
    return create(recorder, listener, DEFAULT_HISTORY);
  }

  /**
   * Returns an evaluator keeping {@code historyLength} burn rates per series for sparklines.
   *
   * @throws IllegalArgumentException if {@code historyLength} is not 1 to 10000
   */
  public static BurnRateEvaluator create(
      SliRecorder recorder, Consumer<Alert> listener, int historyLength) {
    Objects.requireNonNull(recorder, "recorder");
    Objects.requireNonNull(listener, "listener");
    if (historyLength < 1 || historyLength > 10_000) {
      throw new IllegalArgumentException(
          "historyLength: " + historyLength + " is not allowed; allowed: 1 to 10000");
    }
    return new BurnRateEvaluator(recorder, listener, historyLength);
  }

  /**
   * Runs {@link #evaluate()} every {@code period} on {@code executor}; a failing round is logged
   * and the next one still runs. Cancel the returned future to stop.
   *
   * @throws IllegalArgumentException unless {@code period} is 1 second to 1 minute
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration period) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(period, "period");
    if (period.compareTo(Duration.ofSeconds(1)) < 0
        || period.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "period: " + period + " is not allowed; allowed: 1 second to 1 minute");
    }
    long ms = period.toMillis();
    return executor.scheduleAtFixedRate(
        () -> {
          try {
            evaluate();
          } catch (RuntimeException e) {
            LOG.error("SLO burn-rate evaluation failed", e);
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
  }

  /** Advances the recorder, evaluates every rule for every series and sends the alerts due. */
  public synchronized void evaluate() {
    recorder.advance();
    Instant now = recorder.clock().instant();
    long current = ++round;
    for (Plan plan : plans) {
      for (SliSeries series : recorder.liveSeries(plan.slo)) {
        SeriesState s = states.get(series);
        if (s == null) {
          s = new SeriesState(plan, series, historyLength);
          states.put(series, s);
        }
        s.seen = current;
        evaluate(s, now);
      }
    }
    for (Iterator<SeriesState> it = states.values().iterator(); it.hasNext(); ) {
      SeriesState s = it.next();
      if (s.seen != current) {
        it.remove();
        for (int i = 0; i < s.state.length; i++) {
          if (s.state[i] == AlertState.FIRING) {
            send(s.firing[i].resolvedAt(now));
          }
        }
      }
    }
  }

  private void evaluate(SeriesState s, Instant now) {
    Plan plan = s.plan;
    s.series.sums(plan.windows, totals, bads);
    double objective = plan.slo.objective();
    s.at = now;
    s.total = totals[plan.budgetAt];
    s.bad = bads[plan.budgetAt];
    s.history[s.historyNext] = burn(plan.historyAt, objective);
    s.historyNext = (s.historyNext + 1) % s.history.length;
    s.historySize = Math.min(s.historySize + 1, s.history.length);
    List<BurnRateRule> rules = plan.slo.alerts().rules();
    for (int i = 0; i < rules.size(); i++) {
      BurnRateRule rule = rules.get(i);
      s.longBurn[i] = burn(plan.longAt[i], objective);
      s.shortBurn[i] = burn(plan.shortAt[i], objective);
      boolean holds = s.longBurn[i] > rule.factor() && s.shortBurn[i] > rule.factor();
      switch (s.state[i]) {
        case INACTIVE, RESOLVED -> {
          if (holds) {
            s.since[i] = now;
            s.state[i] = AlertState.PENDING;
            fireIfDue(s, i, rule, now);
          } else {
            s.state[i] = AlertState.INACTIVE;
          }
        }
        case PENDING -> {
          if (holds) {
            fireIfDue(s, i, rule, now);
          } else {
            s.state[i] = AlertState.INACTIVE;
            s.since[i] = null;
          }
        }
        case FIRING -> {
          if (holds) {
            s.firing[i] = alert(s, i, rule);
            send(s.firing[i]);
          } else {
            s.state[i] = AlertState.RESOLVED;
            send(alert(s, i, rule).resolvedAt(now));
            s.since[i] = null;
            s.firing[i] = null;
          }
        }
      }
    }
  }

  private double burn(int at, double objective) {
    long total = totals[at];
    return total == 0 ? 0 : (double) bads[at] / total / (1 - objective);
  }

  private void fireIfDue(SeriesState s, int i, BurnRateRule rule, Instant now) {
    if (!now.isBefore(s.since[i].plus(rule.forDuration()))) {
      s.state[i] = AlertState.FIRING;
      s.firing[i] = alert(s, i, rule);
      send(s.firing[i]);
    }
  }

  private Alert alert(SeriesState s, int i, BurnRateRule rule) {
    ErrorBudget budget =
        new ErrorBudget(s.plan.slo, s.series.tenant(), s.at, new SliCounts(s.total, s.bad));
    return BurnRateAlerts.alert(budget, rule, s.longBurn[i], s.shortBurn[i], s.since[i]);
  }

  private void send(Alert alert) {
    try {
      listener.accept(alert);
    } catch (RuntimeException e) {
      LOG.warn("SLO alert listener failed on {}", alert.labels(), e);
    }
  }

  /**
   * Returns the status of every SLO and tenant as of the last evaluation, SLOs in the recorder's
   * order (empty before the first evaluation).
   */
  public synchronized List<SloStatus> snapshot() {
    List<SloStatus> out = new ArrayList<>(states.size());
    for (Plan plan : plans) {
      List<SeriesState> of = new ArrayList<>();
      for (SeriesState s : states.values()) {
        if (s.plan == plan) {
          of.add(s);
        }
      }
      of.sort((a, b) -> a.series.tenant().compareTo(b.series.tenant()));
      for (SeriesState s : of) {
        out.add(status(s));
      }
    }
    return List.copyOf(out);
  }

  /** Returns the status of {@code slo} for {@code tenant} as of the last evaluation. */
  public synchronized Optional<SloStatus> status(Slo slo, dev.tdeveloper.tenancy.TenantId tenant) {
    return recorder.find(slo, tenant).map(states::get).map(this::status);
  }

  private SloStatus status(SeriesState s) {
    List<BurnRateRule> rules = s.plan.slo.alerts().rules();
    List<RuleStatus> ruleStatus = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      ruleStatus.add(
          new RuleStatus(
              rules.get(i),
              s.state[i],
              s.longBurn[i],
              s.shortBurn[i],
              Optional.ofNullable(s.since[i])));
    }
    List<Double> history = new ArrayList<>(s.historySize);
    for (int k = s.historySize; k > 0; k--) {
      history.add(s.history[Math.floorMod(s.historyNext - k, s.history.length)]);
    }
    ErrorBudget budget =
        new ErrorBudget(s.plan.slo, s.series.tenant(), s.at, new SliCounts(s.total, s.bad));
    return new SloStatus(s.plan.slo, s.series.tenant(), s.at, budget, ruleStatus, history);
  }
}
