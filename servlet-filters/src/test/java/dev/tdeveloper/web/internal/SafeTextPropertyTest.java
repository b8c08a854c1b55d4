package dev.tdeveloper.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link SafeText} returns a plain text that needs no escape or cut without copying it; whatever
 * the input, it answers what the escaping loop alone (kept here as written before) answers.
 */
class SafeTextPropertyTest {
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcXYZ019/._- ?=").ofMaxLength(20),
        Arbitraries.strings()
            .withChars("ab/<>&\"\\'\u0000\n\u007f\u00e9\ud83d\ude00")
            .ofMaxLength(20));
  }

  @Property(tries = 2000)
  void cleanAnswersWhatTheLoopAnswers(
      @ForAll("texts") String s, @ForAll @IntRange(min = 1, max = 25) int limit) {
    assertThat(SafeText.clean(s, limit)).isEqualTo(loop(s, limit, false));
  }

  @Property(tries = 2000)
  void quoteAnswersWhatTheLoopAnswers(@ForAll("texts") String s) {
    assertThat(SafeText.quote(s)).isEqualTo("'" + loop(s, SafeText.DEFAULT_LIMIT, true) + "'");
  }

  private static String loop(String untrusted, int limit, boolean escapeQuote) {
    int kept = Math.min(untrusted.length(), limit);
    StringBuilder out = new StringBuilder(kept + 16);
    for (int i = 0; i < kept; i++) {
      char c = untrusted.charAt(i);
      boolean plain =
          c >= 0x20
              && c < 0x7f
              && c != '<'
              && c != '>'
              && c != '&'
              && c != '"'
              && c != '\\'
              && !(escapeQuote && c == '\'');
      if (plain) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (untrusted.length() > kept) {
      out.append("... (").append(untrusted.length()).append(" characters)");
    }
    return out.toString();
  }
}
