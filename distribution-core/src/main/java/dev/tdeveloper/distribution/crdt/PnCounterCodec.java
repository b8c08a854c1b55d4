package dev.tdeveloper.distribution.crdt;

import static dev.tdeveloper.distribution.crdt.JsonFields.NODES;
import static dev.tdeveloper.distribution.crdt.JsonFields.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The codec of {@link PNCounter}: two {@link GCounter} bodies, increments then decrements. */
final class PnCounterCodec extends FramedCodec<PNCounter> {
  static final PnCounterCodec INSTANCE = new PnCounterCodec();

  private final GCounterCodec counts = new GCounterCodec();

  PnCounterCodec() {
    super(2, "pncounter");
  }

  @Override
  void write(BinaryWriter out, PNCounter state) {
    counts.write(out, state.increments());
    counts.write(out, state.decrements());
  }

  @Override
  PNCounter read(BinaryReader in) {
    GCounter p = counts.read(in);
    GCounter n = counts.read(in);
    return PNCounter.of(p, n);
  }

  @Override
  ObjectNode json(PNCounter state) {
    ObjectNode node = NODES.objectNode();
    node.set("increments", counts.json(state.increments()));
    node.set("decrements", counts.json(state.decrements()));
    return node;
  }

  @Override
  PNCounter parse(JsonNode node, String path) {
    return PNCounter.of(
        counts.parse(field(node, "increments", path), path + ".increments"),
        counts.parse(field(node, "decrements", path), path + ".decrements"));
  }
}
