package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.Tfn.check;
import static dev.tdeveloper.security.waf.transform.Tfn.unchanged;

import org.junit.jupiter.api.Test;

class EscapeDecodersTest {
  @Test
  void htmlEntityDecodeDecodesNumericAndKnownNamedEntities() {
    check(
        "htmlEntityDecode",
        "&#x0;&#X0;&#x20;&#X20;&#0;&#32;\0&#100;&quot;&amp;&lt;&gt;&nbsp;",
        "\0\0  \0 \0d\"&<>\u00A0");
    check(
        "htmlEntityDecode",
        "&#x0&#X0&#x20&#X20&#0&#32\0&#100&quot&amp&lt&gt&nbsp",
        "\0\0  \0 \0d\"&<>\u00A0");
    check("htmlEntityDecode", "&LT;script&GT;&QuOt;", "<script>\"");
    unchanged("htmlEntityDecode", "TestCase");
  }

  @Test
  void htmlEntityDecodeLeavesMalformedAndUnknownEntities() {
    check(
        "htmlEntityDecode",
        "&#xg;&#Xg;&#xg0;&#X2g;&#a;\0&#a2;&#3a&#a00;&#1a0;&#10a;&foo;",
        "&#xg;&#Xg;&#xg0;\u0002g;&#a;\0&#a2;\u0003a&#a00;\u0001a0;\na;&foo;");
    check("htmlEntityDecode", "&copy;&;&#;&#x;&", "&copy;&;&#;&#x;&");
    check("htmlEntityDecode", "&#", "&#");
    check("htmlEntityDecode", "&#x", "&#x");
    check("htmlEntityDecode", "&ampx;", "&ampx;");
  }

  @Test
  void htmlEntityDecodeKeepsTheLowByteOfLargeCodePoints() {
    check("htmlEntityDecode", "&#x3c;&#x13c;&#316;", "<<<");
    // strtol saturates at LONG_MAX, whose low byte is 0xFF.
    check("htmlEntityDecode", "&#99999999999999999999999;", "\u00FF");
    check("htmlEntityDecode", "&#xfffffffffffffffffff;", "\u00FF");
  }

  @Test
  void jsDecodeDecodesJavaScriptEscapes() {
    check(
        "jsDecode",
        "\\a\\b\\f\\n\\r\\t\\v\\?\\'\\\"\\0\\12\\123\\x00\\xff\\u0021\\uff01",
        "\u0007\b\f\n\r\t\u000B?'\"\0\nS\0\u00FF!!");
    check("jsDecode", "\\u003cscript\\u003e", "<script>");
    unchanged("jsDecode", "no escapes");
  }

  @Test
  void jsDecodeHandlesInvalidAndTruncatedEscapes() {
    check(
        "jsDecode",
        "\\8\\9\\666\\u00ag\\u00ga\\u0zaa\\uz0aa\\xag\\xga\\0123\\u00a",
        "8966u00agu00gau0zaauz0aaxagxga\n3u00a");
    check("jsDecode", "\\x", "x");
    check("jsDecode", "\\x\\x0", "xx0");
    check("jsDecode", "\\u\\u0\\u01\\u012\0", "uu0u01u012\0");
    check("jsDecode", "\\\\0", "\\0");
    check("jsDecode", "\\", "\\");
    check("jsDecode", "\\X41\\U0041", "X41U0041");
  }

  @Test
  void cssDecodeDecodesHexEscapes() {
    check(
        "cssDecode",
        "test\\a\\b\\f\\n\\r\\t\\v\\?\\'\\\"\\0\\12\\123\\1234\\12345\\123456\\ff01\\ff5e\\\n\\0  string",
        "test\n\u000B\u000Fnrtv?'\"\0\u0012#4EV!~\0 string");
    check("cssDecode", "\\1A\\1 A\\1234567\\123456 7\\1x\\1 x", "\u001A\u0001AV7V7\u0001x\u0001x");
    // Six digits with two leading zeros, five with one, and four: full-width checked.
    check("cssDecode", "\\00003c\\0ff3c\\ff3c\\1ff3c", "<\\\\<");
    unchanged("cssDecode", "Test\0Case");
  }

  @Test
  void cssDecodeDropsADanglingBackslash() {
    check("cssDecode", "test\\", "test");
    check("cssDecode", "ja\\vascript", "javascript");
    check("cssDecode", "jav\\ascript", "jav\nscript");
    check("cssDecode", "ex\\pression", "expression");
  }

  @Test
  void escapeSeqDecodeDecodesAnsiCEscapes() {
    check(
        "escapeSeqDecode",
        "\\a\\b\\f\\n\\r\\t\\v\\?\\'\\\"\\0\\12\\123\\x00\\xff\\X41",
        "\u0007\b\f\n\r\t\u000B?'\"\0\nS\0\u00FFA");
    check("escapeSeqDecode", "\\01", "\u0001");
    check("escapeSeqDecode", "\\012", "\n");
    unchanged("escapeSeqDecode", "TestCase");
  }

  @Test
  void escapeSeqDecodeDropsTheBackslashOfUnknownEscapes() {
    check("escapeSeqDecode", "\\8\\9\\666\\xag\\xga\\0123", "89\u00B6xagxga\n3");
    check("escapeSeqDecode", "\\x", "x");
    check("escapeSeqDecode", "\\x\\x0", "xx0");
    check("escapeSeqDecode", "\\\\u0000", "\\u0000");
    check("escapeSeqDecode", "\\", "\\");
  }
}
