package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Reads {@link BinaryWriter}'s form, refusing truncated or corrupt input with its offset. */
final class BinaryReader {
  private final byte[] in;
  private int pos;
  private RegionId[] regions = new RegionId[0];

  BinaryReader(byte[] in) {
    this.in = in;
  }

  int offset() {
    return pos;
  }

  CrdtDecodingException error(String what, int at) {
    return new CrdtDecodingException(what + " at offset " + at, at, null);
  }

  CrdtDecodingException error(String what, int at, Throwable cause) {
    return new CrdtDecodingException(what + " at offset " + at, at, cause);
  }

  /** Builds a decoded state, reporting a broken invariant as corrupt input at {@code at}. */
  <T> T invariant(int at, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage(), at, e);
    }
  }

  void header(int tag, String type) {
    int v = raw();
    if (v != BinaryWriter.VERSION) {
      throw error(
          "unsupported encoding version " + v + " (this reader knows " + BinaryWriter.VERSION + ")",
          0);
    }
    int t = raw();
    if (t != tag) {
      throw error("type tag " + t + " is not " + type + "'s (" + tag + ")", 1);
    }
    int n = count("region table size");
    regions = new RegionId[n];
    Set<RegionId> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      int at = pos;
      byte[] b = bytes();
      RegionId r;
      try {
        r = RegionId.of(new String(b, StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException e) {
        throw error("invalid region id in the region table", at, e);
      }
      if (!seen.add(r)) {
        throw error("duplicate region " + r + " in the region table", at);
      }
      regions[i] = r;
    }
  }

  int raw() {
    if (pos >= in.length) {
      throw error("truncated input: expected a byte", pos);
    }
    return in[pos++] & 0xFF;
  }

  long varint() {
    int at = pos;
    long out = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= in.length) {
        throw error("truncated input: unterminated varint", at);
      }
      int b = in[pos++] & 0xFF;
      if (shift == 63 && (b & 0xFE) != 0) {
        throw error("varint overflows 64 bits", at);
      }
      out |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return out;
      }
    }
    throw error("varint longer than 10 bytes", at);
  }

  /** A non-negative varint used as an int. */
  long positive(String what) {
    int at = pos;
    long v = varint();
    if (v < 0) {
      throw error(what + " " + Long.toUnsignedString(v) + " is out of range", at);
    }
    return v;
  }

  /** A count of items that each take at least one byte, so it cannot exceed what remains. */
  int count(String what) {
    int at = pos;
    long v = varint();
    if (v < 0 || v > in.length - pos) {
      throw error(
          what
              + " "
              + Long.toUnsignedString(v)
              + " exceeds the "
              + (in.length - pos)
              + " bytes left",
          at);
    }
    return (int) v;
  }

  byte[] bytes() {
    int at = pos;
    int n = count("length");
    if (n > in.length - pos) {
      throw error("truncated input: " + n + " bytes announced", at);
    }
    byte[] out = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return out;
  }

  <T> T value(ValueCodec<T> codec, String what) {
    int at = pos;
    byte[] b = bytes();
    try {
      return java.util.Objects.requireNonNull(codec.fromBytes(b), "decoded value");
    } catch (RuntimeException e) {
      throw error("invalid " + what + ": " + e.getMessage(), at, e);
    }
  }

  RegionId region() {
    int at = pos;
    long i = varint();
    if (i < 0 || i >= regions.length) {
      throw error(
          "region index " + Long.toUnsignedString(i) + " outside the table of " + regions.length,
          at);
    }
    return regions[(int) i];
  }

  Dot dot() {
    int at = pos;
    RegionId r = region();
    long n = varint();
    if (n < 1) {
      throw error("dot counter " + Long.toUnsignedString(n) + " of " + r + " is below 1", at);
    }
    return new Dot(r, n);
  }

  DotContext context() {
    int at = pos;
    int n = count("version vector size");
    Map<RegionId, Long> vector = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int entryAt = pos;
      RegionId r = region();
      long c = positive("version vector counter");
      if (vector.put(r, c) != null) {
        throw error("duplicate version vector entry " + r, entryAt);
      }
    }
    int m = count("dot cloud size");
    Set<Dot> cloud = new HashSet<>();
    for (int i = 0; i < m; i++) {
      int dotAt = pos;
      if (!cloud.add(dot())) {
        throw error("duplicate cloud dot", dotAt);
      }
    }
    try {
      return DotContext.of(vector, cloud);
    } catch (IllegalArgumentException e) {
      throw error("invalid causal context: " + e.getMessage(), at, e);
    }
  }

  void end() {
    if (pos != in.length) {
      throw error((in.length - pos) + " trailing bytes", pos);
    }
  }
}
