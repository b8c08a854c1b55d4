package dev.tdeveloper.observability.notify;

import dev.tdeveloper.observability.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * E-mails notifications through a {@link MailTransport} the user plugs in (Jakarta Mail, Amazon
 * SES, ...): this notifier writes the subject ({@code [TRIGGER critical] <summary>}) and a
 * plain-text and HTML body listing the alerts with their labels, annotations and times; the
 * transport sends it. Delivery is queued (see {@link DeliverySettings}); a transport's {@link
 * java.io.IOException} is retried with backoff. Thread-safe.
 */
public final class EmailNotifier extends QueuedNotifier {
  private final List<String> to;
  private final MailTransport transport;

  private EmailNotifier(Builder b) {
    super(b, Secrets.NONE);
    this.to = List.copyOf(b.to);
    this.transport = b.transport;
  }

  /** Returns a builder; the transport and at least one recipient are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  Outcome attempt(Notification n) throws java.io.IOException {
    transport.send(message(n));
    return new Outcome.Accepted();
  }

  MailMessage message(Notification n) {
    String subject =
        Texts.truncate(
            ("[" + n.action() + " " + n.severity().label() + "] " + n.summary())
                .replaceAll("[\\r\\n\\t]+", " "),
            MailMessage.MAX_SUBJECT);
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<html><body>\n");
    text.append(n.summary()).append("\n\n");
    html.append("<h2>").append(escape(n.summary())).append("</h2>\n<table>\n");
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Action", n.action().name().toLowerCase(Locale.ROOT)});
    facts.add(new String[] {"Severity", n.severity().label()});
    facts.add(new String[] {"Receiver", n.receiver()});
    facts.add(new String[] {"Key", n.key()});
    facts.add(new String[] {"At", n.at().toString()});
    facts.add(new String[] {"Labels", n.groupLabels().toString()});
    for (String[] fact : facts) {
      text.append(fact[0]).append(": ").append(fact[1]).append('\n');
      html.append("<tr><th align=\"left\">")
          .append(fact[0])
          .append("</th><td>")
          .append(escape(fact[1]))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (!n.alerts().isEmpty()) {
      text.append("\nAlerts (").append(n.alerts().size()).append("):\n");
      html.append("<h3>Alerts (").append(n.alerts().size()).append(")</h3>\n<ul>\n");
      for (Alert alert : n.alerts()) {
        String status = alert.isResolvedAt(n.at()) ? "resolved" : "firing";
        String line =
            alert.name() + " " + status + " " + alert.labels() + " since " + alert.startsAt();
        text.append("- ").append(line).append('\n');
        html.append("<li>").append(escape(line));
        for (Map.Entry<String, String> a : alert.annotations().entrySet()) {
          text.append("    ").append(a.getKey()).append(": ").append(a.getValue()).append('\n');
          html.append("<br>").append(escape(a.getKey())).append(": ").append(escape(a.getValue()));
        }
        html.append("</li>\n");
      }
      html.append("</ul>\n");
    }
    html.append("</body></html>\n");
    return new MailMessage(to, subject, text.toString(), html.toString());
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  @Override
  public String toString() {
    // the transport may hold credentials: not shown
    return "EmailNotifier[name=" + name() + ", to=" + to + "]";
  }

  /** Configures an {@link EmailNotifier}; each setting may be set once. Not thread-safe. */
  public static final class Builder extends QueuedNotifierBuilder<Builder> {
    private List<String> to;
    private MailTransport transport;

    private Builder() {
      super("email");
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the recipients.
     *
     * @throws IllegalArgumentException if there are none or one is not an address
     */
    public Builder to(List<String> addresses) {
      Objects.requireNonNull(addresses, "to");
      options.once("to", to);
      if (addresses.isEmpty()) {
        throw new IllegalArgumentException("email to: at least one recipient is required");
      }
      addresses.forEach(MailMessage::checkAddress);
      this.to = List.copyOf(addresses);
      return this;
    }

    /** Sets the transport that sends the messages. */
    public Builder transport(MailTransport transport) {
      Objects.requireNonNull(transport, "transport");
      options.once("transport", this.transport);
      this.transport = transport;
      return this;
    }

    /**
     * Builds the notifier and starts its delivery thread.
     *
     * @throws IllegalStateException if the transport or the recipients are missing
     */
    public EmailNotifier build() {
      options.required("to", to);
      options.required("transport", transport);
      return new EmailNotifier(this);
    }
  }
}
