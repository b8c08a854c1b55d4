package dev.tdeveloper.distribution.crdt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The built-in {@link ValueCodec}s. */
final class ValueCodecs {
  private ValueCodecs() {}

  static final ValueCodec<String> STRING =
      new ValueCodec<>() {
        @Override
        public byte[] toBytes(String value) {
          return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String fromBytes(byte[] bytes) {
          try {
            return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
          } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("string value is not valid UTF-8", e);
          }
        }

        @Override
        public JsonNode toJson(String value) {
          return TextNode.valueOf(value);
        }

        @Override
        public String fromJson(JsonNode json) {
          if (!json.isTextual()) {
            throw new IllegalArgumentException("expected a JSON string, got " + json.getNodeType());
          }
          return json.textValue();
        }
      };

  static final ValueCodec<Long> INT64 =
      new ValueCodec<>() {
        @Override
        public byte[] toBytes(Long value) {
          return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
        }

        @Override
        public Long fromBytes(byte[] bytes) {
          if (bytes.length != Long.BYTES) {
            throw new IllegalArgumentException(
                "long value has " + bytes.length + " bytes; allowed: 8");
          }
          return ByteBuffer.wrap(bytes).getLong();
        }

        @Override
        public JsonNode toJson(Long value) {
          return LongNode.valueOf(value);
        }

        @Override
        public Long fromJson(JsonNode json) {
          if (!json.isIntegralNumber() || !json.canConvertToLong()) {
            throw new IllegalArgumentException("expected a 64-bit JSON integer, got " + json);
          }
          return json.longValue();
        }
      };

  static final ValueCodec<byte[]> BYTES =
      new ValueCodec<>() {
        @Override
        public byte[] toBytes(byte[] value) {
          return value.clone();
        }

        @Override
        public byte[] fromBytes(byte[] bytes) {
          return bytes.clone();
        }

        @Override
        public JsonNode toJson(byte[] value) {
          return BinaryNode.valueOf(value.clone());
        }

        @Override
        public byte[] fromJson(JsonNode json) {
          if (!json.isTextual() && !json.isBinary()) {
            throw new IllegalArgumentException("expected a base64 JSON string, got " + json);
          }
          try {
            return json.binaryValue();
          } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("value is not valid base64", e);
          }
        }
      };
}
