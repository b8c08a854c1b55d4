package dev.tdeveloper.distribution.crdt;

import static dev.tdeveloper.distribution.crdt.JsonFields.NODES;
import static dev.tdeveloper.distribution.crdt.JsonFields.array;
import static dev.tdeveloper.distribution.crdt.JsonFields.context;
import static dev.tdeveloper.distribution.crdt.JsonFields.contextJson;
import static dev.tdeveloper.distribution.crdt.JsonFields.dot;
import static dev.tdeveloper.distribution.crdt.JsonFields.dotJson;
import static dev.tdeveloper.distribution.crdt.JsonFields.field;
import static dev.tdeveloper.distribution.crdt.JsonFields.invariant;
import static dev.tdeveloper.distribution.crdt.JsonFields.jsonError;
import static dev.tdeveloper.distribution.crdt.JsonFields.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The codec of {@link MvRegister}: the causal context, then each concurrent value with its dot. */
final class MvCodec<T> extends FramedCodec<MvRegister<T>> {
  private final ValueCodec<T> values;

  MvCodec(ValueCodec<T> values) {
    super(4, "mv-register");
    this.values = Objects.requireNonNull(values, "values");
  }

  @Override
  void write(BinaryWriter out, MvRegister<T> state) {
    out.context(state.context());
    var entries = state.entries();
    out.varint(entries.size());
    entries.forEach(
        (d, v) -> {
          out.dot(d);
          out.bytes(values.toBytes(v));
        });
  }

  @Override
  MvRegister<T> read(BinaryReader in) {
    int at = in.offset();
    DotContext context = in.context();
    int n = in.count("register values");
    Map<Dot, T> map = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int dotAt = in.offset();
      Dot d = in.dot();
      if (map.put(d, in.value(values, "register value")) != null) {
        throw in.error("duplicate register dot " + d, dotAt);
      }
    }
    return in.invariant(at, () -> MvRegister.of(map, context));
  }

  @Override
  ObjectNode json(MvRegister<T> state) {
    ObjectNode node = NODES.objectNode();
    node.set("context", contextJson(state.context()));
    ArrayNode list = node.putArray("values");
    state
        .entries()
        .forEach(
            (d, v) -> {
              ObjectNode e = list.addObject();
              e.set("dot", dotJson(d));
              e.set("value", values.toJson(v));
            });
    return node;
  }

  @Override
  MvRegister<T> parse(JsonNode node, String path) {
    DotContext context =
        invariant(
            path + ".context", () -> context(field(node, "context", path), path + ".context"));
    Map<Dot, T> map = new HashMap<>();
    int i = 0;
    for (JsonNode e : array(node, "values", path)) {
      String p = path + ".values[" + i++ + "]";
      Dot d = dot(field(e, "dot", p), p + ".dot");
      if (map.put(d, value(values, field(e, "value", p), p + ".value")) != null) {
        throw jsonError(p + ".dot", "duplicate dot " + d);
      }
    }
    return invariant(path, () -> MvRegister.of(map, context));
  }
}
