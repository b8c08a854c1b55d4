package dev.tdeveloper.distribution.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.clock.VersionVector.Order;
import dev.tdeveloper.distribution.region.RegionId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class VersionVectorPropertyTest {
  @Provide
  Arbitrary<VersionVector> vectors() {
    Arbitrary<RegionId> regions =
        Arbitraries.of("eu-west-1", "us-east-1", "ap-south-1", "sa-east-1").map(RegionId::of);
    return Arbitraries.maps(regions, Arbitraries.longs().between(0, 4))
        .ofMaxSize(4)
        .map(VersionVector::of);
  }

  @Property
  void mergeIsCommutative(@ForAll("vectors") VersionVector a, @ForAll("vectors") VersionVector b) {
    assertThat(a.merge(b)).isEqualTo(b.merge(a));
  }

  @Property
  void mergeIsAssociative(
      @ForAll("vectors") VersionVector a,
      @ForAll("vectors") VersionVector b,
      @ForAll("vectors") VersionVector c) {
    assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
  }

  @Property
  void mergeIsIdempotent(@ForAll("vectors") VersionVector a, @ForAll("vectors") VersionVector b) {
    assertThat(a.merge(a)).isEqualTo(a);
    assertThat(a.merge(b).merge(b)).isEqualTo(a.merge(b));
  }

  /** a <= b exactly when merging a into b changes nothing; the merge dominates both. */
  @Property
  void compareIsConsistentWithMerge(
      @ForAll("vectors") VersionVector a, @ForAll("vectors") VersionVector b) {
    Order order = a.compare(b);
    VersionVector merged = a.merge(b);
    assertThat(order == Order.BEFORE || order == Order.EQUAL).isEqualTo(merged.equals(b));
    assertThat(order == Order.AFTER || order == Order.EQUAL).isEqualTo(merged.equals(a));
    assertThat(order == Order.EQUAL).isEqualTo(a.equals(b));
    assertThat(order == Order.CONCURRENT).isEqualTo(!merged.equals(a) && !merged.equals(b));
    assertThat(merged.dominates(a)).isTrue();
    assertThat(merged.dominates(b)).isTrue();
    Order reverse =
        switch (order) {
          case BEFORE -> Order.AFTER;
          case AFTER -> Order.BEFORE;
          case EQUAL -> Order.EQUAL;
          case CONCURRENT -> Order.CONCURRENT;
        };
    assertThat(b.compare(a)).isEqualTo(reverse);
  }

  @Property
  void incrementMovesStrictlyAfter(@ForAll("vectors") VersionVector a) {
    VersionVector next = a.increment(RegionId.of("eu-west-1"));
    assertThat(next.compare(a)).isEqualTo(Order.AFTER);
    assertThat(a.compare(next)).isEqualTo(Order.BEFORE);
  }

  @Property
  void encodingsRoundTrip(@ForAll("vectors") VersionVector a) {
    assertThat(VersionVector.fromBytes(a.toBytes())).isEqualTo(a);
    assertThat(VersionVector.fromJson(a.toJson())).isEqualTo(a);
  }
}
