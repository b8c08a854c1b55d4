package dev.tdeveloper.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 17 point 3, isolation under load: while the generator runs, a reader thread of its own
 * walks the tenants round-robin at a modest rate and, as each tenant, lists its notes, reads its
 * newest one, reads the newest known note id of another tenant and reads its usage; after the run
 * it does the same once for every tenant. Every note of the load carries its tenant's {@link
 * NoteMarker}, so a note of another tenant (or without a marker) listed or read under a tenant, or
 * a usage answer naming another tenant, is a violation. Note ids are numbered per tenant, so
 * another tenant's id read under a tenant must answer 404 or that tenant's own note of the same
 * number (after the run, the id read is the highest any other tenant has, so mostly a 404).
 *
 * <p>Usage: {@link #baseline} reads every tenant's metered {@code api_requests} and {@code
 * notes_created} before the load; as a {@link LoadObserver} it counts the generator's requests that
 * reached the demo's metering filter (answered by the handler: 2xx, or a quota refusal the notes
 * servlet makes after metering), warm-up included, and its own; {@link #verify} then checks each
 * tenant's metered totals equal the baseline plus what was counted, exactly. The metering filter
 * stores and counts each event before the handler runs, so once every answer is in, the hour's open
 * window already holds them all (closing it, an hour and five minutes after it started, only
 * freezes the same number). Thread-safe.
 */
final class IsolationChecker implements LoadObserver {
  /** The reader's rate while the load runs, requests per second: {@value}. */
  static final double REQUESTS_PER_SECOND = 10;

  private static final Duration RETRY = Duration.ofSeconds(20);

  private final Roster roster;
  private final double requestsPerSecond;
  private final int n;
  private final AtomicLongArray baselineRequests;
  private final AtomicLongArray baselineNotes;
  private final AtomicLongArray metered; // the generator's and the checker's, since the baseline
  private final AtomicLongArray uncertain;
  private final AtomicLongArray notesCreated;
  private final AtomicLongArray newestId; // the newest note id seen per tenant
  final AtomicLong listings = new AtomicLong();
  final AtomicLong notesChecked = new AtomicLong();
  final AtomicLong ownReads = new AtomicLong();
  final AtomicLong crossReads = new AtomicLong();
  final AtomicLong crossNotFound = new AtomicLong();
  final AtomicLong usageReads = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong duringLoad = new AtomicLong();
  final AtomicLong violations = new AtomicLong();
  final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
  private volatile TenantClient client;
  private volatile boolean running;
  private volatile RuntimeException failure;
  private Thread reader;

  /** A checker of {@code roster}'s tenants whose reader sends {@code requestsPerSecond} at most. */
  IsolationChecker(Roster roster, double requestsPerSecond) {
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be above 0, was " + requestsPerSecond);
    }
    this.roster = roster;
    this.requestsPerSecond = requestsPerSecond;
    this.n = roster.tenants().size();
    this.baselineRequests = new AtomicLongArray(n);
    this.baselineNotes = new AtomicLongArray(n);
    this.metered = new AtomicLongArray(n);
    this.uncertain = new AtomicLongArray(n);
    this.notesCreated = new AtomicLongArray(n);
    this.newestId = new AtomicLongArray(n);
  }

  /** Reads every tenant's metered usage on {@code demo}, before the load starts. */
  void baseline(DemoProcess demo) throws InterruptedException {
    TenantClient quiet = new TenantClient(demo.port(), (t, a) -> {});
    List<String> seeded = demo.seededNotes();
    for (int i = 0; i < n; i++) {
      JsonNode usage = usage(quiet, i, true);
      baselineRequests.set(i, sum(usage, "api_requests"));
      baselineNotes.set(i, sum(usage, "notes_created"));
      newestId.set(i, Long.parseLong(seeded.get(i)));
    }
    client = new TenantClient(demo.port(), this::account);
  }

  @Override
  public void completed(Mix.Planned request, Outcome outcome, int status, long latencyNanos) {
    generatorAnswered(request, outcome);
  }

  @Override
  public void warmupCompleted(Mix.Planned request, Outcome outcome, int status) {
    generatorAnswered(request, outcome);
  }

  private void generatorAnswered(Mix.Planned request, Outcome outcome) {
    switch (TenantClient.Metering.of(outcome)) {
      case METERED -> metered.incrementAndGet(request.tenant());
      case UNCERTAIN -> uncertain.incrementAndGet(request.tenant());
      case NOT_METERED -> {}
    }
    if (request.operation() == RequestKind.WRITE && outcome == Outcome.OK) {
      notesCreated.incrementAndGet(request.tenant());
    }
  }

  private void account(LoadTenant tenant, TenantClient.Answer answer) {
    int i = roster.tenants().indexOf(tenant);
    switch (answer.metering()) {
      case METERED -> metered.incrementAndGet(i);
      case UNCERTAIN -> uncertain.incrementAndGet(i);
      case NOT_METERED -> refused.incrementAndGet();
    }
  }

  @Override
  public void started(int port) {
    if (client == null) {
      throw new IllegalStateException("call baseline(demo) before the load starts");
    }
    running = true;
    reader = new Thread(this::readWhileRunning, "isolation-checker");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public void finished() {
    running = false;
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void readWhileRunning() {
    long interval = (long) (1e9 / requestsPerSecond);
    long next = System.nanoTime();
    try {
      for (long round = 0; running; round++) {
        for (int i = 0; i < n && running; i++) {
          for (int step = 0; step < 4 && running; step++) {
            for (long w = next - System.nanoTime(); w > 0; w = next - System.nanoTime()) {
              LockSupport.parkNanos(w);
            }
            next += interval;
            check(i, step, (int) (round % (n - 1)), false);
            duringLoad.incrementAndGet();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /**
   * After the load (every answer in, the reader stopped): checks every tenant once more, then
   * compares each tenant's metered usage with the baseline plus what was counted.
   */
  IsolationResult verify() throws InterruptedException {
    if (failure != null) {
      throw new IllegalStateException("the isolation checker's reader failed", failure);
    }
    long[][] usage = new long[n][];
    for (int i = 0; i < n; i++) {
      for (int step = 0; step < 3; step++) {
        check(i, step, i % (n - 1), true);
      }
      JsonNode u = usage(client, i, true); // metered itself, so accounted before the comparison
      usage[i] =
          new long[] {
            baselineRequests.get(i) + metered.get(i),
            sum(u, "api_requests"),
            uncertain.get(i),
            baselineNotes.get(i) + notesCreated.get(i),
            sum(u, "notes_created")
          };
    }
    return IsolationResult.of(roster, this, usage);
  }

  private void check(int i, int step, int offset, boolean retry) throws InterruptedException {
    LoadTenant t = roster.tenants().get(i);
    switch (step) {
      case 0 -> list(t, i, retry);
      case 1 -> read(t, i, newestId.get(i), i, retry);
      case 2 -> {
        int of = retry ? highestOther(i) : (i + 1 + offset) % n;
        read(t, i, newestId.get(of), of, retry);
      }
      default -> usage(client, i, retry);
    }
  }

  /** The other tenant with the highest note id seen: its id is the likeliest to be unknown. */
  private int highestOther(int i) {
    int best = (i + 1) % n;
    for (int j = 0; j < n; j++) {
      if (j != i && newestId.get(j) > newestId.get(best)) {
        best = j;
      }
    }
    return best;
  }

  private TenantClient.Answer get(LoadTenant t, String path, boolean retry)
      throws InterruptedException {
    return retry ? client.admitted(t, path, RETRY) : client.get(t, path);
  }

  private void list(LoadTenant t, int i, boolean retry) throws InterruptedException {
    TenantClient.Answer a = get(t, "/notes", retry);
    if (a.outcome() != Outcome.OK) {
      return;
    }
    listings.incrementAndGet();
    for (JsonNode note : a.json().path("notes")) {
      notesChecked.incrementAndGet();
      owned(t, note, "listed");
      newestId.accumulateAndGet(i, note.path("id").asLong(), Math::max);
    }
  }

  /** Reads note {@code id}, the newest known of tenant {@code of}, as tenant {@code t}. */
  private void read(LoadTenant t, int i, long id, int of, boolean retry)
      throws InterruptedException {
    TenantClient.Answer a = get(t, "/notes/" + id, retry);
    if (of == i) {
      if (a.outcome() == Outcome.OK) {
        ownReads.incrementAndGet();
        notesChecked.incrementAndGet();
        owned(t, a.json(), "read");
      }
      return;
    }
    if (a.outcome() == Outcome.OK || a.noteNotFound()) {
      crossReads.incrementAndGet();
    }
    if (a.noteNotFound()) {
      crossNotFound.incrementAndGet();
    } else if (a.outcome() == Outcome.OK) {
      notesChecked.incrementAndGet();
      owned(t, a.json(), "read by " + roster.tenants().get(of).id() + "'s note id");
    }
  }

  private void owned(LoadTenant t, JsonNode note, String how) {
    String text = note.path("text").asText();
    String owner = NoteMarker.owner(text).orElse("nobody (no marker)");
    if (!owner.equals(t.id())) {
      violation("note " + note.path("id").asText() + " of " + owner + " " + how + " as " + t.id());
    }
  }

  /** Reads tenant {@code i}'s usage; null if refused while the load runs ({@code retry} off). */
  private JsonNode usage(TenantClient via, int i, boolean retry) throws InterruptedException {
    LoadTenant t = roster.tenants().get(i);
    TenantClient.Answer a = retry ? via.admitted(t, "/usage", RETRY) : via.get(t, "/usage");
    if (a.outcome() != Outcome.OK && !retry) {
      return null;
    }
    if (a.outcome() != Outcome.OK) {
      throw new IllegalStateException(
          "GET /usage as " + t.id() + " answered " + a.status() + ": " + a.body());
    }
    JsonNode body = a.json();
    if (via == client) {
      usageReads.incrementAndGet();
    }
    if (!t.id().equals(body.path("tenant").asText())) {
      violation("usage of " + body.path("tenant").asText() + " answered to " + t.id());
    }
    return body;
  }

  private void violation(String what) {
    if (violations.incrementAndGet() <= IsolationResult.EXAMPLES) {
      examples.add(what);
    }
  }

  private static long sum(JsonNode usage, String meter) {
    long total = 0;
    for (JsonNode window : usage.path("meters").path(meter)) {
      total += window.path("value").asLong();
    }
    return total;
  }
}
