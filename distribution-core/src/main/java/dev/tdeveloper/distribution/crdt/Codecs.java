package dev.tdeveloper.distribution.crdt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The built-in {@link CrdtCodec}s. */
final class Codecs {
  private Codecs() {}

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final CrdtCodec<GCounter> G_COUNTER = new GCounterCodec();
  static final CrdtCodec<PNCounter> PN_COUNTER = new PnCounterCodec();

  /** The shared frame: version, type tag, region table, body; JSON type and version fields. */
  abstract static class Base<C extends Crdt<C>> implements CrdtCodec<C> {
    private final int tag;
    private final String type;

    Base(int tag, String type) {
      this.tag = tag;
      this.type = type;
    }

    abstract void write(BinaryWriter out, C state);

    abstract C read(BinaryReader in);

    abstract ObjectNode json(C state);

    abstract C parse(JsonNode node, String path);

    @Override
    public final byte[] encode(C state) {
      Objects.requireNonNull(state, "state");
      BinaryWriter out = new BinaryWriter();
      write(out, state);
      return out.finish(tag);
    }

    @Override
    public final C decode(byte[] bytes) {
      Objects.requireNonNull(bytes, "bytes");
      BinaryReader in = new BinaryReader(bytes);
      in.header(tag, type);
      C state = read(in);
      in.end();
      return state;
    }

    /** Writes a nested state (an OR-map value) into the enclosing frame. */
    final void writeNested(BinaryWriter out, C state) {
      out.raw(tag);
      write(out, state);
    }

    final C readNested(BinaryReader in) {
      int at = in.offset();
      int t = in.raw();
      if (t != tag) {
        throw in.error("nested type tag " + t + " is not " + type + "'s (" + tag + ")", at);
      }
      return read(in);
    }

    @Override
    public final String toJson(C state) {
      Objects.requireNonNull(state, "state");
      ObjectNode node = NODES.objectNode();
      node.put("type", type);
      node.put("version", BinaryWriter.VERSION);
      node.setAll(json(state));
      return node.toString();
    }

    @Override
    public final C fromJson(String json) {
      Objects.requireNonNull(json, "json");
      JsonNode node;
      try {
        node = MAPPER.readTree(json);
      } catch (JsonProcessingException e) {
        throw new CrdtDecodingException(
            "malformed JSON: " + e.getOriginalMessage(), CrdtDecodingException.NO_OFFSET, e);
      }
      if (node == null || !node.isObject()) {
        throw jsonError("$", "expected an object");
      }
      if (!type.equals(node.path("type").asText())) {
        throw jsonError("$.type", "expected \"" + type + "\", got " + node.get("type"));
      }
      if (node.path("version").asInt(-1) != BinaryWriter.VERSION) {
        throw jsonError("$.version", "unsupported version " + node.get("version"));
      }
      return parse(node, "$");
    }
  }

  static CrdtDecodingException jsonError(String path, String what) {
    return new CrdtDecodingException(path + ": " + what, CrdtDecodingException.NO_OFFSET, null);
  }

  static JsonNode field(JsonNode node, String name, String path) {
    JsonNode f = node.get(name);
    if (f == null || f.isNull()) {
      throw jsonError(path + "." + name, "missing");
    }
    return f;
  }

  static Iterable<JsonNode> array(JsonNode node, String name, String path) {
    JsonNode f = field(node, name, path);
    if (!f.isArray()) {
      throw jsonError(path + "." + name, "expected an array");
    }
    return f;
  }

  static RegionId region(String text, String path) {
    try {
      return RegionId.of(text);
    } catch (IllegalArgumentException e) {
      throw jsonError(path, e.getMessage());
    }
  }

