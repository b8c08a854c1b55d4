package dev.tdeveloper.distribution.crdt;

import static dev.tdeveloper.distribution.crdt.JsonFields.NODES;
import static dev.tdeveloper.distribution.crdt.JsonFields.jsonError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The frame every built-in {@link CrdtCodec} shares: version byte, type tag, region table and body
 * in binary; {@code "type"} and {@code "version"} fields in JSON. Subclasses write and read the
 * body.
 */
abstract class FramedCodec<C extends Crdt<C>> implements CrdtCodec<C> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final int tag;
  private final String type;

  FramedCodec(int tag, String type) {
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
