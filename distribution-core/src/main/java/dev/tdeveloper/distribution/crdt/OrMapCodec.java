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
import java.util.TreeMap;

/**
 * The codec of {@link OrMap}: the causal context, then each key with its dotted values; built-in
 * value codecs nest their body, any other codec nests its whole encoding.
 */
final class OrMapCodec<K, V extends Crdt<V>> extends FramedCodec<OrMap<K, V>> {
  private final ValueCodec<K> keys;
  private final CrdtCodec<V> values;

  OrMapCodec(ValueCodec<K> keys, CrdtCodec<V> values) {
    super(6, "or-map");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.values = Objects.requireNonNull(values, "values");
  }

  @SuppressWarnings("unchecked")
  private void writeValue(BinaryWriter out, V v) {
    if (values instanceof FramedCodec<?> b) {
      ((FramedCodec<V>) b).writeNested(out, v);
    } else {
      out.raw(0);
      out.bytes(values.encode(v));
    }
  }

  @SuppressWarnings("unchecked")
  private V readValue(BinaryReader in) {
    if (values instanceof FramedCodec<?> b) {
      return ((FramedCodec<V>) b).readNested(in);
    }
    int at = in.offset();
    if (in.raw() != 0) {
      throw in.error("nested foreign value tag is not 0", at);
    }
    int bytesAt = in.offset();
    byte[] b = in.bytes();
    try {
      return values.decode(b);
    } catch (RuntimeException e) {
      throw in.error("invalid map value: " + e.getMessage(), bytesAt, e);
    }
  }

  @Override
  void write(BinaryWriter out, OrMap<K, V> state) {
    out.context(state.context());
    out.varint(state.size());
    state
        .entries()
        .forEach(
            (k, dots) -> {
              out.bytes(keys.toBytes(k));
              out.varint(dots.size());
              new TreeMap<>(dots)
                  .forEach(
                      (d, v) -> {
                        out.dot(d);
                        writeValue(out, v);
                      });
            });
  }

  @Override
  OrMap<K, V> read(BinaryReader in) {
    int at = in.offset();
    DotContext context = in.context();
    int n = in.count("map keys");
    Map<K, Map<Dot, V>> map = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int keyAt = in.offset();
      K k = in.value(keys, "map key");
      int m = in.count("key dots");
      Map<Dot, V> dots = new HashMap<>();
      for (int j = 0; j < m; j++) {
        int dotAt = in.offset();
        Dot d = in.dot();
        if (dots.put(d, readValue(in)) != null) {
          throw in.error("duplicate map dot " + d, dotAt);
        }
      }
      if (map.put(k, dots) != null) {
        throw in.error("duplicate map key", keyAt);
      }
    }
    return in.invariant(at, () -> OrMap.of(map, context));
  }

  @SuppressWarnings("unchecked")
  @Override
  ObjectNode json(OrMap<K, V> state) {
    ObjectNode node = NODES.objectNode();
    node.set("context", contextJson(state.context()));
    ArrayNode list = node.putArray("entries");
    state
        .entries()
        .forEach(
            (k, dots) -> {
              ObjectNode o = list.addObject();
              o.set("key", keys.toJson(k));
              ArrayNode vs = o.putArray("values");
              new TreeMap<>(dots)
                  .forEach(
                      (d, v) -> {
                        ObjectNode e = vs.addObject();
                        e.set("dot", dotJson(d));
                        if (values instanceof FramedCodec<?> b) {
                          e.set("value", ((FramedCodec<V>) b).json(v));
                        } else {
                          e.put("encoded", values.toJson(v));
                        }
                      });
            });
    return node;
  }

  @SuppressWarnings("unchecked")
  @Override
  OrMap<K, V> parse(JsonNode node, String path) {
    DotContext context =
        invariant(
            path + ".context", () -> context(field(node, "context", path), path + ".context"));
    Map<K, Map<Dot, V>> map = new HashMap<>();
    int i = 0;
    for (JsonNode o : array(node, "entries", path)) {
      String p = path + ".entries[" + i++ + "]";
      K k = value(keys, field(o, "key", p), p + ".key");
      Map<Dot, V> dots = new HashMap<>();
      int j = 0;
      for (JsonNode e : array(o, "values", p)) {
        String q = p + ".values[" + j++ + "]";
        Dot d = dot(field(e, "dot", q), q + ".dot");
        V v;
        if (values instanceof FramedCodec<?> b) {
          JsonNode vn = field(e, "value", q);
          if (!vn.isObject()) {
            throw jsonError(q + ".value", "expected an object");
          }
          v = ((FramedCodec<V>) b).parse(vn, q + ".value");
        } else {
          String text = field(e, "encoded", q).asText();
          try {
            v = values.fromJson(text);
          } catch (CrdtDecodingException x) {
            throw jsonError(q + ".encoded", x.getMessage());
          }
        }
        if (dots.put(d, v) != null) {
          throw jsonError(q + ".dot", "duplicate dot " + d);
        }
      }
      if (map.put(k, dots) != null) {
        throw jsonError(p + ".key", "duplicate key");
      }
    }
    return invariant(path, () -> OrMap.of(map, context));
  }
}
