package dev.tdeveloper.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The after-run check that no acknowledged write was lost: every {@link AckedWriter.Ack} is read
 * back by id under its tenant and must come back with its text; and every tenant's note count must
 * be at least its seeded note plus the writes acknowledged to it (the load's, counted by the {@link
 * FaultTimeline}, and the writer's), since the load's 201 bodies are not kept. A failed read is
 * retried until a deadline (as is a 429: the load's tenants may still be over their rate limit), so
 * a demo still recovering is not taken for a lost write. Stateless.
 */
public final class LostWrites {
  /**
   * The check's result.
   *
   * @param acknowledged the writer's acknowledged writes
   * @param lost those not read back with their text
   * @param lostExamples up to ten of them, as {@code tenant/id}
   * @param loadAcknowledged the load's acknowledged writes, over every tenant
   * @param missingByCount notes missing from tenants' counts (acknowledged, seeded and written
   *     minus present, summed over tenants where positive)
   */
  public record Result(
      long acknowledged,
      long lost,
      List<String> lostExamples,
      long loadAcknowledged,
      long missingByCount) {
    /** Copies the list. */
    public Result {
      lostExamples = List.copyOf(lostExamples);
    }

    /** Returns whether no acknowledged write is missing. */
    public boolean none() {
      return lost == 0 && missingByCount == 0;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY_FOR = Duration.ofSeconds(60);

  private LostWrites() {}

  /**
   * Reads back against the demo on {@code port}.
   *
   * @throws IOException if a read keeps failing until the deadline (the message has the answer)
   */
  public static Result check(
      int port, Roster roster, List<AckedWriter.Ack> acks, FaultTimeline timeline)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI base = URI.create("http://127.0.0.1:" + port);
    long lost = 0;
    List<String> examples = new ArrayList<>();
    Map<String, Long> writerPerTenant = new java.util.HashMap<>();
    for (AckedWriter.Ack ack : acks) {
      writerPerTenant.merge(ack.tenant(), 1L, Long::sum);
      HttpResponse<String> r = get(client, base.resolve("/notes/" + ack.id()), ack.tenant());
      boolean kept =
          r.statusCode() == 200 && ack.text().equals(JSON.readTree(r.body()).path("text").asText());
      if (!kept) {
        lost++;
        if (examples.size() < 10) {
          examples.add(ack.tenant() + "/" + ack.id() + " (" + r.statusCode() + ")");
        }
      }
    }
    long loadAcked = 0;
    long missing = 0;
    for (int i = 0; i < roster.tenants().size(); i++) {
      String tenant = roster.tenants().get(i).id();
      loadAcked += timeline.loadWritesAcknowledged(i);
      long expected =
          1 + timeline.loadWritesAcknowledged(i) + writerPerTenant.getOrDefault(tenant, 0L);
      HttpResponse<String> r = get(client, base.resolve("/notes"), tenant);
      JsonNode list = JSON.readTree(r.body());
      if (r.statusCode() != 200 || !list.path("count").isNumber()) {
        throw new IOException("GET /notes of " + tenant + " answered " + r.statusCode());
      }
      missing += Math.max(0, expected - list.path("count").asLong());
    }
    return new Result(acks.size(), lost, examples, loadAcked, missing);
  }

  private static HttpResponse<String> get(HttpClient client, URI uri, String tenant)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + RETRY_FOR.toNanos();
    while (true) {
      HttpRequest request =
          ClientAddresses.forwardedFor(HttpRequest.newBuilder(uri), tenant)
              .header("X-Tenant-Id", tenant)
              .timeout(Duration.ofSeconds(10))
              .build();
      HttpResponse<String> response = null;
      IOException error = null;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        error = e;
      }
      if (response != null
          && response.statusCode() != 429
          && !FaultAnswer.of(response.statusCode()).failed()) {
        return response;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "GET "
                + uri
                + " of "
                + tenant
                + " kept failing for "
                + RETRY_FOR
                + (response == null ? ": " + error : ": " + response.statusCode()),
            error);
      }
      Thread.sleep(100); // the demo is still recovering: poll again
    }
  }
}
