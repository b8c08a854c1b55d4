package dev.tdeveloper.demo;

import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.allocation.CostAllocator;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.allocation.IdleSharing;
import dev.tdeveloper.cost.allocation.OverCapacity;
import dev.tdeveloper.cost.allocation.SharedSplit;
import dev.tdeveloper.cost.optimize.CostOptimizer;
import dev.tdeveloper.cost.optimize.Recommendation;
import dev.tdeveloper.cost.price.PriceBook;
import dev.tdeveloper.cost.price.PriceBookLoader;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.cost.usage.MeterMapping;
import dev.tdeveloper.cost.usage.MeteringResult;
import dev.tdeveloper.cost.usage.MeteringUsageAdapter;
import dev.tdeveloper.cost.usage.ScaleFactor;
import dev.tdeveloper.cost.usage.UsageRecord;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.usage.MeterDefinition;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The demo's cost accounting (issue 11), run every hour of demo time: each whole UTC hour whose
 * {@code api_requests} windows have closed is added to its day, and the day so far is allocated
 * again: the bill of {@link CostAssets} (cluster, data directory, shared platform) against the
 * tenants' usage from the usage meter, where {@link MeteringUsageAdapter} maps {@code api_requests}
 * to {@value #CPU_MILLIS_PER_REQUEST} ms of vCPU each on the cluster ({@code notes_created} needs
 * no cost mapping and is skipped and counted).
 *
 * <p>A day's bill holds its hours side by side ({@link CostAssets}: {@code <asset>@<hour>}), and
 * each record is moved to its hour's cluster asset. The {@link CostAllocator} shares each hour's
 * idle cluster capacity PROPORTIONALLY among the tenants that used the cluster in that hour (it is
 * sized for their traffic, so who drives the load pays for the headroom; an hour without traffic
 * stays idle) and splits the platform PROPORTIONALLY to the tenants' allocated cost of the day (the
 * audit log and monitoring grow with each tenant's requests; a uniform split would charge a free
 * tenant with one request as much as an enterprise with a million). Storage is not metered per
 * tenant, so it stays idle; with no tenant traffic in a day the platform is unallocated.
 *
 * <p>One {@link Allocation} per UTC day is kept in memory, at most {@value #DAYS_KEPT} days (a
 * restart starts afresh). Its daily costs feed the budgets and, once the day is complete, the
 * anomaly detector ({@link CostWatch}); the optimizer reads the cluster's utilization; the unit
 * economics compare each tenant-month with {@link #TARGET} and the revenue of its plan ({@link
 * #REVENUE}). Thread-safe: runs are serialized; readers see the last completed run.
 */
final class DemoCost {
  /** The demo's region in its price book. */
  static final String REGION = "local-1";

  /** CPU time one API request costs the cluster, in milliseconds. */
  static final long CPU_MILLIS_PER_REQUEST = 10;

  /** How many days of allocations are kept. */
  static final int DAYS_KEPT = 90;

  /** Cost per tenant-month aimed for, in the book's currency. */
  static final String TARGET = "100";

  /** Monthly revenue per plan (list prices of the demo's plans), in the book's currency. */
  static final Map<String, String> REVENUE = Map.of("free", "0", "pro", "49", "enterprise", "499");

  private static final Duration HOUR = Duration.ofHours(1);

  private final InstantSource clock;
  private final Path dataDir;
  private final UsageMeter meter;
  private final ClusterUsage cluster;
  private final TenantRegistry registry;
  private final CostAssets assets;
  private final Duration grace;
  private final MeteringUsageAdapter adapter;
  private final CostAllocator allocator;
  private final CostOptimizer optimizer;
  private final CostWatch watch;
  private final TreeMap<LocalDate, Day> days = new TreeMap<>();
  private Instant next;
  private LocalDate observedUntil;
  private volatile Snapshot snapshot;

  /** One allocated hour: its period and the data directory's size measured for it. */
  record Hour(CostPeriod period, long storageBytes) {}

  /** One day so far: its hours, and their allocation. */
  record Day(LocalDate day, List<Hour> hours, Allocation allocation) {
    /** From the first hour's start to the last hour's end. */
    CostPeriod period() {
      return CostPeriod.of(
          hours.get(0).period().start(), hours.get(hours.size() - 1).period().end());
    }
  }

  /** What the last run left for readers. */
  record Snapshot(
      Instant at,
      List<Day> days,
      List<Recommendation> recommendations,
      SortedMap<String, Integer> skippedWindows) {}

  DemoCost(
      PriceBook book,
      InstantSource clock,
      Path dataDir,
      UsageMeter meter,
      ClusterUsage cluster,
      TenantRegistry registry,
      CostWatch watch) {
    this.clock = clock;
    this.dataDir = dataDir;
    this.meter = meter;
    this.cluster = cluster;
    this.registry = registry;
    this.watch = watch;
    this.assets = new CostAssets(book);
    this.grace =
        meter.meters().stream()
            .filter(m -> m.name().equals(DemoTenancy.API_REQUESTS))
            .map(MeterDefinition::grace)
            .findFirst()
            .orElseThrow();
    this.adapter =
        MeteringUsageAdapter.builder()
            .map(
                MeterMapping.used(
                    DemoTenancy.API_REQUESTS,
                    ResourceType.VCPU,
                    CostAssets.CLUSTER,
                    "api",
                    new ScaleFactor(
                        BigDecimal.valueOf(CPU_MILLIS_PER_REQUEST), BigDecimal.valueOf(3_600_000))))
            .build();
    this.allocator =
        CostAllocator.builder()
            .idleSharing(IdleSharing.PROPORTIONAL)
            .sharedWhen(a -> a.service().equals(CostAssets.PLATFORM_SERVICE))
            .sharedSplit(SharedSplit.PROPORTIONAL)
            .overCapacity(OverCapacity.SCALE_TO_CAPACITY)
            .build();
    this.optimizer = CostOptimizer.builder().priceBook(book).clock(clock).build();
    this.next = clock.instant().truncatedTo(ChronoUnit.HOURS);
    this.observedUntil = LocalDate.ofInstant(next, ZoneOffset.UTC);
    this.snapshot = new Snapshot(clock.instant(), List.of(), List.of(), new TreeMap<>());
  }

  /** Loads the price book at {@code file}; a bad file fails with file:line:column. */
  static PriceBook loadPriceBook(Path file) {
    PriceBook book = PriceBookLoader.load(file);
    new CostAssets(book); // fails now, naming the key, when a price the demo needs is missing
    return book;
  }

  /** Runs {@link #runOnce()} every hour on {@code jobs}, the first a minute after start. */
  void schedule(ScheduledExecutorService jobs, Function<Runnable, Runnable> safely) {
    jobs.scheduleWithFixedDelay(safely.apply(this::runOnce), 1, 60, TimeUnit.MINUTES);
  }

  /**
   * Allocates every whole hour whose usage windows have closed since the last run (at most the last
   * {@value #DAYS_KEPT} days), re-allocating each day it touched, then feeds the budgets, the
   * anomaly detector (complete days only) and the optimizer. All or nothing: a failure leaves the
   * previous state.
   *
   * @return the number of hours allocated
   */
  synchronized int runOnce() {
    Instant now = clock.instant();
    Instant from = next;
    Instant earliest = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS_KEPT - 1));
    if (from.isBefore(earliest)) {
      from = earliest;
    }
    Map<LocalDate, List<Hour>> touched = new TreeMap<>();
    long bytes = -1;
    Instant hour = from;
    while (!hour.plus(HOUR).plus(grace).isAfter(now)) {
      bytes = bytes < 0 ? dataDirBytes() : bytes;
      LocalDate day = LocalDate.ofInstant(hour, ZoneOffset.UTC);
      Day before = days.get(day);
      touched
          .computeIfAbsent(day, d -> new ArrayList<>(before == null ? List.of() : before.hours()))
          .add(new Hour(CostPeriod.of(hour, hour.plus(HOUR)), bytes));
      hour = hour.plus(HOUR);
    }
    List<DailyCost> fresh = new ArrayList<>();
    MeteringResult lastUsage = null;
    Map<LocalDate, Day> allocated = new TreeMap<>();
    for (Map.Entry<LocalDate, List<Hour>> e : touched.entrySet()) {
      List<Hour> hours = e.getValue();
      List<Asset> bill = new ArrayList<>();
      for (Hour h : hours) {
        CostPeriod p = h.period();
        bill.addAll(assets.bill(p, cluster.replicaSeconds(p.start(), p.end()), h.storageBytes()));
      }
      Day day = new Day(e.getKey(), List.copyOf(hours), null);
      lastUsage = adapter.ingest(meter, day.period());
      Allocation allocation = allocator.allocate(bill, perHour(lastUsage.records()));
      allocation.reconcile();
      allocated.put(e.getKey(), new Day(e.getKey(), day.hours(), allocation));
      fresh.addAll(allocation.dailyCosts());
    }
    days.putAll(allocated);
    while (days.size() > DAYS_KEPT) {
      days.pollFirstEntry();
    }
    next = hour;
    List<DailyCost> history = new ArrayList<>();
    days.values().forEach(d -> history.addAll(d.allocation().dailyCosts()));
    watch.sync(registry.list(), history);
    watch.recordAndEvaluate(fresh);
    observeCompleteDays();
    snapshot =
        new Snapshot(
            now,
            List.copyOf(days.values()),
            optimizer.recommend(cluster.samples()),
            lastUsage == null ? snapshot.skippedWindows() : lastUsage.skippedWindows());
    return (int) Duration.between(from, hour).toHours();
  }

  /**
   * Moves each usage record to its hour's cluster asset ({@code api_requests} windows are whole UTC
   * hours).
   */
  private static List<UsageRecord> perHour(List<UsageRecord> records) {
    List<UsageRecord> moved = new ArrayList<>(records.size());
    for (UsageRecord r : records) {
      moved.add(
          new UsageRecord(
              r.tenant(),
              r.workload(),
              CostAssets.id(r.assetId(), r.period().start()),
              r.resource(),
              r.period(),
              r.requested(),
              r.used()));
    }
    return moved;
  }

  /** Feeds the anomaly detector each day that has become complete, once, in day order. */
  private void observeCompleteDays() {
    LocalDate complete = LocalDate.ofInstant(next, ZoneOffset.UTC); // days before it are whole
    NavigableMap<LocalDate, Day> ready = days.subMap(observedUntil, true, complete, false);
    List<DailyCost> costs = new ArrayList<>();
    for (Day d : ready.values()) {
      List<DailyCost> daily = d.allocation().dailyCosts();
      costs.addAll(daily);
      costs.addAll(totals(daily));
    }
    if (complete.isAfter(observedUntil)) {
      watch.observeCompleteDays(costs);
      observedUntil = complete;
    }
  }

  /** Each scope's all-services ({@code "*"}) cost per day: the anomaly detector's totals. */
  private static List<DailyCost> totals(List<DailyCost> daily) {
    Map<List<Object>, DailyCost> sums = new LinkedHashMap<>();
    for (DailyCost c : daily) {
      sums.merge(
          List.of(c.scope(), c.day()),
          new DailyCost(c.scope(), "*", c.day(), c.cost()),
          (a, b) -> new DailyCost(a.scope(), "*", a.day(), a.cost().plus(b.cost())));
    }
    return List.copyOf(sums.values());
  }

  /** Returns the data directory's size in bytes now (files that vanish while walked count 0). */
  private long dataDirBytes() {
    try (Stream<Path> files = Files.walk(dataDir)) {
      return files.filter(Files::isRegularFile).mapToLong(DemoCost::size).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Returns what the last run left: the days kept, the recommendations, the skipped meters. */
  Snapshot snapshot() {
    return snapshot;
  }

  CostWatch watch() {
    return watch;
  }

  TenantRegistry registry() {
    return registry;
  }

  PriceBook book() {
    return assets.book();
  }
}
