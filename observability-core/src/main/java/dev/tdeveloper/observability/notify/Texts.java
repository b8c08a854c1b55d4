package dev.tdeveloper.observability.notify;

import dev.tdeveloper.observability.alert.Alert;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Text helpers the notifiers share. */
final class Texts {
  private Texts() {}

  /** Returns {@code text} cut to at most {@code max} characters, ending in an ellipsis if cut. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  /** Returns the annotations every alert has with the same value (Alertmanager's common ones). */
  static Map<String, String> commonAnnotations(List<Alert> alerts) {
    if (alerts.isEmpty()) {
      return Map.of();
    }
    Map<String, String> common = new TreeMap<>(alerts.get(0).annotations());
    for (Alert alert : alerts.subList(1, alerts.size())) {
      common.entrySet().removeIf(e -> !e.getValue().equals(alert.annotations().get(e.getKey())));
    }
    return common;
  }

  /** Returns the labels every alert has with the same value. */
  static Map<String, String> commonLabels(Collection<Alert> alerts) {
    Map<String, String> common = null;
    for (Alert alert : alerts) {
      if (common == null) {
        common = new TreeMap<>(alert.labels().asMap());
      } else {
        Map<String, String> labels = alert.labels().asMap();
        common.entrySet().removeIf(e -> !e.getValue().equals(labels.get(e.getKey())));
      }
    }
    return common == null ? Map.of() : common;
  }
}
