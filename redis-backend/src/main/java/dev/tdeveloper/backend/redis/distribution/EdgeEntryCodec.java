package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.edge.CachedResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of an edge-cache entry: version byte {@value #VERSION}, expiry (epoch millis),
 * status, headers (count, then name and values, each length-prefixed UTF-8) and the body's raw
 * bytes. Binary-safe; a value that does not parse is a {@link DistributionException} naming its
 * key.
 */
final class EdgeEntryCodec {
  static final byte VERSION = 1;

  private EdgeEntryCodec() {}

  /** A decoded entry. */
  record Entry(CachedResponse response, long expiresAtMillis) {}

  static byte[] encode(CachedResponse response, long expiresAtMillis) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + response.length());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeLong(expiresAtMillis);
      out.writeShort(response.status());
      out.writeInt(response.headers().size());
      for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
        writeText(out, header.getKey());
        out.writeInt(header.getValue().size());
        for (String value : header.getValue()) {
          writeText(out, value);
        }
      }
      byte[] body = response.body();
      out.writeInt(body.length);
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array stream does not fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * @param key the Redis key it was read from, for the error message
   * @throws DistributionException if {@code stored} is not an entry of this version
   */
  static Entry decode(byte[] stored, String key) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw malformed(key, "unknown version " + version, null);
      }
      long expiresAt = in.readLong();
      int status = in.readShort();
      int headerCount = count(in, stored.length, key);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int h = 0; h < headerCount; h++) {
        String name = readText(in, stored.length, key);
        int valueCount = count(in, stored.length, key);
        List<String> values = new ArrayList<>(valueCount);
        for (int v = 0; v < valueCount; v++) {
          values.add(readText(in, stored.length, key));
        }
        headers.put(name, values);
      }
      byte[] body = new byte[count(in, stored.length, key)];
      in.readFully(body);
      if (in.available() != 0) {
        throw malformed(key, in.available() + " trailing bytes", null);
      }
      return new Entry(new CachedResponse(status, headers, body), expiresAt);
    } catch (IOException | IllegalArgumentException e) {
      throw malformed(key, e.getMessage() == null ? "truncated" : e.getMessage(), e);
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in, int limit, String key) throws IOException {
    byte[] utf8 = new byte[count(in, limit, key)];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** Reads a count, which can never exceed the stored length. */
  private static int count(DataInputStream in, int limit, String key) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > limit) {
      throw malformed(key, "count " + n + " beyond the " + limit + " stored bytes", null);
    }
    return n;
  }

  private static DistributionException malformed(String key, String why, Throwable cause) {
    return new DistributionException(
        "Redis key '" + key + "' does not hold an edge-cache entry: " + why, cause);
  }
}
