package dev.tdeveloper.observability.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends notifications to PagerDuty's Events API v2 ({@code POST /v2/enqueue}): a trigger,
 * acknowledge or resolve event whose {@code dedup_key} is the {@link Notification#key()}, so the
 * three actions on one alert group or incident land on one PagerDuty alert. A trigger carries the
 * {@code payload} (summary cut to 1,024 characters, source, severity, timestamp, component, group,
 * class and the alerts in {@code custom_details}), {@code client}, {@code client_url} and {@code
 * links}.
 *
 * <p>202 is success; 400 is a permanent failure (the response's message is logged and published);
 * 429 and 5xx are retried with backoff or after {@code Retry-After}. Delivery is queued (see {@link
 * DeliverySettings}). The routing key never appears in {@code toString}, the log or events.
 * Thread-safe.
 */
public final class PagerDutyNotifier extends QueuedNotifier {
  /** PagerDuty's Events API v2 endpoint, the default. */
  public static final String DEFAULT_ENDPOINT = "https://events.pagerduty.com/v2/enqueue";

  private final URI endpoint;
  private final PagerDutyEvents events;
  private final HttpSender sender;

  private PagerDutyNotifier(Builder b, PagerDutyEvents events) {
    super(b, Secrets.of(List.of(b.routingKey), List.of()));
    this.endpoint = b.endpoint;
    this.events = events;
    this.sender = b.options.sender();
  }

  /** Returns a builder; the routing key is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  Outcome attempt(Notification notification) throws java.io.IOException, InterruptedException {
    byte[] body = Json.bytes(events.event(notification));
    return sender.post(endpoint, body, Map.of(), PagerDutyEvents::describeRefusal);
  }

  @Override
  public String toString() {
    return "PagerDutyNotifier[name=" + name() + ", endpoint=" + endpoint + ", routingKey=***]";
  }

  /** Configures a {@link PagerDutyNotifier}; each setting may be set once. Not thread-safe. */
  public static final class Builder extends HttpNotifierBuilder<Builder> {
    private String routingKey;
    private URI endpoint;
    private String source;
    private String client;
    private URI clientUrl;
    private final List<PagerDutyEvents.Link> links = new ArrayList<>();

    private Builder() {
      super("pagerduty");
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the routing key: the 32-character integration key of an Events API v2 integration on a
     * PagerDuty service or ruleset. A secret: never shown in messages, logs or events.
     *
     * @throws IllegalArgumentException if it is not 32 letters and digits
     */
    public Builder routingKey(String routingKey) {
      Objects.requireNonNull(routingKey, "routingKey");
      options.once("routingKey", this.routingKey);
      if (routingKey.length() != 32) {
        throw new IllegalArgumentException(
            "pagerduty routingKey: must be the 32-character integration key of an Events API v2"
                + " integration, got "
                + routingKey.length()
                + " characters (the key is a secret, not shown)");
      }
      if (!routingKey.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
        throw new IllegalArgumentException(
            "pagerduty routingKey: must be letters and digits only (the key is a secret, not"
                + " shown)");
      }
      this.routingKey = routingKey;
      return this;
    }

    /** Sets the endpoint (an EU account or a proxy); default {@value #DEFAULT_ENDPOINT}. */
    public Builder endpoint(URI endpoint) {
      options.once("endpoint", this.endpoint);
      this.endpoint = Secrets.httpUrl("pagerduty endpoint", endpoint, false);
      return this;
    }

    /**
     * Sets {@code payload.source}, the affected system (a host or service name); default {@value
     * PagerDutyEvents#DEFAULT_SOURCE}.
     */
    public Builder source(String source) {
      options.once("source", this.source);
      this.source = PagerDutyEvents.nonBlank("source", source, 255);
      return this;
    }

    /**
     * Sets {@code client}, the monitoring client's name; default {@value
     * PagerDutyEvents#DEFAULT_CLIENT}.
     */
    public Builder client(String client) {
      options.once("client", this.client);
      this.client = PagerDutyEvents.nonBlank("client", client, 255);
      return this;
    }

    /** Sets {@code client_url}, where the client's view of the alert is (a dashboard). */
    public Builder clientUrl(URI clientUrl) {
      options.once("clientUrl", this.clientUrl);
      this.clientUrl = Secrets.httpUrl("pagerduty clientUrl", clientUrl, false);
      return this;
    }

    /** Adds a link sent with every trigger (a runbook index, a dashboard). */
    public Builder link(URI href, String text) {
      links.add(
          new PagerDutyEvents.Link(
              Secrets.httpUrl("pagerduty link", href, false).toString(),
              PagerDutyEvents.nonBlank("link text", text, 1024)));
      return this;
    }

    /**
     * Builds the notifier and starts its delivery thread.
     *
     * @throws IllegalStateException if the routing key is missing
     */
    public PagerDutyNotifier build() {
      options.required("routingKey", routingKey);
      if (endpoint == null) {
        endpoint = URI.create(DEFAULT_ENDPOINT);
      }
      PagerDutyEvents events =
          new PagerDutyEvents(
              routingKey,
              Optional.ofNullable(source).orElse(PagerDutyEvents.DEFAULT_SOURCE),
              Optional.ofNullable(client).orElse(PagerDutyEvents.DEFAULT_CLIENT),
              Optional.ofNullable(clientUrl),
              links);
      return new PagerDutyNotifier(this, events);
    }
  }
}
