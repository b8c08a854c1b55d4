package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeSetTest {
  private static IpAddress ip(String text) {
    return IpAddress.parse(text);
  }

  @Test
  void slashZeroCoversItsWholeFamilyOnly() {
    IpRangeSet v4 = IpRangeSet.of("0.0.0.0/0");
    assertThat(v4.contains(ip("0.0.0.0"))).isTrue();
    assertThat(v4.contains(ip("255.255.255.255"))).isTrue();
    assertThat(v4.contains(ip("::"))).isFalse();
    IpRangeSet v6 = IpRangeSet.of("::/0");
    assertThat(v6.contains(ip("::"))).isTrue();
    assertThat(v6.contains(ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
    assertThat(v6.contains(ip("1.2.3.4"))).isFalse();
    assertThat(v6.contains(ip("::ffff:1.2.3.4"))).isFalse();
  }

  @Test
  void fullLengthPrefixesAreSingleAddresses() {
    IpRangeSet set = IpRangeSet.of("192.0.2.7/32", "2001:db8::7/128", "198.51.100.1");
    assertThat(set.contains(ip("192.0.2.7"))).isTrue();
    assertThat(set.contains(ip("192.0.2.6"))).isFalse();
    assertThat(set.contains(ip("192.0.2.8"))).isFalse();
    assertThat(set.contains(ip("2001:db8::7"))).isTrue();
    assertThat(set.contains(ip("2001:db8::6"))).isFalse();
    assertThat(set.contains(ip("2001:db8::8"))).isFalse();
    assertThat(set.contains(ip("198.51.100.1"))).isTrue();
    assertThat(set.ranges()).extracting(IpRange::prefixLength).containsExactly(32, 128, 32);
  }

  @Test
  void blocksHaveExactEdges() {
    IpRangeSet set = IpRangeSet.of("10.0.0.0/8", "2001:db8::/32", "fe80::/10", "8000::/1");
    assertThat(set.contains(ip("9.255.255.255"))).isFalse();
    assertThat(set.contains(ip("10.0.0.0"))).isTrue();
    assertThat(set.contains(ip("10.255.255.255"))).isTrue();
    assertThat(set.contains(ip("11.0.0.0"))).isFalse();
    assertThat(set.contains(ip("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff"))).isFalse();
    assertThat(set.contains(ip("2001:db8::"))).isTrue();
    assertThat(set.contains(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
    assertThat(set.contains(ip("2001:db9::"))).isFalse();
    assertThat(set.contains(ip("febf:ffff::1"))).isTrue();
    assertThat(set.contains(ip("fec0::"))).isTrue();
    assertThat(set.contains(ip("7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isFalse();
  }

  @Test
  void ipv4MappedBlocksAreIpv4Blocks() {
    IpRange range = IpRange.parse("::ffff:10.0.0.0/104");
    assertThat(range).isEqualTo(IpRange.parse("10.0.0.0/8"));
    assertThat(IpRange.parse("::ffff:0.0.0.0/96")).isEqualTo(IpRange.parse("0.0.0.0/0"));
    assertThatThrownBy(() -> IpRange.parse("::ffff:0.0.0.0/95"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'::ffff:0.0.0.0/95'")
        .hasMessageContaining("prefix of 96 to 128");
  }

  @Test
  void mergesOverlappingAndAdjacentRanges() {
    IpRangeSet set =
        IpRangeSet.of(
            "10.0.0.0/9", "10.128.0.0/9", "10.1.0.0/16", "10.0.0.0/8", "::/1", "8000::/1");
    assertThat(set.intervalCount()).isEqualTo(2);
    assertThat(set.contains(ip("10.200.0.1"))).isTrue();
    assertThat(set.contains(ip("ffff::"))).isTrue();
    assertThat(set.ranges()).hasSize(6);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0/33",
        "2001:db8::/129",
        "10.0.0.0/",
        "10.0.0.0/-1",
        "10.0.0.0/08",
        "10.0.0.0/8/8",
        "10.0.0.0 /8",
        "1.2.3",
        "1.2.3/24",
        "::g/64",
        "example.com/24",
        "localhost",
        "10.0.0.0/x",
      })
  void rejectsBadRangesNamingTheValue(String text) {
    assertThatThrownBy(() -> IpRange.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.1/8, 10.0.0.0/8", "2001:db8::1/32, 2001:db8::/32", "0.0.0.1/0, 0.0.0.0/0"})
  void rejectsHostBitsAndSuggestsTheBlock(String text, String block) {
    assertThatThrownBy(() -> IpRange.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("the block is " + block);
  }

  @Test
  void setRejectsTheFirstBadValueAndNulls() {
    assertThatThrownBy(() -> IpRangeSet.of("10.0.0.0/8", "bad", "also bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad'");
    assertThatThrownBy(() -> IpRangeSet.parse(java.util.Arrays.asList("10.0.0.0/8", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("range");
    assertThat(IpRangeSet.of().isEmpty()).isTrue();
    assertThat(IpRangeSet.empty().contains(ip("1.2.3.4"))).isFalse();
  }

  // -- property: membership agrees with a BigInteger reference ---------------------------------

  record Block(boolean v6, BigInteger network, int prefix) {
    int bits() {
      return v6 ? 128 : 32;
    }

    String text() {
      return toAddress(v6, network) + "/" + prefix;
    }

    boolean containsReference(boolean addressV6, BigInteger address) {
      int shift = bits() - prefix;
      return addressV6 == v6 && address.shiftRight(shift).equals(network.shiftRight(shift));
    }
  }

  static IpAddress toAddress(boolean v6, BigInteger value) {
    if (!v6) {
      return IpAddress.ofIpv4(value.intValue());
    }
    return IpAddress.ofIpv6(value.shiftRight(64).longValue(), value.longValue());
  }

  static boolean isMapped(BigInteger value) {
    return value.shiftRight(32).equals(BigInteger.valueOf(0xffff));
  }

  @Provide
  Arbitrary<List<Block>> blockLists() {
    return blocks().list().ofMaxSize(8);
  }

  Arbitrary<Block> blocks() {
    return Combinators.combine(
            Arbitraries.of(false, true),
            Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)),
            Arbitraries.integers().between(0, 128))
        .as(
            (v6, raw, prefix) -> {
              int bits = v6 ? 128 : 32;
              int p = prefix % (bits + 1);
              BigInteger value = raw.mod(BigInteger.ONE.shiftLeft(bits));
              BigInteger network = value.shiftRight(bits - p).shiftLeft(bits - p);
              return new Block(v6, network, p);
            })
        .filter(b -> !b.v6() || !isMapped(b.network()));
  }

  @Provide
  Arbitrary<BigInteger> addresses() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE))
        .filter(v -> !isMapped(v));
  }

  @Property(tries = 300)
  void membershipMatchesBigIntegerReference(
      @ForAll("blockLists") List<Block> blocks,
      @ForAll("addresses") BigInteger probe,
      @ForAll int nearIndex) {
    List<String> texts = new ArrayList<>();
    blocks.forEach(b -> texts.add(b.text()));
    IpRangeSet set = IpRangeSet.parse(texts);
    List<BigInteger> probes = new ArrayList<>(List.of(probe));
    if (!blocks.isEmpty()) {
      Block near = blocks.get(Math.floorMod(nearIndex, blocks.size()));
      BigInteger size = BigInteger.ONE.shiftLeft(near.bits() - near.prefix());
      BigInteger last = near.network().add(size).subtract(BigInteger.ONE);
      probes.addAll(
          List.of(
              near.network(),
              last,
              near.network().subtract(BigInteger.ONE),
              last.add(BigInteger.ONE)));
    }
    for (BigInteger p : probes) {
      for (boolean v6 : new boolean[] {false, true}) {
        BigInteger value = p.mod(BigInteger.ONE.shiftLeft(v6 ? 128 : 32));
        if (v6 && isMapped(value)) {
          continue;
        }
        boolean expected = blocks.stream().anyMatch(b -> b.containsReference(v6, value));
        IpAddress address = toAddress(v6, value);
        assertThat(set.contains(address)).as("%s in %s", address, texts).isEqualTo(expected);
        boolean single = blocks.stream().anyMatch(b -> IpRange.parse(b.text()).contains(address));
        assertThat(single).isEqualTo(expected);
      }
    }
  }
}
