package dev.tdeveloper.web.problem;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@link ProblemDetails} through Jackson's streaming generator, member by member in the
 * order {@link ProblemWriter} documents: strings, integral numbers and booleans directly, any other
 * extension value through the mapper. The bytes are those the mapper writes for the same members as
 * a map, without building the map or resolving a map serializer for every refusal. Only for a
 * mapper with default features (a feature such as sorted map entries would change the bytes).
 * Stateless and thread-safe.
 */
final class StreamedJson {
  private StreamedJson() {}

  /** Returns {@code problem} as UTF-8 JSON written by {@code mapper}'s generator. */
  static byte[] render(ObjectMapper mapper, ProblemDetails problem) throws IOException {
    try (ByteArrayBuilder out = new ByteArrayBuilder(256)) {
      try (JsonGenerator json = mapper.createGenerator(out)) {
        json.writeStartObject();
        json.writeStringField("type", problem.type().toString());
        json.writeStringField("title", problem.title());
        json.writeNumberField("status", problem.status());
        if (problem.detail().isPresent()) {
          json.writeStringField("detail", problem.detail().get());
        }
        if (problem.instance().isPresent()) {
          json.writeStringField("instance", problem.instance().get().toString());
        }
        for (Map.Entry<String, Object> member : problem.extensions().entrySet()) {
          json.writeFieldName(member.getKey());
          value(json, member.getValue());
        }
        json.writeEndObject();
      }
      return out.toByteArray();
    }
  }

  private static void value(JsonGenerator json, Object value) throws IOException {
    if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Long || value instanceof Integer) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else {
      json.writeObject(value); // through the mapper, as its map serializer would
    }
  }
}
