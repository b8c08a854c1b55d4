package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.WafException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PCRE's meaning as ModSecurity compiles it (DOTALL, DOLLAR_ENDONLY, bytes, C-locale tables),
 * checked on both engines: RE2/J and the budgeted java.util.regex fallback.
 */
class PcreSemanticsTest {

  private static RegexOutcome onBoth(String pattern, String input) {
    WafPattern linear = WafPattern.compile(pattern);
    WafPattern fallback = WafPattern.compileBacktracking(pattern, WafPattern.DEFAULT_STEP_BUDGET);
    List<String> g1 = new ArrayList<>();
    List<String> g2 = new ArrayList<>();
    RegexOutcome a = linear.find(input, g1);
    RegexOutcome b = fallback.find(input, g2);
    assertThat(b).as("fallback vs " + (linear.linearTime() ? "RE2/J" : "fallback")).isEqualTo(a);
    assertThat(g2).isEqualTo(g1);
    return a;
  }

  /** Pattern, input (with \n, \v, \xHH written as Java escapes by the table), expected match. */
  @ParameterizedTest(name = "{0} on [{1}] -> {2}")
  @CsvSource(
      delimiter = '~',
      value = {
        "abc$~abc\\n~false", // DOLLAR_ENDONLY: $ is the very end
        "abc$~abc~true",
        "a.c~a\\nc~true", // DOTALL
        "(?-s)a.c~a\\nc~false",
        "(?m)^b$~a\\nb\\nc~true",
        "(?i)select~SeLeCt~true",
        "(?i)\\xe9~\\xc9~false", // ASCII-only folding
        "(?i)[\\xe0-\\xef]~\\xc9~false",
        "(?i)[^a]~A~false",
        "a\\sb~a\\x0bb~true", // PCRE 8.34+: \\s has VT
        "\\bfoo\\b~\\xe9foo~true", // \\b is ASCII: 0xE9 is not a word char
        "\\w~\\xe9~false",
        "[[:alpha:]]+x~abcx~true",
        "[[:^digit:]]~5~false",
        "[]a]~]~true",
        "[^]a]~]~false",
        "[a-\\d]~-~true",
        "[\\b]~\\x08~true",
        "\\y~y~true", // unknown letter escape is the letter
        "\\101~A~true", // octal, no group 101
        "\\x41\\x{42}\\0~AB\\x00~true",
        "\\cA~\\x01~true",
        "\\Qa.b\\E+~a.bb~true",
        "\\Qa.b\\E~axb~false",
        "a(?i)b|c~xC~true", // option carries across | within its group
        "(?i:a)b~AB~false",
        "(?x) a b # comment~ab~true",
        "\\h\\v~\\xa0\\x85~true",
        "\\N~\\n~false",
        "a{2,3}~aa~true",
        "a{,3}~a{,3}~true", // not a quantifier: literal
        "x{~x{~true",
        "^\\Gab~ab~true",
        "ab\\z~ab\\n~false",
        "[\\s\\r\\n\\v\\f]~\\x85~true", // CRS 942440: \\v is vertical space in a class
      })
  void matchesAsPcreDoes(String pattern, String input, boolean expected) {
    assertThat(onBoth(pattern, unescape(input)))
        .isEqualTo(expected ? RegexOutcome.MATCHED : RegexOutcome.NOT_MATCHED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '~',
      value = {
        "ab\\Z~ab\\n~true", // \\Z: before a final newline
        "(a)\\1~aa~true",
        "(?i)(a)\\1~aA~true", // caseless backreference
        "(?m)^$~a\\n~false", // multiline ^ is not after the final newline
        "a(?=b)~ab~true",
        "(?<!x)a~xa~false",
        "(?>a+)a~aaa~false",
        "a++a~aaa~false",
        "a{1001}~a~false",
        "\\R\\n~\\r\\n~false", // \\R is atomic
      })
  void fallbackFeaturesKeepPcreMeaning(String pattern, String input, boolean expected) {
    WafPattern p = WafPattern.compile(pattern);
    assertThat(p.linearTime()).isFalse();
    assertThat(p.fallbackReasons()).isNotEmpty();
    assertThat(p.find(unescape(input), null))
        .isEqualTo(expected ? RegexOutcome.MATCHED : RegexOutcome.NOT_MATCHED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(abc",
        "abc)",
        "a**",
        "*a",
        "[z-a]",
        "[abc",
        "\\1",
        "a{3,2}",
        "\\K",
        "\\p{L}",
        "(?R)",
        "(?(1)a|b)",
        "(?|a)",
        "(*UTF8)a",
        "\\u0041",
        "(?P=nope)",
        "\\x{100}",
        "[[.a.]]",
        "a\\"
      })
  void rejectsWhatPcreRejectsOrWeDoNotSupport(String pattern) {
    assertThatThrownBy(() -> WafPattern.compile(pattern))
        .isInstanceOf(WafException.class)
        .hasMessageContaining("regex " + pattern + ": ")
        .hasMessageContaining("offset");
  }

  @ParameterizedTest
  @ValueSource(strings = {"(a)(b)?(c)?", "(?<first>a)(?:x)?(b)?(c)?"})
  void capturesGroupsWithUnsetOnesEmpty(String pattern) {
    List<String> groups = new ArrayList<>(List.of("stale"));
    assertThat(WafPattern.compile(pattern).find("zac", groups)).isEqualTo(RegexOutcome.MATCHED);
    assertThat(groups).containsExactly("ac", "a", "", "c");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void capturesAtMostTenGroups(boolean linear) {
    String pattern = "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)";
    WafPattern p =
        linear ? WafPattern.compile(pattern) : WafPattern.compileBacktracking(pattern, 1_000);
    List<String> groups = new ArrayList<>();
    assertThat(p.find("abcdefghijk", groups)).isEqualTo(RegexOutcome.MATCHED);
    assertThat(groups).containsExactly("abcdefghijk", "a", "b", "c", "d", "e", "f", "g", "h", "i");
  }

  /** Inputs spell newline, CR and bytes as {@code \n}, {@code \r} and {@code \xHH}. */
  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
      if (c == '\\' && next == 'n') {
        sb.append('\n');
        i++;
      } else if (c == '\\' && next == 'r') {
        sb.append('\r');
        i++;
      } else if (c == '\\' && next == 'x') {
        sb.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
