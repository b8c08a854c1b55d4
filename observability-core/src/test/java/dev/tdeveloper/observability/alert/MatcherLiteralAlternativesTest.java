package dev.tdeveloper.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * A regex matcher made of literal alternatives ({@code a|b}) is matched by set lookup instead of
 * the regex engine; these properties check it agrees with the anchored regex on every input.
 */
class MatcherLiteralAlternativesTest {

  @Property(tries = 500)
  void literalAlternativesMatchExactlyAsTheAnchoredRegex(
      @ForAll @Chars({'a', 'b', '|', '-', ' ', '#', 'é'}) @StringLength(max = 8) String regex,
      @ForAll @Chars({'a', 'b', '|', '-', ' ', '#', 'é'}) @StringLength(max = 4) String value) {
    boolean expected = Pattern.compile("^(?:" + regex + ")$").matcher(value).matches();
    assertThat(Matcher.regex("team", regex).matches(value)).isEqualTo(expected);
    assertThat(Matcher.notRegex("team", regex).matches(value)).isEqualTo(!expected);
  }

  @Property(tries = 500)
  void regexesWithSyntaxStillUseTheRegexEngine(
      @ForAll @Chars({'a', 'b', '|', '.', '*', '+', '?', '(', ')'}) @StringLength(max = 8)
          String regex,
      @ForAll @Chars({'a', 'b', '.', '*'}) @StringLength(max = 4) String value) {
    Pattern pattern;
    try {
      pattern = Pattern.compile("^(?:" + regex + ")$");
    } catch (java.util.regex.PatternSyntaxException e) {
      return; // rejected by the matcher too, tested elsewhere
    }
    assertThat(Matcher.regex("team", regex).matches(value))
        .isEqualTo(pattern.matcher(value).matches());
  }
}
