package dev.tdeveloper.security.waf.replay;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tdeveloper.security.waf.ByteStrings;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses replay input lines (one JSON object per line, documented in {@code docs/waf-replay.md})
 * into {@link ReplayRequest}s. Text fields are sent as their UTF-8 bytes. A field the format does
 * not know is an error, except the annotations listed in {@link #IGNORED_FIELDS}; {@code null}
 * stands for an absent field. Stateless and thread-safe.
 */
public final class ReplayReader {
  /** The protocol when a line gives no {@code version}: {@value}. */
  public static final String DEFAULT_VERSION = "HTTP/1.1";

  /** Fields of the format. */
  public static final Set<String> FIELDS =
      Set.of("id", "method", "uri", "version", "headers", "body", "bodyBase64", "remoteAddr");

  /**
   * Annotations accepted and ignored, for test corpora: {@code family} (the attack family), {@code
   * expect} (the rule ids or decision the corpus expects) and {@code note} (free text).
   */
  public static final Set<String> IGNORED_FIELDS = Set.of("family", "expect", "note");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private ReplayReader() {}

  /**
   * Whether a line holds nothing but whitespace; such lines are skipped, not requests.
   *
   * @param line an input line
   * @return whether it is blank
   */
  public static boolean isBlank(String line) {
    return line.isBlank();
  }

  /**
   * Parses one line.
   *
   * @param line the 1-based line number, for messages
   * @param text the line
   * @return the request
   * @throws ReplayFormatException naming the line and the field when the line is not a request
   */
  public static ReplayRequest parse(int line, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw new ReplayFormatException(
          line,
          ReplayFormatException.WHOLE_LINE,
          "invalid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ReplayFormatException(
          line,
          ReplayFormatException.WHOLE_LINE,
          "expected a JSON object {\"method\":..., \"uri\":...}");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name) && !IGNORED_FIELDS.contains(name)) {
        throw new ReplayFormatException(line, name, "unknown field; allowed: " + allowed());
      }
    }
    String method = requiredText(line, root, "method");
    if (!isToken(method)) {
      throw new ReplayFormatException(
          line, "method", "not an HTTP token; allowed: letters, digits and !#$%&'*+-.^_`|~");
    }
    String uri = requiredText(line, root, "uri");
    String version = optionalText(line, root, "version").orElse(DEFAULT_VERSION);
    if (version.isEmpty()) {
      throw new ReplayFormatException(line, "version", "empty; allowed: e.g. \"HTTP/1.1\"");
    }
    List<ReplayRequest.Header> headers = headers(line, root.get("headers"));
    String body = body(line, root);
    Optional<String> remoteAddr = optionalText(line, root, "remoteAddr");
    if (remoteAddr.isPresent() && !isIpLiteral(remoteAddr.get())) {
      throw new ReplayFormatException(
          line, "remoteAddr", "not an IP address; allowed: IPv4 or IPv6 literal");
    }
    return new ReplayRequest(
        line,
        id(line, root.get("id")),
        method,
        ByteStrings.ofUtf8(uri),
        version,
        headers,
        body,
        remoteAddr);
  }

  private static Optional<String> id(int line, JsonNode node) {
    if (absent(node)) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return Optional.of(node.textValue());
    }
    if (node.isIntegralNumber()) {
      return Optional.of(node.asText());
    }
    throw new ReplayFormatException(line, "id", "expected a string or an integer");
  }

  private static List<ReplayRequest.Header> headers(int line, JsonNode node) {
    if (absent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new ReplayFormatException(
          line,
          "headers",
          "expected a list of [name, value] pairs, e.g. [[\"Host\", \"a.example\"]]");
    }
    List<ReplayRequest.Header> headers = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode pair = node.get(i);
      String field = "headers[" + i + "]";
      if (!pair.isArray()
          || pair.size() != 2
          || !pair.get(0).isTextual()
          || !pair.get(1).isTextual()) {
        throw new ReplayFormatException(line, field, "expected [name, value], two strings");
      }
      if (pair.get(0).textValue().isEmpty()) {
        throw new ReplayFormatException(line, field, "empty header name");
      }
      headers.add(
          new ReplayRequest.Header(
              ByteStrings.ofUtf8(pair.get(0).textValue()),
              ByteStrings.ofUtf8(pair.get(1).textValue())));
    }
    return headers;
  }

  private static String body(int line, JsonNode root) {
    Optional<String> text = optionalText(line, root, "body");
    Optional<String> base64 = optionalText(line, root, "bodyBase64");
    if (text.isPresent() && base64.isPresent()) {
      throw new ReplayFormatException(
          line, "bodyBase64", "given with body; allowed: one of body, bodyBase64");
    }
    if (base64.isPresent()) {
      try {
        return ByteStrings.of(Base64.getDecoder().decode(base64.get()));
      } catch (IllegalArgumentException e) {
        throw new ReplayFormatException(
            line, "bodyBase64", "invalid base64 (RFC 4648 standard alphabet): " + e.getMessage());
      }
    }
    return text.map(ByteStrings::ofUtf8).orElse("");
  }

  private static String requiredText(int line, JsonNode root, String field) {
    String value =
        optionalText(line, root, field)
            .orElseThrow(() -> new ReplayFormatException(line, field, "missing; required"));
    if (value.isEmpty()) {
      throw new ReplayFormatException(line, field, "empty; allowed: at least one character");
    }
    return value;
  }

  private static Optional<String> optionalText(int line, JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (absent(node)) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new ReplayFormatException(
          line,
          field,
          "expected a string, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return Optional.of(node.textValue());
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  private static boolean isToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpLiteral(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return false;
    }
    if (s.indexOf(':') >= 0) {
      for (int i = 0; i < s.length(); i++) {
        if (Character.digit(s.charAt(i), 16) < 0 && s.charAt(i) != ':' && s.charAt(i) != '.') {
          return false;
        }
      }
      return true;
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty()
          || part.length() > 3
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String allowed() {
    var all = new TreeSet<>(FIELDS);
    all.addAll(IGNORED_FIELDS);
    return String.join(", ", all);
  }
}
