package dev.tdeveloper.distribution.crdt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * JSON helpers the built-in codecs share: fields, dots, causal contexts, errors naming the JSON
 * path.
 */
final class JsonFields {
  private JsonFields() {}

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static CrdtDecodingException jsonError(String path, String what) {
    return new CrdtDecodingException(path + ": " + what, CrdtDecodingException.NO_OFFSET, null);
  }

  static JsonNode field(JsonNode node, String name, String path) {
    JsonNode f = node.get(name);
    if (f == null || f.isNull()) {
      throw jsonError(path + "." + name, "missing");
    }
    return f;
  }

  static Iterable<JsonNode> array(JsonNode node, String name, String path) {
    JsonNode f = field(node, name, path);
    if (!f.isArray()) {
      throw jsonError(path + "." + name, "expected an array");
    }
    return f;
  }

  static RegionId region(String text, String path) {
    try {
      return RegionId.of(text);
    } catch (IllegalArgumentException e) {
      throw jsonError(path, e.getMessage());
    }
  }

  static long nonNegative(JsonNode n, String path) {
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
      throw jsonError(path, "expected a non-negative 64-bit integer, got " + n);
    }
    return n.longValue();
  }

  static TextNode dotJson(Dot d) {
    return TextNode.valueOf(d.replica() + ":" + d.counter());
  }

  static Dot dot(JsonNode n, String path) {
    String s = n.isTextual() ? n.textValue() : "";
    int colon = s.lastIndexOf(':');
    if (colon < 1) {
      throw jsonError(path, "expected a dot \"region:counter\", got " + n);
    }
    long counter;
    try {
      counter = Long.parseLong(s.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw jsonError(path, "dot counter is not a number in " + n);
    }
    if (counter < 1) {
      throw jsonError(path, "dot counter " + counter + " is below 1");
    }
    return new Dot(region(s.substring(0, colon), path), counter);
  }

  static ObjectNode contextJson(DotContext c) {
    ObjectNode node = NODES.objectNode();
    ObjectNode vector = node.putObject("vector");
    c.vector().forEach((r, n) -> vector.put(r.value(), n));
    ArrayNode cloud = node.putArray("cloud");
    c.cloud().forEach(d -> cloud.add(dotJson(d)));
    return node;
  }

  static DotContext context(JsonNode node, String path) {
    JsonNode vector = field(node, "vector", path);
    if (!vector.isObject()) {
      throw jsonError(path + ".vector", "expected an object");
    }
    Map<RegionId, Long> v = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : vector.properties()) {
      String p = path + ".vector." + e.getKey();
      v.put(region(e.getKey(), p), nonNegative(e.getValue(), p));
    }
    Set<Dot> cloud = new HashSet<>();
    int i = 0;
    for (JsonNode d : array(node, "cloud", path)) {
      cloud.add(dot(d, path + ".cloud[" + i++ + "]"));
    }
    return DotContext.of(v, cloud);
  }

  static <T> T value(ValueCodec<T> codec, JsonNode n, String path) {
    try {
      return Objects.requireNonNull(codec.fromJson(n), "decoded value");
    } catch (RuntimeException e) {
      throw jsonError(path, "invalid value: " + e.getMessage());
    }
  }

  static <T> T invariant(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw jsonError(path, e.getMessage());
    }
  }
}
