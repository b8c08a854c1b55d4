package dev.tdeveloper.security.waf.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tdeveloper.security.waf.ByteStrings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code JSON} processor: Jackson's streaming parser, every scalar an argument named the way
 * libmodsecurity3 names JSON arguments (see {@link JsonNames}). Strings become their UTF-8 bytes,
 * numbers their text as sent, booleans {@code true}/{@code false}, {@code null} the empty string;
 * empty objects and arrays give no argument. Malformed JSON (trailing data, invalid UTF-8,
 * comments) and nesting deeper than the limit give {@code REQBODY_ERROR} with the parser's message;
 * the arguments read before the error are kept. An empty body gives nothing and no error. Stateless
 * and thread-safe.
 *
 * <p>Deep nesting makes names long ({@code json.a.array_0.array_0...}) and their total length
 * quadratic in the body, so it is capped at {@value #NAME_BUDGET_FACTOR} characters per body byte
 * plus 1 MiB; past it the body is an error (ModSecurity has no such cap, and no JSON API request
 * comes near it).
 *
 * <p>Jackson also accepts UTF-16 and UTF-32 bodies (detected from their first bytes), which yajl
 * (ModSecurity's parser) rejects; the arguments are still the UTF-8 bytes of the text.
 */
final class JsonProcessor implements BodyProcessor {
  /** Characters all argument names may hold at least, whatever the body's size. */
  static final long NAME_BUDGET_MIN = 1 << 20;

  /** Characters of argument names allowed per byte of body, above the minimum. */
  static final long NAME_BUDGET_FACTOR = 32;

  private final JsonFactory factory;
  private final int depthLimit;

  JsonProcessor(int depthLimit) {
    this.depthLimit = depthLimit;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
  }

  @Override
  public BodyResult process(byte[] body, String contentType) {
    List<Arg> args = new ArrayList<>();
    if (body.length == 0) {
      return result(args, Optional.empty());
    }
    JsonNames names = new JsonNames(NAME_BUDGET_MIN + NAME_BUDGET_FACTOR * (long) body.length);
    int depth = 0;
    try (JsonParser parser = factory.createParser(body)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        switch (t) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > depthLimit) {
              return result(args, Optional.of("JSON depth limit exceeded"));
            }
            names.open(t == JsonToken.START_ARRAY);
          }
          case END_OBJECT, END_ARRAY -> {
            depth--;
            names.close();
          }
          case FIELD_NAME -> names.key(ByteStrings.ofUtf8(parser.currentName()));
          default -> {
            if (!names.add(scalar(t, parser), args)) {
              return result(args, Optional.of("argument names longer than the budget"));
            }
          }
        }
        if (depth == 0 && parser.nextToken() != null) {
          return result(args, Optional.of("trailing garbage"));
        } else if (depth == 0) {
          break;
        }
      }
      return result(args, Optional.empty());
    } catch (JsonProcessingException e) {
      return result(args, Optional.of(e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      return result(args, Optional.of(String.valueOf(e.getMessage())));
    }
  }

  /** A scalar's argument value. */
  private static String scalar(JsonToken t, JsonParser parser) throws IOException {
    return switch (t) {
      case VALUE_STRING -> ByteStrings.ofUtf8(parser.getText());
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "";
      default -> parser.getText(); // a number, as sent (ASCII)
    };
  }

  private static BodyResult result(List<Arg> args, Optional<String> error) {
    return new BodyResult(
        args,
        List.of(),
        Map.of(),
        error.map(m -> BodyProcessors.JSON_ERROR_PREFIX + m),
        Optional.empty());
  }
}
