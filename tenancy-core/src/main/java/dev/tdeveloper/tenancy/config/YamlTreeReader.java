package dev.tdeveloper.tenancy.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a {@link Node} tree, token by token with Jackson's streaming {@link
 * YAMLParser}, recording each value's {@link JsonParser#currentTokenLocation() location} and field
 * path. Hardened against hostile input: aliases are refused (so nothing is expanded, no billion
 * laughs), as are anchors on mappings and sequences (Jackson does not report anchors on scalars),
 * documents are limited to {@value TenantConfigLoader#MAX_FILE_SIZE} code points and {@value
 * #MAX_DEPTH} levels of nesting, and duplicate keys fail through Jackson's {@link
 * StreamReadFeature#STRICT_DUPLICATE_DETECTION}. Thread-safe: the factory is shared, parsers are
 * not.
 */
final class YamlTreeReader {
  /** The deepest nesting of mappings and sequences accepted: {@value}. */
  static final int MAX_DEPTH = 32;

  private static final YAMLFactory FACTORY = createFactory();

  private YamlTreeReader() {}

  private static YAMLFactory createFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(TenantConfigLoader.MAX_FILE_SIZE);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(options)
        // Only true/false are booleans: "no", "on", "y" stay strings (YAML 1.1 surprises).
        .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
        // "key:" with nothing after it is null, as YAML says; a quoted '' stays an empty string.
        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
        .build();
  }

  /**
   * Parses {@code text}; returns empty when it holds no document (empty, blank or only comments).
   *
   * @throws ConfigException naming file, line, column and field path for any syntax error, a
   *     duplicate key, an anchor or alias, a second document, or input over the limits
   */
  static Optional<Node> read(String source, String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        return Optional.empty();
      }
      Node root = readValue((YAMLParser) parser, source, "", 1);
      if (parser.nextToken() != null) {
        throw new ConfigException(
            location(source, parser.currentTokenLocation()),
            "(root)",
            "only one YAML document is allowed; remove the '---' separator and what follows");
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      throw translate(source, e);
    } catch (IOException e) {
      // Parsing a String performs no I/O; Jackson declares the exception anyway.
      throw new UncheckedIOException(e);
    }
  }

  private static Node readValue(YAMLParser parser, String source, String path, int depth)
      throws IOException {
    ConfigLocation location = location(source, parser.currentTokenLocation());
    String shown = path.isEmpty() ? "(root)" : path;
    if (parser.isCurrentAlias()) {
      throw new ConfigException(
          location,
          shown,
          "aliases (*" + parser.getText() + ") are not supported; write out the value");
    }
    Object anchor = parser.getObjectId(); // YAML anchors are exposed as Jackson object ids
    if (anchor != null) {
      throw new ConfigException(
          location, shown, "anchors (&" + anchor + ") are not supported; write out the value");
    }
    JsonToken token = parser.currentToken();
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > MAX_DEPTH) {
      throw new ConfigException(location, shown, "nesting is deeper than " + MAX_DEPTH + " levels");
    }
    switch (token) {
      case START_OBJECT:
        return readMapping(parser, source, path, depth, location);
      case START_ARRAY:
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(parser, source, path + "[" + items.size() + "]", depth + 1));
        }
        return new Node.SeqNode(path, location, Collections.unmodifiableList(items));
      case VALUE_STRING:
        return scalar(path, location, Scalar.Kind.STRING, parser.getText());
      case VALUE_NUMBER_INT:
        return scalar(path, location, Scalar.Kind.INTEGER, parser.getBigIntegerValue().toString());
      case VALUE_NUMBER_FLOAT:
        return scalar(path, location, Scalar.Kind.FLOAT, Double.toString(parser.getDoubleValue()));
      case VALUE_TRUE:
      case VALUE_FALSE:
        return scalar(
            path, location, Scalar.Kind.BOOLEAN, Boolean.toString(parser.getBooleanValue()));
      case VALUE_NULL:
        return new Node.NullNode(path, location);
      default:
        throw new ConfigException(location, shown, "unsupported YAML value (" + token + ")");
    }
  }

  private static Node readMapping(
      YAMLParser parser, String source, String path, int depth, ConfigLocation location)
      throws IOException {
    Map<String, Node> values = new LinkedHashMap<>();
    Map<String, ConfigLocation> keyLocations = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      keyLocations.put(key, location(source, parser.currentTokenLocation()));
      parser.nextToken();
      String childPath = path.isEmpty() ? key : path + "." + key;
      values.put(key, readValue(parser, source, childPath, depth + 1));
    }
    return new Node.MapNode(
        path,
        location,
        Collections.unmodifiableMap(values),
        Collections.unmodifiableMap(keyLocations));
  }

  private static Node scalar(String path, ConfigLocation location, Scalar.Kind kind, String text) {
    return new Node.ScalarNode(path, location, new Scalar(kind, text));
  }

  private static ConfigLocation location(String source, JsonLocation location) {
    if (location == null) {
      return new ConfigLocation(source, 1, 1);
    }
    return new ConfigLocation(
        source, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  /** Turns a Jackson or SnakeYAML failure into a one-line, located {@link ConfigException}. */
  private static ConfigException translate(String source, JsonProcessingException e) {
    String path = "(root)";
    if (e.getProcessor() instanceof JsonParser parser) {
      String fromContext = pathOf(parser.getParsingContext());
      path = fromContext.isEmpty() ? path : fromContext;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
        Mark mark = yaml.getProblemMark();
        String problem =
            (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem();
        return new ConfigException(
            new ConfigLocation(source, mark.getLine() + 1, mark.getColumn() + 1),
            path,
            "invalid YAML: " + oneLine(problem),
            e);
      }
    }
    String message = oneLine(e.getOriginalMessage());
    if (message.startsWith("Duplicate field ")) {
      message =
          "duplicate key "
              + message.substring("Duplicate field ".length())
              + " (a key may appear only once in a mapping)";
    }
    return new ConfigException(location(source, e.getLocation()), path, message, e);
  }

  private static String oneLine(String text) {
    return text == null ? "unknown parse error" : text.replace('\n', ' ').replace("\t", "\\t");
  }

  /** Renders a Jackson parsing context as a dotted path with {@code [index]} for sequences. */
  private static String pathOf(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      } else if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    String joined = String.join("", parts);
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }
}
