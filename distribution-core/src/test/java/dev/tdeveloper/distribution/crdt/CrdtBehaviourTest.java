package dev.tdeveloper.distribution.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrdtBehaviourTest {
  private static final RegionId EU = RegionId.of("eu-west-1");
  private static final RegionId US = RegionId.of("us-east-1");

  @Test
  void gCounterRefusesNegativeIncrementsAndOverflowWithoutChangingState() {
    GCounter c = GCounter.empty().increment(EU, 5);
    assertThatThrownBy(() -> c.increment(EU, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1")
        .hasMessageContaining("PNCounter");
    GCounter big = c.increment(US, Long.MAX_VALUE - 5);
    assertThatThrownBy(() -> big.increment(EU, 1))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("overflow");
    assertThat(c.value()).isEqualTo(5);
    assertThat(big.value()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void mergedCountsThatOverflowAreReportedByValue() {
    GCounter a = GCounter.empty().increment(EU, Long.MAX_VALUE);
    GCounter b = GCounter.empty().increment(US, 1);
    assertThatThrownBy(() -> a.merge(b).value()).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void pnCounterGoesBelowZero() {
    PNCounter c = PNCounter.empty().increment(EU, 2).decrement(US, 5);
    assertThat(c.value()).isEqualTo(-3);
    assertThat(c.delta()).contains(c.resetDelta());
    assertThatThrownBy(() -> c.decrement(US, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullsAreRefusedByName() {
    assertThatThrownBy(() -> OrSet.<String>empty().add(EU, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("element");
    assertThatThrownBy(() -> MvRegister.<String>empty().set(EU, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
    assertThatThrownBy(() -> OrMap.<String, GCounter>empty().remove(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
  }

  @Test
  void concurrentAddWinsOverRemove() {
    OrSet<String> base = OrSet.<String>empty().add(EU, "x").resetDelta();
    OrSet<String> removed = base.remove("x");
    OrSet<String> readded = base.merge(OrSet.<String>empty()).add(US, "x");
    assertThat(removed.merge(readded).elements()).containsExactly("x");
    assertThat(readded.merge(removed).elements()).containsExactly("x");
    // A remove that has seen the add removes it everywhere.
    OrSet<String> later = removed.merge(readded).remove("x");
    assertThat(later.merge(readded).elements()).isEmpty();
  }

  @Test
  void orSetDeltaOfOneAddIsSmallWhateverTheSetSize() {
    OrSet<String> set = OrSet.empty();
    for (int i = 0; i < 1000; i++) {
      set = set.add(EU, "element-" + i);
    }
    set = set.resetDelta().add(US, "new");
    CrdtCodec<OrSet<String>> codec = CrdtCodec.orSet(ValueCodec.string());
    assertThat(codec.encode(set.delta().orElseThrow()).length).isLessThan(30);
    assertThat(codec.encode(set).length).isGreaterThan(10_000);
  }

  @Test
  void lwwEqualStampsAreDecidedByTheHigherRegion() {
    HlcTimestamp t = new HlcTimestamp(1_000, 0);
    LwwRegister<String> eu = LwwRegister.<String>empty().set(EU, t, "from-eu");
    LwwRegister<String> us = LwwRegister.<String>empty().set(US, t, "from-us");
    assertThat(eu.merge(us).value()).contains("from-us");
    assertThat(us.merge(eu).value()).contains("from-us");
    assertThat(eu.set(EU, new HlcTimestamp(999, 5), "older").value()).contains("from-eu");
  }

  @Test
  void lwwRefusesTwoValuesUnderOneStampAndRegion() {
    HlcTimestamp t = new HlcTimestamp(1_000, 0);
    LwwRegister<String> a = LwwRegister.<String>empty().set(EU, t, "a");
    assertThatThrownBy(() -> a.set(EU, t, "b"))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("eu-west-1")
        .hasMessageContaining("1000.0");
    assertThat(a.value()).contains("a");
  }

  @Test
  void lwwHoldsByteArraysByContent() {
    CrdtCodec<LwwRegister<byte[]>> codec = CrdtCodec.lwwRegister(ValueCodec.bytes());
    LwwRegister<byte[]> r =
        LwwRegister.<byte[]>empty().set(EU, new HlcTimestamp(5, 1), new byte[] {1, 2, 3});
    assertThat(codec.decode(codec.encode(r))).isEqualTo(r.resetDelta());
    assertThat(codec.fromJson(codec.toJson(r))).isEqualTo(r.resetDelta());
  }

  @Test
  void mvRegisterKeepsConcurrentValuesUntilALaterWriteSeesThem() {
    MvRegister<String> a = MvRegister.<String>empty().set(EU, "a");
    MvRegister<String> b = MvRegister.<String>empty().set(US, "b");
    MvRegister<String> both = a.merge(b);
    assertThat(both.values()).containsExactly("a", "b");
    MvRegister<String> resolved = both.set(EU, "c");
    assertThat(resolved.merge(b).values()).containsExactly("c");
    assertThat(b.merge(resolved).values()).containsExactly("c");
  }

  @Test
  void orMapUpdateConcurrentWithRemoveWinsAndRemoveThenAddStartsFresh() {
    OrMap<String, GCounter> base =
        OrMap.<String, GCounter>empty()
            .update(EU, "hits", GCounter.empty(), c -> c.increment(EU, 3))
            .resetDelta();
    OrMap<String, GCounter> removed = base.remove("hits");
    OrMap<String, GCounter> updated =
        base.update(US, "hits", GCounter.empty(), c -> c.increment(US, 1));
    assertThat(removed.merge(updated).get("hits").orElseThrow().value()).isEqualTo(4);
    OrMap<String, GCounter> fresh =
        removed.update(EU, "hits", GCounter.empty(), c -> c.increment(EU, 1));
    assertThat(fresh.get("hits").orElseThrow().value()).isEqualTo(1);
    assertThat(fresh.merge(base)).isEqualTo(fresh);
  }

  @Test
  void dotContextCompactsTheCloudIntoTheVector() {
    DotContext c = DotContext.empty().add(new Dot(EU, 3)).add(new Dot(EU, 2));
    assertThat(c.vector()).isEmpty();
    assertThat(c.cloud()).hasSize(2);
    DotContext full = c.add(new Dot(EU, 1));
    assertThat(full.vector()).isEqualTo(Map.of(EU, 3L));
    assertThat(full.cloud()).isEmpty();
    assertThat(full)
        .isEqualTo(DotContext.of(Map.of(), Set.of(new Dot(EU, 1), new Dot(EU, 2), new Dot(EU, 3))));
    assertThat(full.nextDot(EU)).isEqualTo(new Dot(EU, 4));
    assertThat(c.nextDot(EU)).isEqualTo(new Dot(EU, 4));
  }

  @Test
  void decodingNamesWhatIsWrongAndWhere() {
    CrdtCodec<GCounter> codec = CrdtCodec.gCounter();
    byte[] good = codec.encode(GCounter.empty().increment(EU, 300));
    byte[] version = good.clone();
    version[0] = 9;
    assertThatThrownBy(() -> codec.decode(version))
        .isInstanceOf(CrdtDecodingException.class)
        .hasMessageContaining("version 9")
        .hasMessageContaining("offset 0");
    assertThatThrownBy(() -> CrdtCodec.pnCounter().decode(good))
        .isInstanceOf(CrdtDecodingException.class)
        .hasMessageContaining("offset 1");
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> codec.decode(trailing))
        .isInstanceOf(CrdtDecodingException.class)
        .hasMessageContaining("1 trailing bytes")
        .extracting(e -> ((CrdtDecodingException) e).offset())
        .isEqualTo((long) good.length);
    assertThatThrownBy(() -> codec.fromJson("{\"type\":\"gcounter\",\"version\":1}"))
        .isInstanceOf(CrdtDecodingException.class)
        .hasMessage("$.counts: missing");
    assertThatThrownBy(
            () -> codec.fromJson("{\"type\":\"gcounter\",\"version\":1,\"counts\":{\"EU\":1}}"))
        .isInstanceOf(CrdtDecodingException.class)
        .hasMessageContaining("$.counts.EU");
    assertThatThrownBy(
            () ->
                CrdtCodec.orSet(ValueCodec.string())
                    .fromJson(
                        "{\"type\":\"or-set\",\"version\":1,\"context\":{\"vector\":{},\"cloud\":[]},"
                            + "\"elements\":[{\"element\":\"x\",\"dots\":[\"eu-west-1:1\"]}]}"))
        .isInstanceOf(CrdtDecodingException.class)
        .hasMessageContaining("does not cover");
  }

  @Test
  void binaryFormIsCompact() {
    CrdtCodec<GCounter> codec = CrdtCodec.gCounter();
    // version, tag, table of one region (1 + 1 + 9 bytes), one entry (1 + 1 + 2 bytes)
    assertThat(codec.encode(GCounter.empty().increment(EU, 300))).hasSize(2 + 11 + 4);
  }

  @Test
  void aDotTaggingTwoElementsIsRefused() {
    Dot d = new Dot(EU, 1);
    DotContext c = DotContext.empty().add(d);
    assertThatThrownBy(() -> OrSet.of(Map.of("a", Set.of(d), "b", Set.of(d)), c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reuses dot eu-west-1:1");
  }

  @Test
  void orMapsOfSetsAndRegistersRoundTripThroughBothEncodings() {
    HlcTimestamp t = new HlcTimestamp(77, 3);
    OrMap<String, OrSet<String>> sets =
        OrMap.<String, OrSet<String>>empty()
            .update(EU, "a", OrSet.empty(), s -> s.add(EU, "x").add(EU, "y"))
            .update(US, "b", OrSet.empty(), s -> s.add(US, "z"))
            .update(EU, "a", OrSet.empty(), s -> s.remove("x"));
    CrdtCodec<OrMap<String, OrSet<String>>> setCodec =
        CrdtCodec.orMap(ValueCodec.string(), CrdtCodec.orSet(ValueCodec.string()));
    assertThat(setCodec.decode(setCodec.encode(sets))).isEqualTo(sets.resetDelta());
    assertThat(setCodec.fromJson(setCodec.toJson(sets))).isEqualTo(sets.resetDelta());
    assertThat(sets.get("a").orElseThrow().elements()).containsExactly("y");

    OrMap<Long, LwwRegister<byte[]>> registers =
        OrMap.<Long, LwwRegister<byte[]>>empty()
            .update(EU, 1L, LwwRegister.empty(), r -> r.set(EU, t, new byte[] {9}));
    CrdtCodec<LwwRegister<byte[]>> inner = CrdtCodec.lwwRegister(ValueCodec.bytes());
    // A codec this module did not write is nested through its own binary and JSON forms.
    CrdtCodec<LwwRegister<byte[]>> foreign =
        new CrdtCodec<>() {
          @Override
          public byte[] encode(LwwRegister<byte[]> state) {
            return inner.encode(state);
          }

          @Override
          public LwwRegister<byte[]> decode(byte[] bytes) {
            return inner.decode(bytes);
          }

          @Override
          public String toJson(LwwRegister<byte[]> state) {
            return inner.toJson(state);
          }

          @Override
          public LwwRegister<byte[]> fromJson(String json) {
            return inner.fromJson(json);
          }
        };
    for (CrdtCodec<LwwRegister<byte[]>> values : List.of(inner, foreign)) {
      CrdtCodec<OrMap<Long, LwwRegister<byte[]>>> codec =
          CrdtCodec.orMap(ValueCodec.int64(), values);
      assertThat(codec.decode(codec.encode(registers))).isEqualTo(registers.resetDelta());
      assertThat(codec.fromJson(codec.toJson(registers))).isEqualTo(registers.resetDelta());
    }
  }
}
