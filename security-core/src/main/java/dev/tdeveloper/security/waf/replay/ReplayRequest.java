package dev.tdeveloper.security.waf.replay;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request of a replay input line. Every HTTP value (URI, header names and values, body) is a
 * byte string as the WAF inspects it: one char (0 to 255) per byte, see {@link
 * dev.tdeveloper.security.waf.ByteStrings}. Immutable.
 *
 * @param line the 1-based input line it came from
 * @param id the caller's id; empty when the line had none
 * @param method the method ({@code GET}), never empty
 * @param uri the URI as sent ({@code /a?b=c}), never empty
 * @param version the protocol ({@code HTTP/1.1})
 * @param headers the request headers in the order sent, repeats kept
 * @param body the request body; empty for none
 * @param remoteAddr the client address; empty for {@link ReplayRunner#DEFAULT_REMOTE_ADDR}
 */
public record ReplayRequest(
    int line,
    Optional<String> id,
    String method,
    String uri,
    String version,
    List<Header> headers,
    String body,
    Optional<String> remoteAddr) {

  /**
   * A request header. Immutable.
   *
   * @param name the name as sent, a byte string, never empty
   * @param value the value, a byte string
   */
  public record Header(String name, String value) {
    /** Validates. */
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name: empty; allowed: at least one character");
      }
    }
  }

  /** Validates and copies. */
  public ReplayRequest {
    if (line < 1) {
      throw new IllegalArgumentException("line: " + line + "; allowed: >= 1");
    }
    Objects.requireNonNull(id, "id");
    requireNonEmpty(method, "method");
    requireNonEmpty(uri, "uri");
    requireNonEmpty(version, "version");
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(remoteAddr, "remoteAddr");
  }

  /**
   * The body as the bytes to send.
   *
   * @return a fresh copy of the body bytes
   */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void requireNonEmpty(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + ": empty; allowed: at least one character");
    }
  }
}
