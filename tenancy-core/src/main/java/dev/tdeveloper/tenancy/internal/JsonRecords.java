package dev.tdeveloper.tenancy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Helpers for the small versioned JSON objects the local journals store: each carries its format
 * version in field {@code "v"}, and every reader rejects a malformed record with an {@link
 * IllegalArgumentException} naming the field. Thread-safe.
 */
public final class JsonRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRecords() {}

  /** Returns a new object holding {@code "v": version}. */
  public static ObjectNode object(int version) {
    ObjectNode node = JSON.createObjectNode();
    node.put("v", version);
    return node;
  }

  /**
   * Returns the object's JSON bytes.
   *
   * @throws IllegalStateException naming {@code what} if it cannot be encoded
   */
  public static byte[] bytes(ObjectNode node, Supplier<String> what) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + what.get(), e);
    }
  }

  /**
   * Parses a JSON object of {@code version}.
   *
   * @throws IllegalArgumentException if the bytes are not a JSON object or have another version
   */
  public static JsonNode parse(byte[] bytes, int version) {
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (required(node, "v").asInt(-1) != version) {
      throw new IllegalArgumentException(
          "record version " + required(node, "v") + " is not supported; this reads " + version);
    }
    return node;
  }

  /** Returns a field that must be present and not null. */
  public static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return value;
  }

  /** Returns a required string field. */
  public static String text(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string, was " + value);
    }
    return value.textValue();
  }

  /** Returns a required integer field. */
  public static long number(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("field '" + field + "' must be an integer, was " + value);
    }
    return value.longValue();
  }

  /** Returns an optional string field; absent or null is empty. */
  public static Optional<String> optional(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(text(node, field)) : Optional.empty();
  }

  /** Returns the elements of an array as text. */
  public static List<String> strings(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("expected an array, was " + array);
    }
    List<String> out = new ArrayList<>(array.size());
    array.forEach(e -> out.add(e.asText()));
    return out;
  }

  /** Returns the fields of an object as text, in order. */
  public static Map<String, String> map(JsonNode object) {
    if (!object.isObject()) {
      throw new IllegalArgumentException("expected an object, was " + object);
    }
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
