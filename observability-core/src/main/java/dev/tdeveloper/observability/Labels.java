package dev.tdeveloper.observability;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An immutable set of labels, sorted by name, that identifies an alert or a metric series, as in
 * Prometheus: names match {@code [a-zA-Z_][a-zA-Z0-9_]*}, values are any non-empty string (a label
 * with an empty value is the same as no label, so it is rejected rather than kept).
 *
 * <p>{@link #fingerprint()} is stable across processes and releases (64-bit FNV-1a over each name
 * and value in name order, each followed by the byte {@code 0xff}, as Alertmanager computes it), so
 * persisted alert state keyed by fingerprints survives a restart.
 */
public final class Labels {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Labels EMPTY = new Labels(new TreeMap<>());
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final SortedMap<String, String> labels;
  private final long fingerprint;

  private Labels(TreeMap<String, String> labels) {
    this.labels = Collections.unmodifiableSortedMap(labels);
    this.fingerprint = hash(labels);
  }

  /** Returns the empty label set. */
  public static Labels empty() {
    return EMPTY;
  }

  /**
   * Returns the labels of a map.
   *
   * @throws IllegalArgumentException naming a label whose name is not a valid label name or whose
   *     value is empty
   */
  public static Labels of(Map<String, String> labels) {
    Objects.requireNonNull(labels, "labels");
    TreeMap<String, String> copy = new TreeMap<>();
    labels.forEach((name, value) -> copy.put(checkName(name), checkValue(name, value)));
    return copy.isEmpty() ? EMPTY : new Labels(copy);
  }

  /**
   * Returns labels from alternating names and values, such as {@code of("alertname", "HighLatency",
   * "tenant", "acme")}.
   *
   * @throws IllegalArgumentException if the count is odd, a name repeats, or a name or value is
   *     invalid
   */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "labels: expected name/value pairs, got " + namesAndValues.length + " strings");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = checkName(namesAndValues[i]);
      if (copy.put(name, checkValue(name, namesAndValues[i + 1])) != null) {
        throw new IllegalArgumentException("labels: label '" + name + "' given twice");
      }
    }
    return copy.isEmpty() ? EMPTY : new Labels(copy);
  }

  /** Returns these labels with {@code name} set to {@code value} (replacing any value it had). */
  public Labels with(String name, String value) {
    TreeMap<String, String> copy = new TreeMap<>(labels);
    copy.put(checkName(name), checkValue(name, value));
    return new Labels(copy);
  }

  /** Returns these labels without {@code name} (the same labels if it is absent). */
  public Labels without(String name) {
    if (!labels.containsKey(name)) {
      return this;
    }
    TreeMap<String, String> copy = new TreeMap<>(labels);
    copy.remove(name);
    return copy.isEmpty() ? EMPTY : new Labels(copy);
  }

  /** Returns only the labels named in {@code names} (Alertmanager's {@code group_by}). */
  public Labels select(Iterable<String> names) {
    TreeMap<String, String> copy = new TreeMap<>();
    for (String name : names) {
      String value = labels.get(name);
      if (value != null) {
        copy.put(name, value);
      }
    }
    return copy.isEmpty() ? EMPTY : new Labels(copy);
  }

  /** Returns the value of a label, empty when absent. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(labels.get(name));
  }

  /** Returns the labels as an unmodifiable map sorted by name. */
  public SortedMap<String, String> asMap() {
    return labels;
  }

  /** Returns the number of labels. */
  public int size() {
    return labels.size();
  }

  /** Returns whether there are no labels. */
  public boolean isEmpty() {
    return labels.isEmpty();
  }

  /** Returns the stable 64-bit fingerprint of these labels. */
  public long fingerprint() {
    return fingerprint;
  }

  /** Returns the fingerprint as 16 lower-case hex digits, as Alertmanager prints it. */
  public String fingerprintHex() {
    return String.format("%016x", fingerprint);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels other
        && other.fingerprint == fingerprint
        && other.labels.equals(labels);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint);
  }

  /** Returns the labels in Prometheus notation, such as {@code {alertname="X", tenant="acme"}}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    labels.forEach(
        (name, value) -> {
          if (out.length() > 1) {
            out.append(", ");
          }
          out.append(name).append("=\"").append(value.replace("\"", "\\\"")).append('"');
        });
    return out.append('}').toString();
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "label name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "labels: invalid label name '" + name + "' (allowed: [a-zA-Z_][a-zA-Z0-9_]*)");
    }
    return name;
  }

  private static String checkValue(String name, String value) {
    Objects.requireNonNull(value, () -> "value of label '" + name + "'");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "labels: label '" + name + "' has an empty value (omit the label instead)");
    }
    return value;
  }

  private static long hash(SortedMap<String, String> labels) {
    long h = FNV_OFFSET;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      h = hash(h, e.getKey());
      h = hash(h, e.getValue());
    }
    return h;
  }

  private static long hash(long h, String s) {
    byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (byte b : bytes) {
      h ^= (b & 0xff);
      h *= FNV_PRIME;
    }
    h ^= 0xff;
    return h * FNV_PRIME;
  }
}
