package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.security.waf.transform.Transformations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;

/**
 * {@link CharTriggers} only ever predicts "unchanged" rightly: a value holding none of a
 * transformation's trigger chars comes back equal from it, for every transformation the table
 * lists, and a chain prefix whose triggers a value misses gives the value back through the {@link
 * ValueCache} as the functions applied one by one do. Values are drawn from a few chars at a time
 * (so that many miss every trigger), among the 256 byte chars and some wider ones.
 */
class CharTriggersPropertyTest {
  /** Every transformation {@link CharTriggers} gives fewer than all 256 chars. */
  static final List<String> LISTED =
      List.of(
          "lowercase",
          "uppercase",
          "compressWhitespace",
          "trim",
          "trimLeft",
          "trimRight",
          "removeWhitespace",
          "removeNulls",
          "replaceNulls",
          "cmdLine",
          "urlDecode",
          "urlDecodeUni",
          "htmlEntityDecode",
          "jsDecode",
          "cssDecode",
          "escapeSeqDecode",
          "replaceComments",
          "normalizePath",
          "normalizePathWin",
          "utf8toUnicode");

  private static final Location HERE = new Location("test", 1);

  @Provide
  Arbitrary<String> values() {
    Arbitrary<Character> any =
        Arbitraries.oneOf(
            Arbitraries.chars().range('\0', (char) 0xFF),
            Arbitraries.of(' ', '/', '.', '*', '%', '+', '&', '\\', 'A', 'z', '0', '\t'),
            Arbitraries.of('\u0100', '\u20ac', '\uffff'));
    return any.set()
        .ofMinSize(1)
        .ofMaxSize(5)
        .flatMap(
            chars ->
                Arbitraries.of(List.copyOf(chars))
                    .list()
                    .ofMaxSize(12)
                    .map(l -> l.stream().map(String::valueOf).reduce("", String::concat)));
  }

  @Provide
  Arbitrary<List<String>> chains() {
    List<String> names = new ArrayList<>(LISTED);
    names.add("base64Decode");
    names.add("lowercase");
    names.add("uppercase");
    names.add("sha1");
    return Arbitraries.of(names).list().ofMinSize(1).ofMaxSize(5);
  }

  @Property(tries = 3000)
  void aValueWithoutTriggersComesBackEqual(
      @ForAll("values") String value, @ForAll("transformation") String name) {
    long[] chars = new long[CharTriggers.WORDS];
    CharTriggers.addChars(value, chars);
    long[] triggers = CharTriggers.of(name);
    boolean misses = true;
    for (int w = 0; w < CharTriggers.WORDS; w++) {
      misses &= (chars[w] & triggers[w]) == 0;
    }
    if (misses) {
      assertThat(Transformations.byName(name).orElseThrow().apply(value))
          .as("%s of %s", name, escaped(value))
          .isEqualTo(value);
    }
  }

  @Provide
  Arbitrary<String> transformation() {
    return Arbitraries.of(LISTED);
  }

  @Property(tries = 1500)
  void theCacheGivesWhatTheFunctionsGive(
      @ForAll("values") String value, @ForAll("chains") List<String> names) {
    CompiledTransforms trie = new CompiledTransforms();
    CompiledTransforms.Chain chain = trie.chain(names, HERE);
    ValueCache cache =
        new ValueCache(
            trie.nodeCount(), dev.tdeveloper.security.waf.regex.LiteralIndex.of(List.of()));
    ValueCache.Row row = cache.row(value);
    for (int n = chain.length(); n >= 1; n--) {
      String plain = value;
      for (int i = 0; i < n; i++) {
        plain = chain.functions()[i].apply(plain);
      }
      assertThat(cache.transform(row, chain, value, n))
          .as("%s of %s", names.subList(0, n), escaped(value))
          .isEqualTo(plain);
    }
  }

  @Property(tries = 1500)
  void aValueWithoutCaseTriggersKeepsAllButCase(
      @ForAll("values") String value, @ForAll("chains") List<String> names) {
    CompiledTransforms.Chain chain = new CompiledTransforms().chain(names, HERE);
    ValueCache.Row row =
        new ValueCache(
                chain.length() + 8, dev.tdeveloper.security.waf.regex.LiteralIndex.of(List.of()))
            .row(value);
    String plain = value;
    for (int n = 1; n <= chain.length(); n++) {
      plain = chain.functions()[n - 1].apply(plain);
      if (row.keepsUpToCase(chain, n)) {
        assertThat(asciiLower(plain))
            .as("%s of %s", names.subList(0, n), escaped(value))
            .isEqualTo(asciiLower(value));
      }
    }
  }

  private static String asciiLower(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  @Example
  void unlistedTransformationsMayChangeAnything() {
    for (String name : Set.of("base64Decode", "sha1", "md5", "hexEncode", "length", "none")) {
      assertThat(CharTriggers.of(name)).containsExactly(-1L, -1L, -1L, -1L, CharTriggers.ANY);
    }
    assertThat(CharTriggers.of("urlDecode")).containsExactly(1L << '%' | 1L << '+', 0, 0, 0, 0);
  }

  @Property(tries = 2000)
  void addsExactlyTheValuesCharsToWhatTheSetHeld(
      @ForAll @CharRange(from = 0, to = 0x17F) String value,
      @ForAll long first,
      @ForAll long second) {
    long[] chars = {first, second, 0, 0, 0};
    CharTriggers.addChars(value, chars);
    long[] expected = {first, second, 0, 0, CharTriggers.ANY};
    for (char c : value.toCharArray()) {
      if (c > 0xFF) {
        expected = new long[] {-1L, -1L, -1L, -1L, CharTriggers.ANY};
        break;
      }
      expected[c >>> 6] |= 1L << c;
    }
    assertThat(chars).as(escaped(value)).containsExactly(expected);
  }

  @Example
  void aWideCharHoldsEveryTrigger() {
    long[] chars = new long[CharTriggers.WORDS];
    CharTriggers.addChars("ab\u20acc", chars);
    assertThat(chars).containsExactly(-1L, -1L, -1L, -1L, CharTriggers.ANY);
  }

  @Example
  void theEmptyValueHoldsOnlyAny() {
    long[] chars = new long[CharTriggers.WORDS];
    CharTriggers.addChars("", chars);
    assertThat(chars).containsExactly(0, 0, 0, 0, CharTriggers.ANY);
  }

  private static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= ' ' && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return b.toString();
  }
}
