package dev.tdeveloper.distribution.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ValueCodecTest {
  @Property(tries = 300)
  void stringsRoundTrip(@ForAll String value) {
    ValueCodec<String> codec = ValueCodec.string();
    assertThat(codec.fromBytes(codec.toBytes(value))).isEqualTo(value);
    assertThat(codec.fromJson(codec.toJson(value))).isEqualTo(value);
  }

  @Property(tries = 300)
  void longsRoundTrip(@ForAll long value) {
    ValueCodec<Long> codec = ValueCodec.int64();
    assertThat(codec.fromBytes(codec.toBytes(value))).isEqualTo(value);
    assertThat(codec.fromJson(codec.toJson(value))).isEqualTo(value);
  }

  @Property(tries = 300)
  void byteArraysRoundTrip(@ForAll byte[] value) {
    ValueCodec<byte[]> codec = ValueCodec.bytes();
    assertThat(codec.fromBytes(codec.toBytes(value))).isEqualTo(value);
    assertThat(codec.fromJson(codec.toJson(value))).isEqualTo(value);
  }

  @Test
  void refusesWhatIsNotAValue() {
    assertThatThrownBy(() -> ValueCodec.string().fromBytes(new byte[] {(byte) 0xC3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> ValueCodec.int64().fromBytes(new byte[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed: 8");
    assertThatThrownBy(() -> ValueCodec.int64().fromJson(TextNode.valueOf("1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueCodec.bytes().fromJson(TextNode.valueOf("!!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base64");
  }

  @Test
  void aBadElementIsReportedAtItsOffset() {
    CrdtCodec<OrSet<String>> codec = CrdtCodec.orSet(ValueCodec.string());
    byte[] bytes = codec.encode(OrSet.<String>empty().add(CrdtLaws.REGIONS.get(0), "x"));
    int at = bytes.length - 5; // the element (length 1, 'x'), then a dot count and a dot
    bytes[at + 1] = (byte) 0xC3;
    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(CrdtDecodingException.class)
        .hasMessageContaining("invalid set element")
        .hasMessageContaining("offset " + at);
  }
}
