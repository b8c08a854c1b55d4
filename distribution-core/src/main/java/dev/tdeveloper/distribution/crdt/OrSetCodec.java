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
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The codec of {@link OrSet}: the causal context, then each element with its dots. */
final class OrSetCodec<E> extends FramedCodec<OrSet<E>> {
  private final ValueCodec<E> elements;

  OrSetCodec(ValueCodec<E> elements) {
    super(5, "or-set");
    this.elements = Objects.requireNonNull(elements, "elements");
  }

  @Override
  void write(BinaryWriter out, OrSet<E> state) {
    out.context(state.context());
    out.varint(state.size());
    state
        .entries()
        .forEach(
            (e, dots) -> {
              out.bytes(elements.toBytes(e));
              out.varint(dots.size());
              for (Dot d : dots) {
                out.dot(d);
              }
            });
  }

  @Override
  OrSet<E> read(BinaryReader in) {
    int at = in.offset();
    DotContext context = in.context();
    int n = in.count("set elements");
    Map<E, Set<Dot>> map = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      int elementAt = in.offset();
      E e = in.value(elements, "set element");
      int k = in.count("element dots");
      Set<Dot> dots = new HashSet<>();
      for (int j = 0; j < k; j++) {
        dots.add(in.dot());
      }
      if (map.put(e, dots) != null) {
        throw in.error("duplicate set element", elementAt);
      }
    }
    return in.invariant(at, () -> OrSet.of(map, context));
  }

  @Override
  ObjectNode json(OrSet<E> state) {
    ObjectNode node = NODES.objectNode();
    node.set("context", contextJson(state.context()));
    ArrayNode list = node.putArray("elements");
    state
        .entries()
        .forEach(
            (e, dots) -> {
              ObjectNode o = list.addObject();
              o.set("element", elements.toJson(e));
              ArrayNode ds = o.putArray("dots");
              new TreeSet<>(dots).forEach(d -> ds.add(dotJson(d)));
            });
    return node;
  }

  @Override
  OrSet<E> parse(JsonNode node, String path) {
    DotContext context =
        invariant(
            path + ".context", () -> context(field(node, "context", path), path + ".context"));
    Map<E, Set<Dot>> map = new HashMap<>();
    int i = 0;
    for (JsonNode o : array(node, "elements", path)) {
      String p = path + ".elements[" + i++ + "]";
      E e = value(elements, field(o, "element", p), p + ".element");
      Set<Dot> dots = new HashSet<>();
      int j = 0;
      for (JsonNode d : array(o, "dots", p)) {
        dots.add(dot(d, p + ".dots[" + j++ + "]"));
      }
      if (map.put(e, dots) != null) {
        throw jsonError(p, "duplicate element");
      }
    }
    return invariant(path, () -> OrSet.of(map, context));
  }
}
