package dev.tdeveloper.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model, constant-rate load generator in the manner of wrk2: request {@code i} has the
 * intended start {@code t0 + i / rate}, and its latency is measured from that instant, not from
 * when it was actually sent, so a stalled server is charged for the requests it kept waiting
 * (coordinated-omission correction). Requests go out asynchronously through the JDK's {@link
 * HttpClient} with at most {@code maxInFlight} outstanding; a request that has to wait for a slot
 * is still timed from its intended start. Not thread-safe: one run at a time.
 */
public final class ConstantRateGenerator {
  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

  private final Roster roster;
  private final int maxInFlight;
  private final List<LoadObserver> observers;

  /**
   * A generator over {@code roster}, with at most {@code maxInFlight} requests outstanding.
   *
   * @throws IllegalStateException if the JDK client may not set the {@code Host} header (start the
   *     JVM with {@code -Djdk.httpclient.allowRestrictedHeaders=host})
   */
  public ConstantRateGenerator(Roster roster, int maxInFlight, List<LoadObserver> observers) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    String restricted = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
    if (!restricted.toLowerCase(java.util.Locale.ROOT).contains("host")) {
      throw new IllegalStateException(
          "tenants named by subdomain need the Host header: run with"
              + " -Djdk.httpclient.allowRestrictedHeaders=host");
    }
    this.roster = roster;
    this.maxInFlight = maxInFlight;
    this.observers = List.copyOf(observers);
  }

  /**
   * Drives {@code demo} at {@code rate} requests per second for {@code warmup} (not recorded) and
   * then {@code duration} (recorded), drawing requests from a {@link Mix} seeded with {@code seed},
   * and waits for every request to complete.
   */
  public RunResult run(
      String name, DemoProcess demo, double rate, Duration warmup, Duration duration, long seed)
      throws InterruptedException {
    Mix mix = new Mix(roster, rate, seed);
    List<String> notes = demo.seededNotes();
    int tenants = roster.tenants().size();
    AtomicLongArray byKind =
        new AtomicLongArray(RequestKind.values().length * Outcome.values().length);
    AtomicLongArray byTenant = new AtomicLongArray(tenants * Outcome.values().length);
    Histogram latency = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    List<Histogram> tenantLatency = new ArrayList<>();
    for (int i = 0; i < tenants; i++) {
      tenantLatency.add(new ConcurrentHistogram(HIGHEST_MICROS, 2));
    }
    ExecutorService executor = Executors.newFixedThreadPool(2);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(executor)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI base = URI.create("http://127.0.0.1:" + demo.port());
    Semaphore inFlight = new Semaphore(maxInFlight);
    long interval = (long) (1e9 / rate);
    long warmupCount = warmup.toNanos() / interval;
    long total = warmupCount + duration.toNanos() / interval;
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long[] cpuStart = new long[2];
    for (long i = 0; i < total; i++) {
      long intended = t0 + i * interval;
      for (long wait = intended - System.nanoTime();
          wait > 0;
          wait = intended - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      if (i == warmupCount) {
        cpuStart[0] = generatorCpuNanos();
        cpuStart[1] = demoCpuNanos(demo);
        observers.forEach(o -> o.started(demo.port()));
      }
      boolean measured = i >= warmupCount;
      Mix.Planned planned = mix.next();
      HttpRequest request = request(base, demo.port(), planned, notes, i);
      inFlight.acquire();
      client
          .sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, error) -> {
                try {
                  if (measured) {
                    record(planned, response, intended, byKind, byTenant, latency, tenantLatency);
                  } else {
                    warmedUp(planned, response);
                  }
                } finally {
                  inFlight.release();
                }
              });
    }
    inFlight.acquire(maxInFlight); // every request has completed
    long elapsed = System.nanoTime() - (t0 + warmupCount * interval);
    long generatorCpu = generatorCpuNanos() - cpuStart[0];
    long demoCpu = demoCpuNanos(demo) - cpuStart[1];
    observers.forEach(LoadObserver::finished);
    executor.shutdown();
    return new RunResult(
        name,
        rate,
        duration,
        Duration.ofNanos(elapsed),
        total - warmupCount,
        matrix(byKind, RequestKind.values().length),
        matrix(byTenant, tenants),
        latency,
        tenantLatency,
        Duration.ofNanos(generatorCpu),
        Duration.ofNanos(demoCpu));
  }

  private void record(
      Mix.Planned planned,
      HttpResponse<String> response,
      long intended,
      AtomicLongArray byKind,
      AtomicLongArray byTenant,
      Histogram latency,
      List<Histogram> tenantLatency) {
    long micros = Math.min((System.nanoTime() - intended) / 1000, HIGHEST_MICROS);
    int status = response == null ? 0 : response.statusCode();
    Outcome outcome = response == null ? Outcome.FAILED : Outcome.of(status, response.body());
    int width = Outcome.values().length;
    byKind.incrementAndGet(planned.kind().ordinal() * width + outcome.ordinal());
    byTenant.incrementAndGet(planned.tenant() * width + outcome.ordinal());
    latency.recordValue(micros);
    tenantLatency.get(planned.tenant()).recordValue(micros);
    for (LoadObserver observer : observers) {
      observer.completed(planned, outcome, status, micros * 1000);
    }
  }

  private void warmedUp(Mix.Planned planned, HttpResponse<String> response) {
    int status = response == null ? 0 : response.statusCode();
    Outcome outcome = response == null ? Outcome.FAILED : Outcome.of(status, response.body());
    for (LoadObserver observer : observers) {
      observer.warmupCompleted(planned, outcome, status);
    }
  }

  private HttpRequest request(
      URI base, int port, Mix.Planned planned, List<String> notes, long sequence) {
    LoadTenant tenant = roster.tenants().get(planned.tenant());
    String note = "/notes/" + notes.get(planned.tenant());
    HttpRequest.Builder builder =
        switch (planned.operation()) {
          case WRITE ->
              HttpRequest.newBuilder(base.resolve("/notes"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"text\":\"" + NoteMarker.text(sequence, tenant.id()) + "\"}"));
          case USAGE -> HttpRequest.newBuilder(base.resolve("/usage"));
          case ATTACK ->
              HttpRequest.newBuilder(URI.create(base + note + Mix.ATTACKS[planned.attack()]));
          default -> HttpRequest.newBuilder(base.resolve(note));
        };
    if (tenant.bySubdomain()) {
      builder.header("Host", tenant.id() + ".localhost:" + port);
    } else {
      builder.header("X-Tenant-Id", tenant.id());
    }
    builder.header(ClientAddresses.HEADER, ClientAddresses.of(tenant, planned.kind()));
    return builder.timeout(Duration.ofSeconds(30)).build();
  }

  private static long[][] matrix(AtomicLongArray counts, int rows) {
    int width = Outcome.values().length;
    long[][] m = new long[rows][width];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) {
        m[r][c] = counts.get(r * width + c);
      }
    }
    return m;
  }

  private static long generatorCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long demoCpuNanos(DemoProcess demo) {
    return demo.handle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
