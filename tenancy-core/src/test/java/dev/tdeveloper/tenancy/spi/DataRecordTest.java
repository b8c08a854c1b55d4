package dev.tdeveloper.tenancy.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataRecordTest {
  @Test
  void copiesValueInAndOut() {
    byte[] bytes = {1, 2, 3};
    DataRecord record = new DataRecord("k", bytes);
    bytes[0] = 9;
    assertThat(record.value()).containsExactly(1, 2, 3);
    record.value()[1] = 9;
    assertThat(record.value()).containsExactly(1, 2, 3);
    assertThat(record.valueView().isReadOnly()).isTrue();
    assertThat(record.valueLength()).isEqualTo(3);
  }

  @Test
  void equalsByContent() {
    assertThat(new DataRecord("k", new byte[] {1, 2}))
        .isEqualTo(new DataRecord("k", new byte[] {1, 2}))
        .hasSameHashCodeAs(new DataRecord("k", new byte[] {1, 2}))
        .isNotEqualTo(new DataRecord("k", new byte[] {1, 3}))
        .isNotEqualTo(new DataRecord("j", new byte[] {1, 2}));
  }

  @Test
  void toStringHidesTheValue() {
    assertThat(new DataRecord("card", "4111-1111".getBytes(UTF_8)))
        .hasToString("DataRecord[key=card, value=9 bytes]");
  }

  @Test
  void rejectsKeysNoBackendCanHold() {
    assertThatThrownBy(() -> new DataRecord("", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-1024 characters, was 0");
    assertThatThrownBy(() -> new DataRecord("k".repeat(1025), new byte[0]))
        .hasMessageContaining("was 1025");
    assertThatThrownBy(() -> new DataRecord("a\u0000b", new byte[0]))
        .hasMessageContaining("NUL character at index 1");
    assertThatThrownBy(() -> new DataRecord("ab\ud800", new byte[0]))
        .hasMessageContaining("unpaired surrogate at index 2");
    assertThatThrownBy(() -> new DataRecord("\udc00", new byte[0]))
        .hasMessageContaining("unpaired surrogate at index 0");
    assertThatThrownBy(() -> new DataRecord(null, new byte[0]))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> new DataRecord("k", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
    assertThat(new DataRecord("emoji-\ud83d\ude00", new byte[0]).key()).endsWith("\ude00");
  }

  @Test
  void ordersKeysByCodePointLikeUtf8Bytes() {
    List<String> keys =
        new ArrayList<>(List.of("b", "\ud83d\ude00", "\uffff", "a", "ab", "\u00e9", "B", "aa"));
    keys.sort(DataRecord.KEY_ORDER);
    assertThat(keys).containsExactly("B", "a", "aa", "ab", "b", "\u00e9", "\uffff", "\ud83d\ude00");

    List<String> byUtf8 = new ArrayList<>(keys);
    byUtf8.sort((x, y) -> java.util.Arrays.compareUnsigned(x.getBytes(UTF_8), y.getBytes(UTF_8)));
    assertThat(byUtf8).isEqualTo(keys);
  }
}
