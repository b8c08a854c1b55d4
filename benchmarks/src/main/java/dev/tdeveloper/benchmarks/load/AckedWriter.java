package dev.tdeveloper.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes notes at a fixed rate through the faults, each with a text unique to it, and keeps every
 * write the demo acknowledged (201 with the note's id) so that {@link LostWrites} can read each one
 * back after the run. Its answers go to the {@link FaultTimeline} too, with whether a 503 carried
 * {@code Retry-After}. Thread-safe.
 */
public final class AckedWriter implements AutoCloseable {
  /**
   * One acknowledged write.
   *
   * @param tenant the tenant's id
   * @param id the note id the 201 gave
   * @param text the text written
   */
  public record Ack(String tenant, String id, String text) {
    /** Checks presence. */
    public Ack {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_IN_FLIGHT = 64;

  private final List<String> tenants;
  private final URI base;
  private final FaultTimeline timeline;
  private final ExecutorService executor = Executors.newFixedThreadPool(1);
  private final HttpClient client;
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

  /**
   * Starts writing to the demo on {@code port} at {@code rate} notes per second, round robin over
   * {@code tenants} (named by header).
   *
   * @throws IllegalArgumentException if the rate is not positive or there are no tenants
   */
  public AckedWriter(int port, List<String> tenants, double rate, FaultTimeline timeline) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be positive, was " + rate);
    }
    if (tenants.isEmpty()) {
      throw new IllegalArgumentException("tenants must not be empty");
    }
    this.tenants = List.copyOf(tenants);
    this.base = URI.create("http://127.0.0.1:" + port);
    this.timeline = Objects.requireNonNull(timeline, "timeline");
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(executor)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    ticks.scheduleAtFixedRate(this::send, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
  }

  private void send() {
    if (!inFlight.tryAcquire()) {
      skipped.incrementAndGet();
      return;
    }
    long n = sequence.getAndIncrement();
    String tenant = tenants.get((int) (n % tenants.size()));
    String text = "acked-write " + tenant + " #" + n;
    HttpRequest request;
    try {
      request =
          ClientAddresses.forwardedFor(HttpRequest.newBuilder(base.resolve("/notes")), tenant)
              .header("X-Tenant-Id", tenant)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(10))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      JSON.writeValueAsString(java.util.Map.of("text", text))))
              .build();
    } catch (IOException e) {
      inFlight.release();
      throw new UncheckedIOException(e);
    }
    long sentAt = timeline.now();
    client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, error) -> {
              try {
                int status = response == null ? 0 : response.statusCode();
                boolean retryAfter =
                    response != null && response.headers().firstValue("Retry-After").isPresent();
                timeline.writerAnswered(sentAt, status, retryAfter);
                if (status == 201) {
                  acks.add(
                      new Ack(tenant, JSON.readTree(response.body()).path("id").asText(), text));
                }
              } catch (IOException e) {
                throw new UncheckedIOException("a 201 without a JSON note", e);
              } finally {
                inFlight.release();
              }
            });
  }

  /** Returns the writes acknowledged so far. */
  public List<Ack> acknowledged() {
    return List.copyOf(acks);
  }

  /** Returns the writes sent so far. */
  public long sent() {
    return sequence.get();
  }

  /** Returns the ticks skipped because {@value #MAX_IN_FLIGHT} writes were outstanding. */
  public long skipped() {
    return skipped.get();
  }

  /** Stops writing and waits for the writes in flight to be answered. */
  @Override
  public void close() throws InterruptedException {
    ticks.shutdownNow();
    ticks.awaitTermination(10, TimeUnit.SECONDS);
    inFlight.acquire(MAX_IN_FLIGHT);
    inFlight.release(MAX_IN_FLIGHT);
    executor.shutdown();
  }
}