  static long nonNegative(JsonNode n, String path) {
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
      throw jsonError(path, "expected a non-negative 64-bit integer, got " + n);
    }
    return n.longValue();
  }

  static TextNode dotJson(Dot d) {
    return TextNode.valueOf(d.replica() + ":" + d.counter());
  }

  static Dot dot(JsonNode n, String path) {
    String s = n.isTextual() ? n.textValue() : "";
    int colon = s.lastIndexOf(':');
    if (colon < 1) {
      throw jsonError(path, "expected a dot \"region:counter\", got " + n);
    }
    long counter;
    try {
      counter = Long.parseLong(s.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw jsonError(path, "dot counter is not a number in " + n);
    }
    if (counter < 1) {
      throw jsonError(path, "dot counter " + counter + " is below 1");
    }
    return new Dot(region(s.substring(0, colon), path), counter);
  }

  static ObjectNode contextJson(DotContext c) {
    ObjectNode node = NODES.objectNode();
    ObjectNode vector = node.putObject("vector");
    c.vector().forEach((r, n) -> vector.put(r.value(), n));
    ArrayNode cloud = node.putArray("cloud");
    c.cloud().forEach(d -> cloud.add(dotJson(d)));
    return node;
  }

  static DotContext context(JsonNode node, String path) {
    JsonNode vector = field(node, "vector", path);
    if (!vector.isObject()) {
      throw jsonError(path + ".vector", "expected an object");
    }
    Map<RegionId, Long> v = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : vector.properties()) {
      String p = path + ".vector." + e.getKey();
      v.put(region(e.getKey(), p), nonNegative(e.getValue(), p));
    }
    Set<Dot> cloud = new HashSet<>();
    int i = 0;
    for (JsonNode d : array(node, "cloud", path)) {
      cloud.add(dot(d, path + ".cloud[" + i++ + "]"));
    }
    return DotContext.of(v, cloud);
  }

  static <T> T value(ValueCodec<T> codec, JsonNode n, String path) {
    try {
      return Objects.requireNonNull(codec.fromJson(n), "decoded value");
    } catch (RuntimeException e) {
      throw jsonError(path, "invalid value: " + e.getMessage());
    }
  }

  static <T> T invariant(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw jsonError(path, e.getMessage());
    }
  }

  static <T> T invariant(BinaryReader in, int at, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw in.error(e.getMessage(), at, e);
    }
  }

  static final class GCounterCodec extends Base<GCounter> {
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
      return invariant(in, at, () -> GCounter.of(counts));
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

  static final class PnCounterCodec extends Base<PNCounter> {
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

  static final class LwwCodec<T> extends Base<LwwRegister<T>> {
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
      HlcTimestamp stamp = invariant(in, stampAt, () -> HlcTimestamp.decode(packed));
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

  static final class MvCodec<T> extends Base<MvRegister<T>> {
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
      return invariant(in, at, () -> MvRegister.of(map, context));
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

  static final class OrSetCodec<E> extends Base<OrSet<E>> {
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
      return invariant(in, at, () -> OrSet.of(map, context));
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

  static final class OrMapCodec<K, V extends Crdt<V>> extends Base<OrMap<K, V>> {
    private final ValueCodec<K> keys;
    private final CrdtCodec<V> values;

    OrMapCodec(ValueCodec<K> keys, CrdtCodec<V> values) {
      super(6, "or-map");
      this.keys = Objects.requireNonNull(keys, "keys");
      this.values = Objects.requireNonNull(values, "values");
    }

    @SuppressWarnings("unchecked")
    private void writeValue(BinaryWriter out, V v) {
      if (values instanceof Base<?> b) {
        ((Base<V>) b).writeNested(out, v);
      } else {
        out.raw(0);
        out.bytes(values.encode(v));
      }
    }

    @SuppressWarnings("unchecked")
    private V readValue(BinaryReader in) {
      if (values instanceof Base<?> b) {
        return ((Base<V>) b).readNested(in);
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
      return invariant(in, at, () -> OrMap.of(map, context));
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
                          if (values instanceof Base<?> b) {
                            e.set("value", ((Base<V>) b).json(v));
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
          if (values instanceof Base<?> b) {
            JsonNode vn = field(e, "value", q);
            if (!vn.isObject()) {
              throw jsonError(q + ".value", "expected an object");
            }
            v = ((Base<V>) b).parse(vn, q + ".value");
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
}
