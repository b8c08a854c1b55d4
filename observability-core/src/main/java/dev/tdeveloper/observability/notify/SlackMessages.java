package dev.tdeveloper.observability.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.observability.alert.Alert;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes Slack incoming-webhook messages: a plain {@code text} (what notifications and clients
 * without blocks show) and one attachment coloured by severity (green when resolved) holding Block
 * Kit sections. Immutable.
 */
final class SlackMessages {
  static final String CRITICAL = "#E01E5A";
  static final String ERROR = "#F2994A";
  static final String WARNING = "#ECB22E";
  static final String INFO = "#36C5F0";
  static final String ACKNOWLEDGED = "#439FE0";
  static final String RESOLVED = "#2EB67D";
  private static final int MAX_ALERTS_SHOWN = 10;
  private static final int MAX_SECTION = 3000;

  private SlackMessages() {}

  static ObjectNode message(Notification n) {
    ObjectNode message = Json.object();
    message.put("text", escape(n.summary()));
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("color", color(n));
    attachment.put("fallback", escape(n.summary()));
    ArrayNode blocks = attachment.putArray("blocks");
    section(
        blocks,
        "*"
            + escape(n.summary())
            + "*\n"
            + n.action().name().toLowerCase(Locale.ROOT)
            + " \u00b7 severity "
            + n.severity().label()
            + " \u00b7 receiver "
            + escape(n.receiver()));
    if (!n.alerts().isEmpty()) {
      StringBuilder lines = new StringBuilder();
      n.alerts().stream().limit(MAX_ALERTS_SHOWN).forEach(a -> lines.append(line(a)).append('\n'));
      if (n.alerts().size() > MAX_ALERTS_SHOWN) {
        lines.append("\u2026and ").append(n.alerts().size() - MAX_ALERTS_SHOWN).append(" more");
      }
      section(blocks, lines.toString().strip());
    }
    ObjectNode context = blocks.addObject().put("type", "context");
    context
        .putArray("elements")
        .addObject()
        .put("type", "mrkdwn")
        .put("text", "key " + escape(n.key()) + " \u00b7 " + n.at());
    return message;
  }

  static String color(Notification n) {
    return switch (n.action()) {
      case RESOLVE -> RESOLVED;
      case ACKNOWLEDGE -> ACKNOWLEDGED;
      case TRIGGER ->
          switch (n.severity()) {
            case CRITICAL -> CRITICAL;
            case ERROR -> ERROR;
            case WARNING -> WARNING;
            case INFO -> INFO;
          };
    };
  }

  /** Escapes the three characters Slack's mrkdwn reserves. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String line(Alert alert) {
    Map<String, String> labels = alert.labels().without(Alert.ALERTNAME).asMap();
    String shown =
        labels.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
    StringBuilder line =
        new StringBuilder("\u2022 *")
            .append(escape(alert.name()))
            .append("* ")
            .append(escape(shown));
    String summary = alert.annotations().get("summary");
    if (summary != null) {
      line.append(" \u2014 ").append(escape(summary));
    }
    String runbook = alert.annotations().get("runbook_url");
    if (runbook != null && runbook.startsWith("https://") && runbook.indexOf('|') < 0) {
      line.append(" <").append(escape(runbook)).append("|runbook>");
    }
    return line.toString();
  }

  private static void section(ArrayNode blocks, String text) {
    ObjectNode section = blocks.addObject().put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", Texts.truncate(text, MAX_SECTION));
  }
}
