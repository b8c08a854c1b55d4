package dev.tdeveloper.distribution.edge;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A response as an {@link dev.tdeveloper.distribution.spi.EdgeCache EdgeCache} stores it: status,
 * headers and body. The body is copied in and out, so callers cannot change a stored copy.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the HTTP status, 100 to 599
 * @param headers the header fields in order, each with its values
 * @param body the body bytes
 */
public record CachedResponse(int status, Map<String, List<String>> headers, byte[] body) {
  /**
   * Validates and copies the response.
   *
   * @throws IllegalArgumentException if the status is out of range
   */
  public CachedResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status is " + status + "; allowed: 100 to 599");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(headers, "headers").forEach((k, v) -> copy.put(k, List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(copy);
    body = Objects.requireNonNull(body, "body").clone();
  }

  /** Returns a copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Returns the body's length in bytes, without copying it. */
  public int length() {
    return body.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CachedResponse r
        && r.status == status
        && r.headers.equals(headers)
        && Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return (31 * status + headers.hashCode()) * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "CachedResponse[status="
        + status
        + ", headers="
        + headers
        + ", body="
        + body.length
        + " bytes]";
  }
}
