package dev.tdeveloper.aws.testkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reading request fields and writing the JSON 1.1 protocol's values (blobs, timestamps). */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns a string field, if present and not null. */
  static Optional<String> text(JsonNode request, String field) {
    JsonNode node = request.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw AwsJsonError.of("SerializationException", field + " must be a string");
    }
    return Optional.of(node.asText());
  }

  /** Returns a required string field or a {@code ValidationException} naming it. */
  static String required(JsonNode request, String field) {
    return text(request, field)
        .orElseThrow(
            () ->
                AwsJsonError.validation(
                    "1 validation error detected: Value null at '"
                        + field
                        + "' failed to satisfy constraint: Member must not be null"));
  }

  /** Returns a base64 blob field, if present. */
  static Optional<byte[]> blob(JsonNode request, String field) {
    return text(request, field)
        .map(
            b64 -> {
              try {
                return Base64.getDecoder().decode(b64);
              } catch (IllegalArgumentException e) {
                throw AwsJsonError.of("SerializationException", field + " is not base64");
              }
            });
  }

  /** Returns an integer field, if present. */
  static Optional<Integer> integer(JsonNode request, String field) {
    JsonNode node = request.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.canConvertToInt()) {
      throw AwsJsonError.of("SerializationException", field + " must be an integer");
    }
    return Optional.of(node.asInt());
  }

  static boolean bool(JsonNode request, String field) {
    JsonNode node = request.get(field);
    return node != null && node.asBoolean(false);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A timestamp as the JSON protocol writes it: epoch seconds with a fraction. */
  static BigDecimal timestamp(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }
}
