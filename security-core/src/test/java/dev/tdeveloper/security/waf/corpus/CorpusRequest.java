package dev.tdeveloper.security.waf.corpus;

import java.util.List;
import java.util.Objects;

/**
 * One request of the WAF corpus, in the replay tool's JSON-lines shape plus our expectation fields.
 *
 * <p>{@code body} is a byte string (one char per byte, ISO-8859-1), the same convention the engine
 * uses, so binary payloads (a serialized Java object) survive. {@code expect} holds CRS rule ids or
 * id prefixes ("942", "930120"); each must match at paranoia level {@code pl} or below. Benign
 * requests have no expectations and {@code pl} 0.
 */
record CorpusRequest(
    String id,
    String method,
    String uri,
    String version,
    List<Header> headers,
    String body,
    String family,
    List<String> expect,
    int pl) {

  /** One request header, in wire order. */
  record Header(String name, String value) {
    Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  CorpusRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(version, "version");
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(family, "family");
    expect = List.copyOf(expect);
    if (pl < 0 || pl > 4) {
      throw new IllegalArgumentException("pl " + pl + " for " + id + "; allowed: 0..4");
    }
  }

  /** The first header with this name (case-insensitive), or "" when absent. */
  String header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return "";
  }
}
