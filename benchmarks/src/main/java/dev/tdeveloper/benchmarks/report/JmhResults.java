package dev.tdeveloper.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Reads the JSON that JMH writes with {@code -rf json}. Stateless and thread-safe.
 *
 * <p>JMH writes unknown numbers (for example the error of a single iteration) as the string {@code
 * "NaN"}; they are read as {@link Double#NaN}. The allocation metric is taken from the secondary
 * metric {@code gc.alloc.rate.norm} (older JMH versions prefix it with {@code ·}).
 */
public final class JmhResults {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALLOCATION = "gc.alloc.rate.norm";

  private JmhResults() {}

  /**
   * Reads the results in {@code file}.
   *
   * @throws IOException if the file cannot be read or is not JSON
   * @throws IllegalArgumentException if a row lacks a field JMH always writes, naming it
   */
  public static List<JmhResult> read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads results from {@code in}, which is not closed.
   *
   * @throws IOException if the stream cannot be read or is not JSON
   * @throws IllegalArgumentException if the document is not a JMH result array
   */
  public static List<JmhResult> read(InputStream in) throws IOException {
    JsonNode root = JSON.readTree(in);
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("JMH results must be a JSON array of benchmark rows");
    }
    List<JmhResult> rows = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      rows.add(row(root.get(i), i));
    }
    return rows;
  }

  private static JsonNode require(JsonNode node, String field, int index) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("row " + index + " of the JMH results has no " + field);
    }
    return value;
  }

  private static JmhResult row(JsonNode node, int index) {
    JsonNode primary = require(node, "primaryMetric", index);
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode paramsNode = node.get("params");
    if (paramsNode != null && paramsNode.isObject()) {
      paramsNode.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
    }
    return new JmhResult(
        require(node, "benchmark", index).asText(),
        require(node, "mode", index).asText(),
        params,
        number(require(primary, "score", index)),
        primary.has("scoreError") ? number(primary.get("scoreError")) : Double.NaN,
        require(primary, "scoreUnit", index).asText(),
        allocation(node.get("secondaryMetrics")));
  }

  private static OptionalDouble allocation(JsonNode secondary) {
    if (secondary == null || !secondary.isObject()) {
      return OptionalDouble.empty();
    }
    for (Map.Entry<String, JsonNode> metric : secondary.properties()) {
      String name = metric.getKey().replace("\u00b7", "");
      JsonNode score = metric.getValue().get("score");
      if (name.equals(ALLOCATION) && score != null) {
        return OptionalDouble.of(number(score));
      }
    }
    return OptionalDouble.empty();
  }

  private static double number(JsonNode node) {
    if (node.isNumber()) {
      return node.asDouble();
    }
    try {
      return Double.parseDouble(node.asText()); // "NaN", "Infinity"
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
