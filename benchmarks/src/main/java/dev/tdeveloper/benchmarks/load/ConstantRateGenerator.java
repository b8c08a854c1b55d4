package dev.tdeveloper.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An open-model, constant-rate load generator in the manner of wrk2: request {@code i} has the
 * intended start {@code t0 + i / rate} in the measured part (after a warm-up whose rate ramps up,
 * {@link RampSchedule}), and its latency is measured from that instant, not from when it was
 * actually sent, so a stalled server is charged for the requests it kept waiting
 * (coordinated-omission correction). Over the measured part it also reads the demo's CPU by thread
 * group ({@link ThreadCpu}), so a run says whether the JIT was still compiling while it was
 * measured. Requests go out asynchronously through Jetty's {@link HttpClient} (HTTP/1.1, one
 * connection per outstanding request, as a fleet of clients would open) with at most {@code
 * maxInFlight} outstanding; a request that has to wait for a slot is still timed from its intended
 * start. Jetty's client rather than the JDK's: the generator shares the machine's cores with the
 * demo, and the JDK client cost several times the CPU per request. Not thread-safe: one run at a
 * time.
 */
public final class ConstantRateGenerator {
  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

  private final Roster roster;
  private final int maxInFlight;
  private final List<LoadObserver> observers;

  /**
   * A generator over {@code roster}, with at most {@code maxInFlight} requests outstanding.
   *
   * @throws IllegalArgumentException if {@code maxInFlight} is under 1
   */
  public ConstantRateGenerator(Roster roster, int maxInFlight, List<LoadObserver> observers) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    this.roster = roster;
    this.maxInFlight = maxInFlight;
    this.observers = List.copyOf(observers);
  }

  /**
   * Drives {@code demo} at {@code rate} requests per second for {@code warmup} (not recorded) and
   * then {@code duration} (recorded), both at the constant rate; see {@link #run(String,
   * DemoProcess, RampSchedule, long)}.
   */
  public RunResult run(
      String name, DemoProcess demo, double rate, Duration warmup, Duration duration, long seed)
      throws InterruptedException {
    return run(name, demo, RampSchedule.flat(rate, warmup, duration), seed);
  }

  /**
   * Drives {@code demo} on {@code schedule}: its warm-up (not recorded, but reported to the
   * observers' {@link LoadObserver#warmupCompleted}) and then its measured part, drawing requests
   * from a {@link Mix} seeded with {@code seed} at the schedule's full rate (a ramp scales every
   * tenant's traffic alike), and waits for every request to complete.
   */
  public RunResult run(String name, DemoProcess demo, RampSchedule schedule, long seed)
      throws InterruptedException {
    double rate = schedule.rate();
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
    HttpClient client = client(maxInFlight);
    Semaphore inFlight = new Semaphore(maxInFlight);
    long warmupCount = schedule.warmupCount();
    long total = schedule.total();
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long[] cpuStart = new long[2];
    Map<String, Long> groupsStart = Map.of();
    observers.forEach(o -> o.measuredPartDue(t0 + schedule.measuredStartNanos()));
    for (long i = 0; i < total; i++) {
      long intended = t0 + schedule.offsetNanos(i);
      for (long wait = intended - System.nanoTime();
          wait > 0;
          wait = intended - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      if (i == warmupCount) {
        cpuStart[0] = generatorCpuNanos();
        cpuStart[1] = demoCpuNanos(demo);
        groupsStart = threadCpu(demo);
        observers.forEach(o -> o.started(demo.port()));
      }
      boolean measured = i >= warmupCount;
      Mix.Planned planned = mix.next();
      Request request = request(client, demo.port(), planned, notes, i);
      inFlight.acquire();
      request.send(
          new BufferingResponseListener() {
            @Override
            public void onComplete(Result result) {
              try {
                int status = result.isFailed() ? 0 : result.getResponse().getStatus();
                String body = result.isFailed() ? "" : getContentAsString();
                if (measured) {
                  record(planned, status, body, intended, byKind, byTenant, latency, tenantLatency);
                } else {
                  warmedUp(planned, status, body);
                }
              } finally {
                inFlight.release();
              }
            }
          });
    }
    inFlight.acquire(maxInFlight); // every request has completed
    long elapsed = System.nanoTime() - (t0 + schedule.measuredStartNanos());
    long generatorCpu = generatorCpuNanos() - cpuStart[0];
    long demoCpu = demoCpuNanos(demo) - cpuStart[1];
    Map<String, Long> groupsEnd = threadCpu(demo);
    Map<String, Long> byGroup =
        groupsStart.isEmpty() || groupsEnd.isEmpty()
            ? Map.of()
            : ThreadCpu.delta(groupsStart, groupsEnd);
    observers.forEach(LoadObserver::finished);
    stop(client);
    return new RunResult(
        name,
        rate,
        schedule.measured(),
        Duration.ofNanos(elapsed),
        total - warmupCount,
        matrix(byKind, RequestKind.values().length),
        matrix(byTenant, tenants),
        latency,
        tenantLatency,
        Duration.ofNanos(generatorCpu),
        Duration.ofNanos(demoCpu),
        schedule,
        byGroup);
  }

  private void record(
      Mix.Planned planned,
      int status,
      String body,
      long intended,
      AtomicLongArray byKind,
      AtomicLongArray byTenant,
      Histogram latency,
      List<Histogram> tenantLatency) {
    long micros = Math.min((System.nanoTime() - intended) / 1000, HIGHEST_MICROS);
    Outcome outcome = status == 0 ? Outcome.FAILED : Outcome.of(status, body);
    int width = Outcome.values().length;
    byKind.incrementAndGet(planned.kind().ordinal() * width + outcome.ordinal());
    byTenant.incrementAndGet(planned.tenant() * width + outcome.ordinal());
    latency.recordValue(micros);
    tenantLatency.get(planned.tenant()).recordValue(micros);
    for (LoadObserver observer : observers) {
      observer.completed(planned, outcome, status, micros * 1000);
    }
  }

  private void warmedUp(Mix.Planned planned, int status, String body) {
    Outcome outcome = status == 0 ? Outcome.FAILED : Outcome.of(status, body);
    for (LoadObserver observer : observers) {
      observer.warmupCompleted(planned, outcome, status);
    }
  }

  private Request request(
      HttpClient client, int port, Mix.Planned planned, List<String> notes, long sequence) {
    LoadTenant tenant = roster.tenants().get(planned.tenant());
    String note = "/notes/" + notes.get(planned.tenant());
    Request request = client.newRequest("127.0.0.1", port);
    switch (planned.operation()) {
      case WRITE ->
          request
              .method(HttpMethod.POST)
              .path("/notes")
              .body(
                  new StringRequestContent(
                      "application/json",
                      "{\"text\":\"" + NoteMarker.text(sequence, tenant.id()) + "\"}"));
      case USAGE -> request.path("/usage");
      case ATTACK -> request.path(note + Mix.ATTACKS[planned.attack()]);
      default -> request.path(note);
    }
    // A named host, as a client reaching the service by its name sends (and the demo's README
    // shows): a numeric Host scores CRS 920350 on every header-named tenant's request.
    String host = tenant.bySubdomain() ? tenant.id() + ".localhost:" + port : "localhost:" + port;
    return request
        .headers(
            h -> {
              h.put(HttpHeader.HOST, host);
              if (!tenant.bySubdomain()) {
                h.put("X-Tenant-Id", tenant.id());
              }
              h.put(ClientAddresses.HEADER, ClientAddresses.of(tenant, planned.kind(), sequence));
            })
        .timeout(30, TimeUnit.SECONDS);
  }

  /**
   * A started client opening up to {@code connections} connections to the demo, with its own small
   * thread pool (the generator's threads, counted in its CPU share).
   */
  private static HttpClient client(int connections) {
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setName("load-generator");
    threads.setDaemon(true);
    HttpClient client = new HttpClient();
    client.setExecutor(threads);
    client.setMaxConnectionsPerDestination(connections);
    client.setMaxRequestsQueuedPerDestination(connections * 2);
    client.setConnectTimeout(5_000);
    client.setIdleTimeout(60_000);
    client.setUserAgentField(null);
    client.setFollowRedirects(false);
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("the load generator's HTTP client failed to start", e);
    }
    return client;
  }

  private static void stop(HttpClient client) {
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the load generator's HTTP client failed to stop", e);
    }
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

  /** The demo's CPU by thread group now, or none where {@code /proc} cannot be read. */
  private static Map<String, Long> threadCpu(DemoProcess demo) {
    try {
      return ThreadCpu.byGroup(demo.handle().pid());
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
  }

  private static long demoCpuNanos(DemoProcess demo) {
    return demo.handle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
