package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the binary form: a version byte, a type tag, a table of the region ids used, then the
 * body, where regions are table indices and integers are unsigned LEB128 varints.
 */
final class BinaryWriter {
  static final int VERSION = 1;

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final Map<RegionId, Integer> regionIndex = new HashMap<>();
  private final List<RegionId> regions = new ArrayList<>();

  void varint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      body.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    body.write((int) v);
  }

  void raw(int b) {
    body.write(b);
  }

  void bytes(byte[] bytes) {
    varint(bytes.length);
    body.write(bytes, 0, bytes.length);
  }

  void region(RegionId region) {
    Integer index = regionIndex.get(region);
    if (index == null) {
      index = regions.size();
      regions.add(region);
      regionIndex.put(region, index);
    }
    varint(index);
  }

  void dot(Dot dot) {
    region(dot.replica());
    varint(dot.counter());
  }

  void context(DotContext context) {
    Map<RegionId, Long> vector = context.vector();
    varint(vector.size());
    vector.forEach(
        (r, n) -> {
          region(r);
          varint(n);
        });
    varint(context.cloud().size());
    context.cloud().forEach(this::dot);
  }

  byte[] finish(int tag) {
    BinaryWriter header = new BinaryWriter();
    header.raw(VERSION);
    header.raw(tag);
    header.varint(regions.size());
    for (RegionId r : regions) {
      header.bytes(r.value().getBytes(StandardCharsets.US_ASCII));
    }
    byte[] out = new byte[header.body.size() + body.size()];
    byte[] h = header.body.toByteArray();
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(body.toByteArray(), 0, out, h.length, body.size());
    return out;
  }
}
