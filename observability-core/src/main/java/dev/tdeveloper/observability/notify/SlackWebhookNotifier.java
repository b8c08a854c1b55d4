package dev.tdeveloper.observability.notify;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Posts notifications to a Slack incoming webhook (or a Slack-compatible one: Mattermost,
 * Rocket.Chat): a {@code text} line and an attachment coloured by severity (green when resolved)
 * with the alerts as Block Kit sections.
 *
 * <p>The webhook URL carries its token, so it is a secret: {@code toString}, the log and events
 * show at most its host. 2xx is success; 429 and 5xx are retried (after {@code Retry-After} when
 * given); other statuses ({@code invalid_payload}, {@code channel_is_archived}) fail permanently.
 * Delivery is queued (see {@link DeliverySettings}). Thread-safe.
 */
public final class SlackWebhookNotifier extends QueuedNotifier {
  private final URI webhookUrl;
  private final HttpSender sender;

  private SlackWebhookNotifier(Builder b) {
    super(b, Secrets.of(List.of(), List.of(b.webhookUrl)));
    this.webhookUrl = b.webhookUrl;
    this.sender = b.options.sender();
  }

  /** Returns a builder; the webhook URL is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  Outcome attempt(Notification notification) throws java.io.IOException, InterruptedException {
    byte[] body = Json.bytes(SlackMessages.message(notification));
    return sender.post(webhookUrl, body, Map.of(), HttpSender::snippet);
  }

  @Override
  public String toString() {
    return "SlackWebhookNotifier[name=" + name() + ", host=" + webhookUrl.getHost() + "]";
  }

  /** Configures a {@link SlackWebhookNotifier}; each setting may be set once. Not thread-safe. */
  public static final class Builder extends HttpNotifierBuilder<Builder> {
    private URI webhookUrl;

    private Builder() {
      super("slack");
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the incoming-webhook URL, such as {@code https://hooks.slack.com/services/T…/B…/…}. A
     * secret: never shown in messages, logs or events.
     *
     * @throws IllegalArgumentException if it is not an http or https URL with a host
     */
    public Builder webhookUrl(URI webhookUrl) {
      Objects.requireNonNull(webhookUrl, "webhookUrl");
      options.once("webhookUrl", this.webhookUrl);
      this.webhookUrl = Secrets.httpUrl("slack webhookUrl", webhookUrl, true);
      return this;
    }

    /**
     * Builds the notifier and starts its delivery thread.
     *
     * @throws IllegalStateException if the webhook URL is missing
     */
    public SlackWebhookNotifier build() {
      options.required("webhookUrl", webhookUrl);
      return new SlackWebhookNotifier(this);
    }
  }
}
