package dev.tdeveloper.security.waf.libinjection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SqlFingerprintsTest {
  private static boolean inSet(String fingerprint) {
    return SqlFingerprints.contains(fingerprint.toCharArray(), fingerprint.length());
  }

  @Test
  void holdsTheClassicShapes() {
    for (String f :
        new String[] {"s&1o1", "s&sos", "1UE1,", "sUEn", "1;Ek", "s;T", "1&f(1", "sc"}) {
      assertThat(inSet(f)).as(f).isTrue();
    }
  }

  @Test
  void holdsNoProseShapes() {
    for (String f :
        new String[] {"nn", "n&n", "1&1n", "nnn", "sn", "snsns", "En&n", "nUEn", "1c"}) {
      assertThat(inSet(f)).as(f).isFalse();
    }
  }

  @Test
  void prefixEntriesAcceptAnyContinuation() {
    assertThat(inSet("1UE")).isTrue();
    assertThat(inSet("1UEnn")).isTrue();
    assertThat(inSet("1;T")).isTrue();
  }

  @Test
  void expandsOptionalItemsAndTruncatesAtFiveTokens() {
    Set<String> exact = new TreeSet<>();
    Set<String> prefixes = new TreeSet<>();
    SqlGrammar.expand("START = s <X>? c\nX = & 1 o 1 o 1 | )", exact, prefixes);
    assertThat(exact).containsExactlyInAnyOrder("sc", "s)c", "s&1o1");
    assertThat(prefixes).isEmpty();
  }

  @Test
  void rejectsUnknownProductions() {
    assertThatThrownBy(
            () -> SqlGrammar.expand("START = s <NOPE>", new TreeSet<>(), new TreeSet<>()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NOPE");
  }

  @Test
  void generatesASetOfManageableSize() {
    int[] sizes = SqlFingerprints.sizes();
    assertThat(sizes[0]).isBetween(500, 20_000);
    assertThat(sizes[1]).isBetween(50, 2_000);
  }
}
