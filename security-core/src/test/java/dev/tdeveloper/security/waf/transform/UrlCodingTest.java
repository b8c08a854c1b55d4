package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.Tfn.check;
import static dev.tdeveloper.security.waf.transform.Tfn.unchanged;

import org.junit.jupiter.api.Test;

class UrlCodingTest {
  @Test
  void urlDecodeDecodesPercentEscapesAndPlus() {
    check("urlDecode", "Test+Case%20%41%62%2F%00%ff%FF", "Test Case Ab/\0\u00FF\u00FF");
    unchanged("urlDecode", "nothing-to-do");
  }

  @Test
  void urlDecodeKeepsInvalidAndTruncatedEscapes() {
    check("urlDecode", "%+", "% ");
    check("urlDecode", "%%20", "% ");
    check("urlDecode", "%0g%20", "%0g ");
    check("urlDecode", "%g0%20", "%g0 ");
    check("urlDecode", "%", "%");
    check("urlDecode", "%0", "%0");
    check("urlDecode", "%gg", "%gg");
    // urlDecode knows nothing of %u.
    check("urlDecode", "%u0041", "%u0041");
  }

  @Test
  void urlDecodeUniKeepsTheLowByteOfPercentU() {
    check("urlDecodeUni", "%u0041%u1142%U0043", "ABC");
    check("urlDecodeUni", "%u0000%u00ff", "\0\u00FF");
  }

  @Test
  void urlDecodeUniMapsFullWidthAsciiToAscii() {
    // U+FF01..U+FF5E are full-width forms of '!'..'~'.
    check("urlDecodeUni", "%uff01%uFF1C%uff53%uff5e", "!<s~");
    // Outside that range only the low byte is kept.
    check("urlDecodeUni", "%uff00%uff5f%uff7f%uffff", "\0_\u007F\u00FF");
  }

  @Test
  void urlDecodeUniKeepsInvalidPercentUAndGoesOn() {
    check("urlDecodeUni", "%u%u0020", "%u ");
    check("urlDecodeUni", "%u0%u0020", "%u0 ");
    check("urlDecodeUni", "%u000g%u0020", "%u000g ");
    check("urlDecodeUni", "%%u0020", "% ");
    check("urlDecodeUni", "%u00", "%u00");
    check("urlDecodeUni", "%u", "%u");
    check("urlDecodeUni", "%0%1%a%f", "%0%1%a%f");
  }

  @Test
  void urlDecodeUniDecodesEveryByteEscape() {
    StringBuilder in = new StringBuilder();
    StringBuilder out = new StringBuilder();
    for (int b = 0; b < 256; b++) {
      in.append(String.format("%%%02x", b));
      out.append((char) b);
    }
    check("urlDecodeUni", in.toString(), out.toString());
  }

  @Test
  void urlEncodeKeepsAlphanumericsAndStarAndWritesLowercaseHex() {
    check("urlEncode", "a b*Z9", "a+b*Z9");
    check("urlEncode", "<script>/\0\u00FF-._~", "%3cscript%3e%2f%00%ff%2d%2e%5f%7e");
    unchanged("urlEncode", "abcXYZ019*");
  }
}
