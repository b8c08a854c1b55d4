package dev.tdeveloper.distribution.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.distribution.clock.VersionVector.Order;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionVectorTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final RegionId US = RegionId.of("us");

  @Test
  void comparesByEveryCounter() {
    VersionVector a = VersionVector.empty().increment(EU);
    VersionVector b = a.increment(US);
    VersionVector c = a.increment(EU);
    assertThat(a.compare(b)).isEqualTo(Order.BEFORE);
    assertThat(b.compare(a)).isEqualTo(Order.AFTER);
    assertThat(b.compare(c)).isEqualTo(Order.CONCURRENT);
    assertThat(a.compare(VersionVector.of(Map.of(EU, 1L, US, 0L)))).isEqualTo(Order.EQUAL);
    assertThat(b.dominates(a)).isTrue();
    assertThat(b.dominates(b)).isTrue();
    assertThat(b.dominates(c)).isFalse();
    assertThat(b.merge(c)).isEqualTo(VersionVector.of(Map.of(EU, 2L, US, 1L)));
    assertThat(b.get(RegionId.of("ap"))).isZero();
  }

  @Test
  void encodesCompactlyAndCanonically() {
    VersionVector v = VersionVector.of(Map.of(US, 300L, EU, 1L));
    assertThat(HexFormat.of().formatHex(v.toBytes())).isEqualTo("010202657501027573ac02");
    assertThat(VersionVector.empty().toBytes()).containsExactly(1, 0);
    assertThat(v.toJson()).isEqualTo("{\"eu\":1,\"us\":300}");
    assertThat(VersionVector.of(Map.of(EU, 0L))).isEqualTo(VersionVector.empty());
  }

  @Test
  void jacksonWritesAndReadsItAsAnObject() throws Exception {
    ObjectMapper json = new ObjectMapper();
    VersionVector v = VersionVector.of(Map.of(EU, 2L));
    record Holder(VersionVector clock) {}
    String text = json.writeValueAsString(new Holder(v));
    assertThat(text).isEqualTo("{\"clock\":{\"eu\":2}}");
    assertThat(json.readValue(text, Holder.class).clock()).isEqualTo(v);
  }

  @Test
  void refusesBadEncodings() {
    assertThatThrownBy(() -> VersionVector.fromBytes(new byte[] {2, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 2 is unknown");
    assertThatThrownBy(() -> VersionVector.fromBytes(new byte[] {1, 1, 2, 'e'}))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> VersionVector.fromBytes(new byte[] {1, 0, 0}))
        .hasMessageContaining("1 trailing bytes");
    assertThatThrownBy(() -> VersionVector.fromBytes(new byte[] {1, 1, 2, 'e', 'u', 0}))
        .hasMessageContaining("counter of eu is 0");
    assertThatThrownBy(
            () -> VersionVector.fromBytes(new byte[] {1, 2, 2, 'u', 's', 1, 2, 'e', 'u', 1}))
        .hasMessageContaining("out of order");
    assertThatThrownBy(() -> VersionVector.fromBytes(new byte[] {1, 1, 2, 'E', 'U', 1}))
        .hasMessageContaining("invalid region id 'EU'");
    assertThatThrownBy(() -> VersionVector.fromJson("{\"eu\":-1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counter of eu is -1");
    assertThatThrownBy(() -> VersionVector.fromJson("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON is invalid");
    assertThatThrownBy(() -> VersionVector.of(Map.of(EU, -3L)))
        .hasMessageContaining("counter of eu is -3; allowed: 0+");
  }

  @Test
  void refusesToOverflowACounter() {
    VersionVector full = VersionVector.of(Map.of(EU, Long.MAX_VALUE));
    assertThatThrownBy(() -> full.increment(EU))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot pass");
  }
}
