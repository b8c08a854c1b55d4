package dev.tdeveloper.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * GET requests to the demo as one tenant of the roster, named the way the load names it (subdomain
 * or header), for the {@link IsolationChecker}. Every answer is classified and handed to the
 * accounting callback, so the checker knows which of its own requests the demo metered.
 * Thread-safe.
 */
final class TenantClient {
  /** Whether the demo's metering filter counted a request. */
  enum Metering {
    /** It reached the metering filter (the handler answered). */
    METERED,
    /** A filter before the metering filter refused it. */
    NOT_METERED,
    /** Cannot be told from the answer (no answer, a 5xx, an unexpected 4xx). */
    UNCERTAIN;

    /** How a generator request that ended as {@code outcome} was metered. */
    static Metering of(Outcome outcome) {
      return switch (outcome) {
        case OK, QUOTA_EXCEEDED -> METERED; // the notes servlet refuses a quota after metering
        case RATE_LIMITED, SHIELD_REFUSED, OVERLOADED, WAF_BLOCKED -> NOT_METERED;
        case CLIENT_ERROR, SERVER_ERROR, FAILED -> UNCERTAIN;
      };
    }
  }

  /**
   * One answer.
   *
   * @param status the HTTP status, {@code 0} without an answer
   * @param outcome its classification
   * @param body the body, empty without an answer
   * @param metering whether the demo metered the request
   * @param retryAfter the {@code Retry-After} of a refusal, else zero
   */
  record Answer(int status, Outcome outcome, String body, Metering metering, Duration retryAfter) {
    /**
     * Returns the body as JSON.
     *
     * @throws UncheckedIOException if it is not JSON
     */
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("the demo answered a body that is not JSON: " + body, e);
      }
    }

    /** Whether the notes servlet answered that the note does not exist. */
    boolean noteNotFound() {
      return status == 404 && body.contains("Note not found");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final URI base;
  private final int port;
  private final BiConsumer<LoadTenant, Answer> accounting;

  TenantClient(int port, BiConsumer<LoadTenant, Answer> accounting) {
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.base = URI.create("http://127.0.0.1:" + port);
    this.port = port;
    this.accounting = accounting;
  }

  /** Sends one {@code GET path} as {@code tenant}. */
  Answer get(LoadTenant tenant, String path) throws InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (tenant.bySubdomain()) {
      builder.header("Host", tenant.id() + ".localhost:" + port);
    } else {
      builder.header("X-Tenant-Id", tenant.id());
    }
    ClientAddresses.forwardedFor(builder, tenant.id());
    Answer answer;
    try {
      HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      Outcome outcome = Outcome.of(r.statusCode(), r.body());
      Duration retryAfter =
          Duration.ofSeconds(r.headers().firstValueAsLong("Retry-After").orElse(0));
      answer = new Answer(r.statusCode(), outcome, r.body(), metering(r, outcome), retryAfter);
    } catch (IOException e) {
      answer = new Answer(0, Outcome.FAILED, "", Metering.UNCERTAIN, Duration.ZERO);
    }
    accounting.accept(tenant, answer);
    return answer;
  }

  /**
   * Sends {@code GET path} as {@code tenant} until the rate limit or the shield's concurrency limit
   * lets it through (waiting as {@code Retry-After} says, at least 100 ms) or {@code deadline}
   * passes; returns the last answer.
   */
  Answer admitted(LoadTenant tenant, String path, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      Answer answer = get(tenant, path);
      boolean refused =
          answer.outcome() == Outcome.RATE_LIMITED || answer.outcome() == Outcome.OVERLOADED;
      if (!refused || System.nanoTime() > end) {
        return answer;
      }
      long wait = Math.max(TimeUnit.MILLISECONDS.toNanos(100), answer.retryAfter().toNanos());
      LockSupport.parkNanos(Math.min(wait, Math.max(0, end - System.nanoTime())));
    }
  }

  private static Metering metering(HttpResponse<String> r, Outcome outcome) {
    if (outcome == Outcome.CLIENT_ERROR && r.statusCode() == 404) {
      return r.body().contains("Note not found") ? Metering.METERED : Metering.UNCERTAIN;
    }
    return Metering.of(outcome);
  }
}
