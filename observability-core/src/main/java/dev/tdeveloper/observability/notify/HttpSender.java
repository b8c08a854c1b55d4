package dev.tdeveloper.observability.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Posts JSON with the JDK {@link HttpClient} under a per-request timeout and classifies the answer:
 * 2xx accepted; 429 and 5xx retryable, honouring {@code Retry-After}; any other status refused.
 * Thread-safe.
 */
final class HttpSender {
  static final String USER_AGENT = "tdeveloper-observability";
  private static final int LONGEST_BODY_SHOWN = 300;

  private final HttpClient client;
  private final Duration timeout;
  private final InstantSource clock;

  HttpSender(HttpClient client, Duration timeout, InstantSource clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns a client for notifiers that were not given one: no redirects, connect timeout. */
  static HttpClient defaultClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Posts {@code body} and classifies the response.
   *
   * @param refusal describes a refused response for the log and events, from its status and body
   */
  Outcome post(URI url, byte[] body, Map<String, String> headers, Function<String, String> refusal)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return classify(
        response.statusCode(),
        response.headers().firstValue("Retry-After"),
        response.body(),
        clock.instant(),
        refusal);
  }

  static Outcome classify(
      int status,
      Optional<String> retryAfter,
      String body,
      Instant now,
      Function<String, String> refusal) {
    if (status >= 200 && status < 300) {
      return new Outcome.Accepted();
    }
    if (status == 429 || status >= 500) {
      return new Outcome.Retryable(
          "HTTP " + status, retryAfter.flatMap(value -> retryAfter(value, now)));
    }
    String described = refusal.apply(body == null ? "" : body);
    return new Outcome.Refused("HTTP " + status + (described.isEmpty() ? "" : ": " + described));
  }

  /**
   * Parses a {@code Retry-After} value (RFC 9110: delay seconds or an HTTP date) into a wait from
   * {@code now}; a date in the past is no wait; a value that is neither is ignored.
   */
  static Optional<Duration> retryAfter(String value, Instant now) {
    String trimmed = value.trim();
    if (!trimmed.isEmpty() && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
      } catch (NumberFormatException e) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
      }
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Returns a response body fit for a log line: whitespace collapsed, truncated. */
  static String snippet(String body) {
    return Texts.truncate(body.strip().replaceAll("\\s+", " "), LONGEST_BODY_SHOWN);
  }
}
