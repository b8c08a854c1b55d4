package dev.tdeveloper.distribution.crdt;

import static dev.tdeveloper.distribution.crdt.JsonFields.NODES;
import static dev.tdeveloper.distribution.crdt.JsonFields.field;
import static dev.tdeveloper.distribution.crdt.JsonFields.invariant;
import static dev.tdeveloper.distribution.crdt.JsonFields.jsonError;
import static dev.tdeveloper.distribution.crdt.JsonFields.nonNegative;
import static dev.tdeveloper.distribution.crdt.JsonFields.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.HashMap;
import java.util.Map;

/** The codec of {@link GCounter}: a region-to-count table. */
final class GCounterCodec extends FramedCodec<GCounter> {
  static final GCounterCodec INSTANCE = new GCounterCodec();

  GCounterCodec() {
    super(1, "gcounter");
  }

  @Override
  void write(BinaryWriter out, GCounter state) {
    Map<RegionId, Long> counts = state.counts();
    out.varint(counts.size());
    counts.forEach(
        (r, n) -> {
          out.region(r);
          out.varint(n);
        });
  }

  @Override
  GCounter read(BinaryReader in) {
    int at = in.offset();
    int n = in.count("counter entries");
    Map<RegionId, Long> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int entryAt = in.offset();
      RegionId r = in.region();
      long c = in.positive("count");
      if (counts.put(r, c) != null) {
        throw in.error("duplicate counter entry " + r, entryAt);
      }
    }
    return in.invariant(at, () -> GCounter.of(counts));
  }

  @Override
  ObjectNode json(GCounter state) {
    ObjectNode node = NODES.objectNode();
    ObjectNode counts = node.putObject("counts");
    state.counts().forEach((r, n) -> counts.put(r.value(), n));
    return node;
  }

  @Override
  GCounter parse(JsonNode node, String path) {
    JsonNode counts = field(node, "counts", path);
    if (!counts.isObject()) {
      throw jsonError(path + ".counts", "expected an object");
    }
    Map<RegionId, Long> map = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : counts.properties()) {
      String p = path + ".counts." + e.getKey();
      map.put(region(e.getKey(), p), nonNegative(e.getValue(), p));
    }
    return invariant(path + ".counts", () -> GCounter.of(map));
  }
}
