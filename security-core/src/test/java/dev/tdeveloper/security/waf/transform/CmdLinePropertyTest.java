package dev.tdeveloper.security.waf.transform;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code cmdLine} scans for the first char that changes the value before it copies anything: it
 * must give what the plain single pass (below, as it was) gives, and the value itself when nothing
 * changes.
 */
class CmdLinePropertyTest {

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(" /(\"'\\^,;\t\r\naAzZ09-").ofMaxLength(24),
        Arbitraries.strings().withChars(" /(ab").ofMaxLength(24),
        Arbitraries.strings().ofMaxLength(16));
  }

  @Property(tries = 2000)
  void fastCmdLineIsThePlainOne(@ForAll("values") String s) {
    String fast = TextNormalizers.cmdLine(s);
    String plain = plain(s);
    assertThat(fast).isEqualTo(plain);
    if (plain.equals(s)) {
      assertThat(fast).isSameAs(s);
    }
  }

  /** The single pass cmdLine was: writes every char, returns the input when nothing changed. */
  private static String plain(String s) {
    int n = s.length();
    char[] out = new char[n];
    int d = 0;
    boolean space = false;
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\'', '\\', '^' -> changed = true;
        case ' ', ',', ';', '\t', '\r', '\n' -> {
          if (space) {
            changed = true;
          } else {
            changed |= c != ' ';
            out[d++] = ' ';
            space = true;
          }
        }
        case '/', '(' -> {
          if (space) {
            d--;
            changed = true;
          }
          space = false;
          out[d++] = c;
        }
        default -> {
          char l = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
          changed |= l != c;
          out[d++] = l;
          space = false;
        }
      }
    }
    return changed ? new String(out, 0, d) : s;
  }
}
