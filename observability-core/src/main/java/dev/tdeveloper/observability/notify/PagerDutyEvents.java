package dev.tdeveloper.observability.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.observability.alert.Alert;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes Events API v2 alert events, field names as PagerDuty documents them ("Send an Alert
 * Event"). Immutable.
 */
final class PagerDutyEvents {
  static final String DEFAULT_SOURCE = "tdeveloper-observability";
  static final String DEFAULT_CLIENT = "T-Developer Observability";
  static final int MAX_SUMMARY = 1024;
  static final int MAX_DEDUP_KEY = 255;
  private static final int MAX_LINKS = 20;

  record Link(String href, String text) {}

  private final String routingKey;
  private final String source;
  private final String client;
  private final Optional<URI> clientUrl;
  private final List<Link> links;

  PagerDutyEvents(
      String routingKey, String source, String client, Optional<URI> clientUrl, List<Link> links) {
    this.routingKey = routingKey;
    this.source = source;
    this.client = client;
    this.clientUrl = clientUrl;
    this.links = List.copyOf(links);
  }

  ObjectNode event(Notification n) {
    ObjectNode event = Json.object();
    event.put("routing_key", routingKey);
    event.put("event_action", n.action().name().toLowerCase(Locale.ROOT));
    event.put("dedup_key", dedupKey(n.key()));
    if (n.action() != Notification.Action.TRIGGER) {
      return event; // acknowledge and resolve need only the key, as PagerDuty documents
    }
    Map<String, String> group = n.groupLabels().asMap();
    Map<String, String> common = Texts.commonLabels(n.alerts());
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", Texts.truncate(n.summary(), MAX_SUMMARY));
    payload.put("source", source);
    payload.put("severity", n.severity().label());
    payload.put("timestamp", n.at().toString());
    first(group, common, "component", "service").ifPresent(v -> payload.put("component", v));
    first(group, common, "group", Alert.TENANT).ifPresent(v -> payload.put("group", v));
    first(group, common, Alert.ALERTNAME).ifPresent(v -> payload.put("class", v));
    ObjectNode details = payload.putObject("custom_details");
    details.put("receiver", n.receiver());
    details.set("labels", Json.map(group));
    details.set("annotations", Json.map(Texts.commonAnnotations(n.alerts())));
    ArrayNode alerts = details.putArray("alerts");
    n.alerts().forEach(alert -> alerts.add(Json.alert(alert, n.at())));
    details.put("firing", n.alerts().stream().filter(a -> !a.isResolvedAt(n.at())).count());
    details.put("resolved", n.alerts().stream().filter(a -> a.isResolvedAt(n.at())).count());
    event.put("client", client);
    clientUrl.ifPresent(url -> event.put("client_url", url.toString()));
    Set<Link> all = new LinkedHashSet<>(links);
    for (Alert alert : n.alerts()) {
      String runbook = alert.annotations().get("runbook_url");
      if (runbook != null && isHttpUrl(runbook)) {
        all.add(new Link(runbook, "Runbook: " + alert.name()));
      }
    }
    if (!all.isEmpty()) {
      ArrayNode array = event.putArray("links");
      all.stream()
          .limit(MAX_LINKS)
          .forEach(link -> array.addObject().put("href", link.href()).put("text", link.text()));
    }
    return event;
  }

  /** Returns the key itself, or for one longer than PagerDuty's 255, a SHA-256 of it. */
  static String dedupKey(String key) {
    if (key.length() <= MAX_DEDUP_KEY) {
      return key;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /** Describes a refused response: PagerDuty's {@code message} and {@code errors}. */
  static String describeRefusal(String body) {
    Optional<JsonNode> json = Json.parse(body).filter(JsonNode::isObject);
    if (json.isEmpty() || !json.get().hasNonNull("message")) {
      return HttpSender.snippet(body);
    }
    StringBuilder out = new StringBuilder(json.get().get("message").asText());
    JsonNode errors = json.get().path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      out.append(" (");
      for (int i = 0; i < errors.size(); i++) {
        out.append(i == 0 ? "" : "; ").append(errors.get(i).asText());
      }
      out.append(')');
    }
    return HttpSender.snippet(out.toString());
  }

  static String nonBlank(String field, String value, int max) {
    Objects.requireNonNull(value, field);
    if (value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(
          "pagerduty "
              + field
              + ": '"
              + value
              + "' is blank or longer than "
              + max
              + " characters");
    }
    return value;
  }

  private static Optional<String> first(
      Map<String, String> group, Map<String, String> common, String... names) {
    for (String name : names) {
      String value = group.getOrDefault(name, common.get(name));
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static boolean isHttpUrl(String value) {
    try {
      Secrets.httpUrl("link", new URI(value), false);
      return true;
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }
}
