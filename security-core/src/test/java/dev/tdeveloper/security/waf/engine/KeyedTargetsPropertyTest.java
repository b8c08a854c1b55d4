package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyedTargets} keeps each key's target name across requests: whatever keys and values come
 * (repeated, differing only in case, longer than the memo keeps, equal to their key, more than the
 * memo holds), each target must be the one built plainly, {@code VARIABLE:key} with the key and
 * value.
 */
class KeyedTargetsPropertyTest {
  private static final List<String> VARIABLES =
      List.of("ARGS", "ARGS_NAMES", "REQUEST_HEADERS", "REQUEST_HEADERS_NAMES", "REQUEST_COOKIES");

  @Provide
  Arbitrary<List<Tuple.Tuple3<String, String, String>>> uses() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of("host", "Host", "user-agent", "id", "", "a:b"),
            Arbitraries.strings().withChars("aA-_:é").ofMaxLength(6),
            Arbitraries.strings().withChars("ab").ofMinLength(120).ofMaxLength(140));
    Arbitrary<String> values = Arbitraries.oneOf(keys, Arbitraries.strings().ofMaxLength(10));
    return Combinators.combine(Arbitraries.of(VARIABLES), keys, values)
        .as(Tuple::of)
        .list()
        .ofMaxSize(60);
  }

  @Property(tries = 300)
  void targetsAreThePlainOnes(@ForAll("uses") List<Tuple.Tuple3<String, String, String>> uses) {
    for (Tuple.Tuple3<String, String, String> u : uses) {
      Target t = KeyedTargets.of(u.get1()).target(u.get2(), u.get3());
      assertThat(t).isEqualTo(new Target(u.get1() + ":" + u.get2(), u.get2(), u.get3()));
    }
  }

  @Test
  void displacedKeysStillGetTheirOwnTargets() {
    KeyedTargets headers = KeyedTargets.of("REQUEST_HEADERS_NAMES");
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 4 * StringMemo.SIZE; i++) {
        String k = "x-header-" + i;
        assertThat(headers.target(k, k)).isEqualTo(new Target("REQUEST_HEADERS_NAMES:" + k, k, k));
      }
    }
  }
}
