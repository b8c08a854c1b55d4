package dev.tdeveloper.security.waf.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.seclang.SecLangNames;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class TransformationsPropertyTest {
  private static final List<String> NAMES = List.copyOf(SecLangNames.TRANSFORMATIONS);

  @Provide
  Arbitrary<String> byteStrings() {
    // Bias towards the bytes the decoders react to, so escapes and their broken forms are common.
    Arbitrary<Character> syntax =
        Arbitraries.of(
            '%', 'u', 'U', '+', '&', '#', 'x', ';', '\\', '/', '.', '*', '-', '<', '!', '>', '0',
            'f', 'F', 'a', '=', ' ', '\t', '\0', '\u00C3', '\u00E2', '\u0080', '\u00FF');
    Arbitrary<Character> anyByte = Arbitraries.chars().range('\0', '\u00FF');
    return Arbitraries.frequencyOf(Tuple.of(3, syntax), Tuple.of(2, anyByte))
        .list()
        .ofMaxSize(64)
        .map(
            cs -> {
              StringBuilder b = new StringBuilder(cs.size());
              cs.forEach(b::append);
              return b.toString();
            });
  }

  @Property(tries = 2000)
  void noTransformationThrowsOrLeavesTheByteRange(@ForAll("byteStrings") String input) {
    for (String name : NAMES) {
      String out = Tfn.apply(name, input);
      int max = 0;
      for (int i = 0; i < out.length(); i++) {
        max = Math.max(max, out.charAt(i));
      }
      if (max > 0xFF) {
        assertThat(max).as("%s(%s)", name, Tfn.printable(input)).isLessThanOrEqualTo(0xFF);
      }
    }
  }

  @Property(tries = 500)
  void decodersNeverLengthenTheirInput(@ForAll("byteStrings") String input) {
    for (String name :
        new String[] {
          "urlDecode",
          "urlDecodeUni",
          "htmlEntityDecode",
          "jsDecode",
          "cssDecode",
          "escapeSeqDecode",
          "removeComments",
          "replaceComments",
          "removeCommentsChar",
          "normalizePath",
          "normalizePathWin",
          "cmdLine",
          "compressWhitespace",
          "sqlHexDecode",
          "base64Decode",
          "base64DecodeExt",
          "hexDecode"
        }) {
      assertThat(Tfn.apply(name, input).length()).as(name).isLessThanOrEqualTo(input.length());
    }
  }

  @Property(tries = 500)
  void encodersRoundTrip(@ForAll("byteStrings") String input) {
    assertThat(Tfn.apply("hexDecode", Tfn.apply("hexEncode", input))).isEqualTo(input);
    assertThat(Tfn.apply("base64Decode", Tfn.apply("base64Encode", input))).isEqualTo(input);
    assertThat(Tfn.apply("base64DecodeExt", Tfn.apply("base64Encode", input))).isEqualTo(input);
    assertThat(Tfn.apply("urlDecode", Tfn.apply("urlEncode", input))).isEqualTo(input);
  }
}
