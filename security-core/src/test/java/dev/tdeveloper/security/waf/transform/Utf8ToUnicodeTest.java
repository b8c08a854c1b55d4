package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.Tfn.apply;
import static dev.tdeveloper.security.waf.transform.Tfn.check;
import static dev.tdeveloper.security.waf.transform.Tfn.unchanged;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.ByteStrings;
import org.junit.jupiter.api.Test;

class Utf8ToUnicodeTest {
  @Test
  void writesWellFormedSequencesAsPercentU() {
    check("utf8toUnicode", ByteStrings.ofUtf8("caf\u00e9"), "caf%u00e9");
    check("utf8toUnicode", ByteStrings.ofUtf8("\u0415\u0441"), "%u0415%u0441");
    check("utf8toUnicode", ByteStrings.ofUtf8("\u20ac1"), "%u20ac1");
    check("utf8toUnicode", ByteStrings.ofUtf8("\uD83D\uDE00"), "%u1f600");
    check("utf8toUnicode", ByteStrings.ofUtf8("\uFF1Cscript\uFF1E"), "%uff1cscript%uff1e");
    unchanged("utf8toUnicode", "plain ascii \0 stays");
  }

  @Test
  void urlDecodeUniAfterUtf8toUnicodeRecoversFullWidthAttacks() {
    String fullWidth = ByteStrings.ofUtf8("\uFF1Cscript\uFF1E");
    assertThat(apply("urlDecodeUni", apply("utf8toUnicode", fullWidth))).isEqualTo("<script>");
  }

  @Test
  void writesOverlongFormsFollowedByTheRawLeadByte() {
    // C0 AF is an overlong '/'; E0 80 AF an overlong '/' in three bytes.
    check("utf8toUnicode", "\u00C0\u00AF", "%u002f\u00C0");
    check("utf8toUnicode", "\u00E0\u0080\u00AF", "%u002f\u00E0");
    check("utf8toUnicode", "\u00F0\u0080\u0080\u00AF", "%u002f\u00F0");
  }

  @Test
  void writesSurrogatesFollowedByTheRawLeadByte() {
    check("utf8toUnicode", "\u00ED\u00A0\u0080", "%ud800\u00ED");
  }

  @Test
  void dropsALeadByteWithMissingOrWrongContinuation() {
    check("utf8toUnicode", "a\u00C3", "a");
    check("utf8toUnicode", "\u00C3(", "(");
    check("utf8toUnicode", "\u00E2\u0082", "\u0082");
    check("utf8toUnicode", "\u00F0\u009F\u0098", "\u009F\u0098");
  }

  @Test
  void keepsBytesThatCannotStartASequence() {
    check("utf8toUnicode", "\u0080\u00BF\u00F8\u00FF", "\u0080\u00BF\u00F8\u00FF");
  }

  @Test
  void writesALeadBeyondUnicodeRawBeforeItsDecoding() {
    check("utf8toUnicode", "\u00F5\u0080\u0080\u0080", "\u00F5%u140000");
  }
}
