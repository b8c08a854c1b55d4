package dev.tdeveloper.security.waf.operator;

import static dev.tdeveloper.security.waf.operator.Ops.eval;
import static dev.tdeveloper.security.waf.operator.Ops.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.ByteStrings;
import dev.tdeveloper.security.waf.WafException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodingValidatorsTest {
  private static String bytes(int... values) {
    StringBuilder s = new StringBuilder();
    for (int v : values) {
      s.append((char) v);
    }
    return s.toString();
  }

  @Test
  void validUrlEncodingDoesNotMatch() {
    Operator op = op("validateUrlEncoding", "");
    assertThat(eval(op, "")).isFalse();
    assertThat(eval(op, "a=%41%4a%ff&b=c+d")).isFalse();
    assertThat(eval(op, "%41")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "a%", "a%4", "%4g", "%g4", "%%41", "x=%u0041", "100%"})
  void invalidOrTruncatedUrlEncodingMatches(String input) {
    assertThat(eval(op("validateUrlEncoding", ""), input)).isTrue();
  }

  @Test
  void validUtf8DoesNotMatch() {
    Operator op = op("validateUtf8Encoding", "");
    assertThat(eval(op, "")).isFalse();
    assertThat(eval(op, "plain ascii \u0000 with nul")).isFalse();
    assertThat(eval(op, ByteStrings.ofUtf8("h\u00e9llo \u20ac \ud83d\ude00 \uffff"))).isFalse();
    assertThat(eval(op, bytes(0xF4, 0x8F, 0xBF, 0xBF))).isFalse();
  }

  @Test
  void invalidUtf8Matches() {
    Operator op = op("validateUtf8Encoding", "");
    assertThat(eval(op, bytes(0x80))).as("stray continuation").isTrue();
    assertThat(eval(op, bytes('a', 0xC3))).as("truncated at end").isTrue();
    assertThat(eval(op, bytes(0xE2, 0x82))).as("truncated 3-byte").isTrue();
    assertThat(eval(op, bytes(0xC3, 0x41))).as("missing continuation").isTrue();
    assertThat(eval(op, bytes(0xC0, 0xAF))).as("overlong /").isTrue();
    assertThat(eval(op, bytes(0xC1, 0xBF))).as("overlong 2-byte").isTrue();
    assertThat(eval(op, bytes(0xE0, 0x80, 0xAF))).as("overlong 3-byte").isTrue();
    assertThat(eval(op, bytes(0xF0, 0x80, 0x80, 0xAF))).as("overlong 4-byte").isTrue();
    assertThat(eval(op, bytes(0xED, 0xA0, 0x80))).as("surrogate").isTrue();
    assertThat(eval(op, bytes(0xF4, 0x90, 0x80, 0x80))).as("above U+10FFFF").isTrue();
    assertThat(eval(op, bytes(0xF5, 0x80, 0x80, 0x80))).as("lead F5").isTrue();
    assertThat(eval(op, bytes(0xF8, 0x88, 0x80, 0x80, 0x80))).as("5-byte form").isTrue();
    assertThat(eval(op, bytes(0xFF))).isTrue();
    assertThat(eval(op, "\u0100")).as("not a byte string").isTrue();
  }

  @Property(tries = 2000)
  void utf8VerdictAgreesWithTheJdksStrictDecoder(@ForAll @Size(max = 12) byte[] raw) {
    boolean jdkValid;
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw));
      jdkValid = true;
    } catch (CharacterCodingException e) {
      jdkValid = false;
    }
    assertThat(EncodingValidators.invalidUtf8(ByteStrings.of(raw))).isEqualTo(!jdkValid);
  }

  @Property(tries = 300)
  void encodedTextIsValidUtf8(@ForAll String text) {
    assertThat(EncodingValidators.invalidUtf8(ByteStrings.ofUtf8(text))).isFalse();
  }

  @Test
  void byteRangeMatchesBytesOutsideTheList() {
    Operator printable = op("validateByteRange", "32-126");
    assertThat(eval(printable, "Hello, World!")).isFalse();
    assertThat(eval(printable, "tab\there")).isTrue();
    assertThat(eval(printable, "\u007f")).isTrue();
    assertThat(eval(printable, "")).isFalse();
    Operator noNul = op("validateByteRange", "1-255");
    assertThat(eval(noNul, "a\u00ffb")).isFalse();
    assertThat(eval(noNul, "a\u0000b")).isTrue();
    Operator crs = op("validateByteRange", "38,44-46,48-58,61,65-90,95,97-122");
    assertThat(eval(crs, "a=b&c.d_E:9")).isFalse();
    assertThat(eval(crs, "a b")).isTrue();
    assertThat(eval(op("validateByteRange", " 9, 10 ,13,32-126,128-255"), "x\r\n\u0080")).isFalse();
    assertThat(eval(op("validateByteRange", "0-255"), "\u0000\u00ff")).isFalse();
    assertThat(eval(op("validateByteRange", "0-255"), "\u0100")).isTrue();
  }

  @Test
  void byteRangeRefusesBadLists() {
    assertThatThrownBy(() -> op("validateByteRange", ""))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith("rules.conf:7: @validateByteRange: no byte ranges; \"\"; allowed:");
    assertThatThrownBy(() -> op("validateByteRange", "1-256"))
        .hasMessageContaining("byte value above 255: 1-256");
    assertThatThrownBy(() -> op("validateByteRange", "200-100"))
        .hasMessageContaining("range start above its end: 200-100");
    assertThatThrownBy(() -> op("validateByteRange", "1,,2")).hasMessageContaining("not a byte");
    assertThatThrownBy(() -> op("validateByteRange", "a-z")).hasMessageContaining("not a byte");
    assertThatThrownBy(() -> op("validateByteRange", "-1")).hasMessageContaining("not a byte");
    assertThatThrownBy(() -> op("validateByteRange", "1-")).hasMessageContaining("not a byte");
  }
}
