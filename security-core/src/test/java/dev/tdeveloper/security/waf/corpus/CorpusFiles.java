package dev.tdeveloper.security.waf.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads and writes the corpus JSON-lines files ({@code attacks.jsonl}, {@code benign.jsonl}).
 *
 * <p>A body is written as {@code body} (UTF-8 text) when its bytes are valid UTF-8 without control
 * characters other than CR, LF and TAB, else as {@code bodyBase64}; both read back to the same
 * bytes.
 */
final class CorpusFiles {

  static final String ATTACKS = "attacks.jsonl";
  static final String BENIGN = "benign.jsonl";

  /** Where the committed files live, relative to the security-core module directory. */
  static final Path SOURCE_DIR = Path.of("src/test/resources/dev/tdeveloper/security/waf/corpus");

  private static final ObjectMapper JSON = new ObjectMapper();

  private CorpusFiles() {}

  /** Loads a corpus file from the test classpath. */
  static List<CorpusRequest> load(String name) {
    try (InputStream in = CorpusFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("corpus file missing from the test classpath: " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON-lines text; blank lines are skipped, anything else malformed throws. */
  static List<CorpusRequest> parse(String text, String source) {
    List<CorpusRequest> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        out.add(fromJson(JSON.readTree(lines[i])));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The JSON-lines text of these requests, one object per line, newline-terminated. */
  static String format(List<CorpusRequest> requests) {
    StringBuilder sb = new StringBuilder();
    for (CorpusRequest r : requests) {
      try {
        sb.append(JSON.writeValueAsString(toJson(r))).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sb.toString();
  }

  /** Writes the generated corpus over the committed files (run from the module directory). */
  static void writeSources() throws IOException {
    Files.writeString(SOURCE_DIR.resolve(ATTACKS), format(AttackCorpus.build()));
    Files.writeString(SOURCE_DIR.resolve(BENIGN), format(BenignCorpus.build()));
  }

  private static ObjectNode toJson(CorpusRequest r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", r.id());
    o.put("method", r.method());
    o.put("uri", r.uri());
    o.put("version", r.version());
    ArrayNode headers = o.putArray("headers");
    for (CorpusRequest.Header h : r.headers()) {
      headers.addArray().add(h.name()).add(h.value());
    }
    if (!r.body().isEmpty()) {
      byte[] bytes = r.body().getBytes(StandardCharsets.ISO_8859_1);
      String text = asText(bytes);
      if (text != null) {
        o.put("body", text);
      } else {
        o.put("bodyBase64", Base64.getEncoder().encodeToString(bytes));
      }
    }
    o.put("family", r.family());
    ArrayNode expect = o.putArray("expect");
    r.expect().forEach(expect::add);
    if (r.pl() > 0) {
      o.put("pl", r.pl());
    }
    return o;
  }

  private static CorpusRequest fromJson(JsonNode o) {
    List<CorpusRequest.Header> headers = new ArrayList<>();
    for (JsonNode h : required(o, "headers")) {
      if (h.size() != 2) {
        throw new IllegalArgumentException("header must be a [name, value] pair: " + h);
      }
      headers.add(new CorpusRequest.Header(h.get(0).asText(), h.get(1).asText()));
    }
    String body = "";
    if (o.has("body") && o.has("bodyBase64")) {
      throw new IllegalArgumentException("both body and bodyBase64");
    } else if (o.has("body")) {
      body = latin1(o.get("body").asText().getBytes(StandardCharsets.UTF_8));
    } else if (o.has("bodyBase64")) {
      body = latin1(Base64.getDecoder().decode(o.get("bodyBase64").asText()));
    }
    List<String> expect = new ArrayList<>();
    for (JsonNode e : required(o, "expect")) {
      expect.add(e.asText());
    }
    return new CorpusRequest(
        required(o, "id").asText(),
        required(o, "method").asText(),
        required(o, "uri").asText(),
        required(o, "version").asText(),
        headers,
        body,
        required(o, "family").asText(),
        expect,
        o.path("pl").asInt(0));
  }

  private static JsonNode required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return v;
  }

  static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static String asText(byte[] bytes) {
    for (byte b : bytes) {
      if ((b >= 0 && b < 0x20 && b != '\r' && b != '\n' && b != '\t') || b == 0x7f) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
