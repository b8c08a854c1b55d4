package dev.tdeveloper.observability.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Posts notifications as JSON shaped like Alertmanager's webhook ({@code version}, {@code
 * groupKey}, {@code status}, {@code receiver}, {@code groupLabels}, {@code commonLabels}, {@code
 * commonAnnotations}, {@code externalURL}, {@code alerts}, plus {@code action}, {@code severity},
 * {@code summary} and {@code timestamp}), signed in the header {@value #SIGNATURE_HEADER}.
 *
 * <p>The signature is {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over the ASCII timestamp, a dot
 * and the raw body ({@code t + "." + body}), renewed on every attempt. A receiver verifies it with
 * {@link #verify}: recompute the HMAC over the bytes it received (before parsing them), compare in
 * constant time, and reject a timestamp older than its tolerance (default {@link
 * #DEFAULT_TOLERANCE}) so a captured request cannot be replayed later.
 *
 * <p>The URL (it may carry a token) and the signing key are secrets: never shown in {@code
 * toString}, the log or events. 2xx is success; 429 and 5xx are retried; other statuses fail
 * permanently. Delivery is queued (see {@link DeliverySettings}). Thread-safe.
 */
public final class WebhookNotifier extends QueuedNotifier {
  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "X-Tdeveloper-Signature";

  /** How far a signature's timestamp may be from the receiver's clock by default: 5 minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  /** The shortest signing key accepted, in bytes. */
  public static final int MIN_KEY_BYTES = 16;

  private final URI url;
  private final byte[] signingKey;
  private final String externalUrl;
  private final InstantSource clock;
  private final HttpSender sender;

  private WebhookNotifier(Builder b) {
    super(b, Secrets.of(List.of(), List.of(b.url)));
    this.url = b.url;
    this.signingKey = b.signingKey.clone();
    this.externalUrl = b.externalUrl == null ? "" : b.externalUrl.toString();
    this.clock = b.options.clock();
    this.sender = b.options.sender();
  }

  /** Returns a builder; the URL and the signing key are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a request this notifier signed, as a receiver does.
   *
   * @param signingKey the shared key
   * @param signatureHeader the value of {@value #SIGNATURE_HEADER}
   * @param body the raw body bytes as received
   * @param now the receiver's current time
   * @param tolerance how old (or how far ahead) the signed timestamp may be
   * @return whether a {@code v1} signature matches and the timestamp is within tolerance; false for
   *     a malformed header
   */
  public static boolean verify(
      byte[] signingKey, String signatureHeader, byte[] body, Instant now, Duration tolerance) {
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(signatureHeader, "signatureHeader");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(tolerance, "tolerance");
    return WebhookSignature.verify(signingKey, signatureHeader, body, now, tolerance);
  }

  @Override
  Outcome attempt(Notification n) throws java.io.IOException, InterruptedException {
    byte[] body = Json.bytes(body(n));
    String signature = WebhookSignature.header(signingKey, clock.instant().getEpochSecond(), body);
    return sender.post(url, body, Map.of(SIGNATURE_HEADER, signature), HttpSender::snippet);
  }

  ObjectNode body(Notification n) {
    ObjectNode body = Json.object();
    body.put("version", "4");
    body.put("groupKey", n.key());
    body.put("truncatedAlerts", 0);
    body.put("status", n.action() == Notification.Action.RESOLVE ? "resolved" : "firing");
    body.put("receiver", n.receiver());
    body.set("groupLabels", Json.map(n.groupLabels().asMap()));
    body.set("commonLabels", Json.map(Texts.commonLabels(n.alerts())));
    body.set("commonAnnotations", Json.map(Texts.commonAnnotations(n.alerts())));
    body.put("externalURL", externalUrl);
    ArrayNode alerts = body.putArray("alerts");
    n.alerts().forEach(alert -> alerts.add(Json.alert(alert, n.at())));
    body.put("action", n.action().name().toLowerCase(Locale.ROOT));
    body.put("severity", n.severity().label());
    body.put("summary", n.summary());
    body.put("timestamp", n.at().toString());
    return body;
  }

  @Override
  public String toString() {
    return "WebhookNotifier[name=" + name() + ", host=" + url.getHost() + "]";
  }

  /** Configures a {@link WebhookNotifier}; each setting may be set once. Not thread-safe. */
  public static final class Builder extends HttpNotifierBuilder<Builder> {
    private URI url;
    private byte[] signingKey;
    private URI externalUrl;

    private Builder() {
      super("webhook");
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the URL to post to. A secret (it may carry a token): never shown in messages, logs or
     * events.
     *
     * @throws IllegalArgumentException if it is not an http or https URL with a host
     */
    public Builder url(URI url) {
      Objects.requireNonNull(url, "url");
      options.once("url", this.url);
      this.url = Secrets.httpUrl("webhook url", url, true);
      return this;
    }

    /**
     * Sets the HMAC-SHA256 signing key shared with the receiver (copied). A secret.
     *
     * @throws IllegalArgumentException if it is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public Builder signingKey(byte[] signingKey) {
      Objects.requireNonNull(signingKey, "signingKey");
      options.once("signingKey", this.signingKey);
      if (signingKey.length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            "webhook signingKey: "
                + signingKey.length
                + " bytes is shorter than "
                + MIN_KEY_BYTES
                + " (use 32 random bytes; the key is a secret, not shown)");
      }
      this.signingKey = Arrays.copyOf(signingKey, signingKey.length);
      return this;
    }

    /** Sets {@code externalURL}, where people see the alerts (the dashboard); default empty. */
    public Builder externalUrl(URI externalUrl) {
      options.once("externalUrl", this.externalUrl);
      this.externalUrl = Secrets.httpUrl("webhook externalUrl", externalUrl, false);
      return this;
    }

    /**
     * Sets the clock for signature timestamps and {@code Retry-After}; default the system clock.
     */
    @Override
    public Builder clock(InstantSource clock) {
      return super.clock(clock);
    }

    /**
     * Builds the notifier and starts its delivery thread.
     *
     * @throws IllegalStateException if the URL or the signing key is missing
     */
    public WebhookNotifier build() {
      options.required("url", url);
      options.required("signingKey", signingKey);
      return new WebhookNotifier(this);
    }
  }
}
