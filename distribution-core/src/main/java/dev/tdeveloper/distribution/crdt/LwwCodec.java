package dev.tdeveloper.distribution.crdt;

import static dev.tdeveloper.distribution.crdt.JsonFields.NODES;
import static dev.tdeveloper.distribution.crdt.JsonFields.field;
import static dev.tdeveloper.distribution.crdt.JsonFields.invariant;
import static dev.tdeveloper.distribution.crdt.JsonFields.nonNegative;
import static dev.tdeveloper.distribution.crdt.JsonFields.region;
import static dev.tdeveloper.distribution.crdt.JsonFields.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.Objects;

/** The codec of {@link LwwRegister}: a presence flag, then writer, HLC stamp and value. */
final class LwwCodec<T> extends FramedCodec<LwwRegister<T>> {
  private final ValueCodec<T> values;

  LwwCodec(ValueCodec<T> values) {
    super(3, "lww-register");
    this.values = Objects.requireNonNull(values, "values");
  }

  @Override
  void write(BinaryWriter out, LwwRegister<T> state) {
    if (state.value().isEmpty()) {
      out.raw(0);
      return;
    }
    out.raw(1);
    out.region(state.writer().orElseThrow());
    out.varint(state.stamp().encode());
    out.bytes(values.toBytes(state.value().orElseThrow()));
  }

  @Override
  LwwRegister<T> read(BinaryReader in) {
    int at = in.offset();
    int present = in.raw();
    if (present == 0) {
      return LwwRegister.empty();
    }
    if (present != 1) {
      throw in.error("register presence flag " + present + " is not 0 or 1", at);
    }
    RegionId writer = in.region();
    int stampAt = in.offset();
    long packed = in.varint();
    HlcTimestamp stamp = in.invariant(stampAt, () -> HlcTimestamp.decode(packed));
    T value = in.value(values, "register value");
    return LwwRegister.of(writer, stamp, value);
  }

  @Override
  ObjectNode json(LwwRegister<T> state) {
    ObjectNode node = NODES.objectNode();
    if (state.value().isPresent()) {
      node.put("writer", state.writer().orElseThrow().value());
      ObjectNode stamp = node.putObject("stamp");
      stamp.put("millis", state.stamp().physicalMillis());
      stamp.put("logical", state.stamp().logical());
      node.set("value", values.toJson(state.value().orElseThrow()));
    }
    return node;
  }

  @Override
  LwwRegister<T> parse(JsonNode node, String path) {
    if (!node.has("value")) {
      return LwwRegister.empty();
    }
    JsonNode writer = field(node, "writer", path);
    RegionId w = region(writer.asText(), path + ".writer");
    JsonNode stamp = field(node, "stamp", path);
    long millis = nonNegative(field(stamp, "millis", path + ".stamp"), path + ".stamp.millis");
    long logical = nonNegative(field(stamp, "logical", path + ".stamp"), path + ".stamp.logical");
    HlcTimestamp s =
        invariant(
            path + ".stamp",
            () -> new HlcTimestamp(millis, (int) Math.min(logical, Integer.MAX_VALUE)));
    return LwwRegister.of(w, s, value(values, node.get("value"), path + ".value"));
  }
}
