package dev.tdeveloper.security.waf.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small builder for corpus requests: browser-like default headers, a computed Content-Length, and
 * the encodings attacks use (percent-encoding, double percent-encoding, multipart bodies).
 *
 * <p>Bodies are given as Java text and stored as UTF-8 bytes in a byte string.
 */
final class Http {

  static final String HOST = "api.example.com";
  static final String BROWSER_UA =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/124.0.0.0 Safari/537.36";
  static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

  private final String method;
  private final String uri;
  private String version = "HTTP/1.1";
  private final List<CorpusRequest.Header> headers = new ArrayList<>();
  private String body = "";
  private boolean contentLength = true;

  private Http(String method, String uri, boolean defaults) {
    this.method = method;
    this.uri = uri;
    if (defaults) {
      header("Host", HOST);
      header("User-Agent", BROWSER_UA);
      header("Accept", "application/json, text/plain, */*");
      header("Accept-Language", "en-US,en;q=0.9");
      header("Accept-Encoding", "gzip, deflate, br");
    }
  }

  /** A request with browser-like Host, User-Agent, Accept and Accept-* headers. */
  static Http request(String method, String uri) {
    return new Http(method, uri, true);
  }

  /** A request with no headers at all (protocol-violation shapes add exactly what they need). */
  static Http bare(String method, String uri) {
    return new Http(method, uri, false);
  }

  Http version(String v) {
    this.version = v;
    return this;
  }

  Http header(String name, String value) {
    headers.add(new CorpusRequest.Header(name, value));
    return this;
  }

  /** Replaces the value of the first header with this name, or appends it. */
  Http replace(String name, String value) {
    for (int i = 0; i < headers.size(); i++) {
      if (headers.get(i).name().equalsIgnoreCase(name)) {
        headers.set(i, new CorpusRequest.Header(name, value));
        return this;
      }
    }
    return header(name, value);
  }

  /** Sets a UTF-8 body with this Content-Type (Content-Length is added at build time). */
  Http body(String contentType, String text) {
    header("Content-Type", contentType);
    this.body = CorpusFiles.latin1(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Sets a byte-string body (one char per byte) with this Content-Type. */
  Http bodyBytes(String contentType, String byteString) {
    header("Content-Type", contentType);
    this.body = byteString;
    return this;
  }

  /** The UTF-8 bytes of this text as a byte string. */
  static String utf8(String text) {
    return CorpusFiles.latin1(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sets a raw byte-string body without touching Content-Type. */
  Http rawBody(String byteString) {
    this.body = byteString;
    return this;
  }

  /** Leaves Content-Length out (for shapes that carry Transfer-Encoding or test its absence). */
  Http noContentLength() {
    this.contentLength = false;
    return this;
  }

  CorpusRequest build(String id, String family, List<String> expect, int pl) {
    List<CorpusRequest.Header> all = new ArrayList<>(headers);
    if (contentLength && !body.isEmpty()) {
      all.add(new CorpusRequest.Header("Content-Length", Integer.toString(body.length())));
    }
    return new CorpusRequest(id, method, uri, version, all, body, family, expect, pl);
  }

  /** Percent-encodes every byte of the UTF-8 form except RFC 3986 unreserved characters. */
  static String enc(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /** Form encoding as browsers send it: like {@link #enc} but a space becomes '+'. */
  static String form(String s) {
    return enc(s).replace("%20", "+");
  }

  /** A JSON string literal (quotes included) with the escapes JSON requires. */
  static String jsonString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * A multipart/form-data body from alternating parts built by {@link #field} and {@link #file}.
   */
  static String multipart(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      sb.append("--").append(BOUNDARY).append("\r\n").append(p).append("\r\n");
    }
    return sb.append("--").append(BOUNDARY).append("--\r\n").toString();
  }

  static String field(String name, String value) {
    return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value;
  }

  static String file(String name, String filename, String type, String content) {
    return "Content-Disposition: form-data; name=\""
        + name
        + "\"; filename=\""
        + filename
        + "\"\r\nContent-Type: "
        + type
        + "\r\n\r\n"
        + content;
  }

  static String multipartType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }
}
