package dev.tdeveloper.distribution.clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.distribution.region.RegionId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link VersionVector}'s binary and JSON encodings: the canonical varint form (refusing anything
 * else with the offending byte or value) and the JSON object of region ids to counters.
 */
final class VersionVectorEncoding {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VersionVectorEncoding() {}

  static byte[] toBytes(SortedMap<RegionId, Long> counters) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 + counters.size() * 12);
    out.write(VersionVector.FORMAT_VERSION);
    writeVarint(out, counters.size());
    counters.forEach(
        (region, counter) -> {
          byte[] id = region.value().getBytes(StandardCharsets.UTF_8);
          writeVarint(out, id.length);
          out.write(id, 0, id.length);
          writeVarint(out, counter);
        });
    return out.toByteArray();
  }

  /** Returns the canonical counters (sorted, all positive) the bytes encode. */
  static TreeMap<RegionId, Long> fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    Reader in = new Reader(bytes);
    int version = in.next();
    if (version != VersionVector.FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "version vector format "
              + version
              + " is unknown; allowed: "
              + VersionVector.FORMAT_VERSION);
    }
    long count = in.varint();
    if (count > bytes.length) {
      throw new IllegalArgumentException(
          "version vector claims " + count + " entries in " + bytes.length + " bytes");
    }
    TreeMap<RegionId, Long> counters = new TreeMap<>();
    RegionId previous = null;
    for (long i = 0; i < count; i++) {
      long length = in.varint();
      if (length < 1 || length > 63) {
        throw new IllegalArgumentException(
            "version vector region id length " + length + " is invalid; allowed: 1 to 63");
      }
      RegionId region = new RegionId(in.string((int) length));
      long counter = in.varint();
      if (counter < 1) {
        throw new IllegalArgumentException(
            "version vector counter of " + region + " is " + counter + "; allowed: 1+");
      }
      if (previous != null && previous.compareTo(region) >= 0) {
        throw new IllegalArgumentException(
            "version vector regions out of order: " + region + " after " + previous);
      }
      counters.put(region, counter);
      previous = region;
    }
    if (in.position < bytes.length) {
      throw new IllegalArgumentException(
          "version vector has " + (bytes.length - in.position) + " trailing bytes");
    }
    return counters;
  }

  static String toJson(Map<String, Long> value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a version vector as JSON", e);
    }
  }

  static Map<String, Long> fromJson(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Long>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "version vector JSON is invalid: " + e.getOriginalMessage(), e);
    }
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static final class Reader {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    int next() {
      if (position >= bytes.length) {
        throw new IllegalArgumentException(
            "version vector encoding is truncated at byte " + position);
      }
      return bytes[position++] & 0xFF;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 63; shift += 7) {
        int b = next();
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalArgumentException(
          "version vector varint at byte " + position + " is too long");
    }

    String string(int length) {
      if (bytes.length - position < length) {
        throw new IllegalArgumentException(
            "version vector encoding is truncated at byte " + position);
      }
      String s = new String(bytes, position, length, StandardCharsets.UTF_8);
      position += length;
      return s;
    }
  }
}
