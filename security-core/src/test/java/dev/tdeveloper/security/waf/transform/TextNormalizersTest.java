package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.Tfn.check;
import static dev.tdeveloper.security.waf.transform.Tfn.unchanged;

import org.junit.jupiter.api.Test;

class TextNormalizersTest {
  @Test
  void lowercaseChangesOnlyAsciiLetters() {
    check("lowercase", "SELECT * FROM T\u00C0\u00DE", "select * from t\u00C0\u00DE");
    unchanged("lowercase", "already lower \u00C0");
  }

  @Test
  void uppercaseChangesOnlyAsciiLetters() {
    check("uppercase", "union select \u00e0", "UNION SELECT \u00e0");
    unchanged("uppercase", "NO LOWER 1\u00ff");
  }

  @Test
  void compressWhitespaceTurnsEachRunIntoOneSpace() {
    check("compressWhitespace", "a \t\r\n\u000B\fb  c", "a b c");
    check("compressWhitespace", "\tlead", " lead");
    unchanged("compressWhitespace", "one space each");
  }

  @Test
  void compressWhitespaceLeavesNonBreakingSpaceAsLibmodsecurityV3Does() {
    check("compressWhitespace", "a\u00A0\u00A0 \tb", "a\u00A0\u00A0 b");
  }

  @Test
  void removeWhitespaceDeletesSpacesAndNonBreakingSpaces() {
    check("removeWhitespace", " u n\ti\u00A0o\r\nn ", "union");
    unchanged("removeWhitespace", "none");
  }

  @Test
  void removeNullsAndReplaceNulls() {
    check("removeNulls", "\0a\0\0b\0", "ab");
    check("replaceNulls", "\0a\0b", " a b");
    unchanged("removeNulls", "abc");
    unchanged("replaceNulls", "abc");
  }

  @Test
  void trimVariantsRemoveCWhitespaceOnTheirSides() {
    check("trim", " \t\n abc \r\u000B\f", "abc");
    check("trimLeft", " \t abc  ", "abc  ");
    check("trimRight", "  abc \t ", "  abc");
    check("trim", "   ", "");
    check("trim", "\u00A0abc\u00A0", "\u00A0abc\u00A0");
    unchanged("trim", "abc");
  }

  @Test
  void cmdLineAppliesModSecurityShellNormalisation() {
    // The reference manual's examples: all of these become the same command.
    check("cmdLine", "c^ommand /c", "command/c");
    check("cmdLine", "\"command\" /c", "command/c");
    check("cmdLine", "command,/c", "command/c");
    check("cmdLine", "COMMAND ; /C", "command/c");
    check("cmdLine", "cat\t/etc/passwd", "cat/etc/passwd");
    check("cmdLine", "echo  ,;\t\r\nfoo", "echo foo");
    check("cmdLine", "f\\o'o\"", "foo");
    check("cmdLine", "exec ^ (x)", "exec(x)");
    check("cmdLine", " ls", " ls");
    unchanged("cmdLine", "ls -la");
  }

  @Test
  void parityTransformationsSetOrClearTheHighBit() {
    // 'A' = 0x41 has two bits set (even), 'C' = 0x43 three (odd).
    check("parityEven7bit", "AC", "A\u00C3");
    check("parityOdd7bit", "AC", "\u00C1C");
    check("parityZero7bit", "\u00C1\u00FFa", "A\u007Fa");
    // ModSecurity counts all eight bits: 0x81 has an even count, so bit 7 is cleared.
    check("parityEven7bit", "\u0081", "\u0001");
    unchanged("parityZero7bit", "plain");
  }
}
