package dev.tdeveloper.security.waf.regex;

import dev.tdeveloper.security.waf.WafException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled SecLang regex (PCRE syntax as CRS writes it), searched in byte strings. Thread-safe.
 */
public final class WafPattern {
  private final String source;
  private final Pattern pattern;

  private WafPattern(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
  }

  /**
   * Compiles a pattern.
   *
   * @param source the PCRE source as written in the rule
   * @return the pattern
   * @throws WafException naming the pattern and the problem when it cannot be compiled
   */
  public static WafPattern compile(String source) {
    Objects.requireNonNull(source, "source");
    try {
      return new WafPattern(source, Pattern.compile(source, Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      throw new WafException("regex " + source + ": " + e.getDescription(), e);
    }
  }

  /**
   * Searches a value.
   *
   * @param input a byte string
   * @param groups when not null and the pattern matches, cleared and filled with group 0 (the
   *     match) and the groups after it, at most 10 in all, an unmatched group as {@code ""}
   * @return whether it matched
   */
  public RegexOutcome find(CharSequence input, List<String> groups) {
    Matcher m = pattern.matcher(input);
    if (!m.find()) {
      return RegexOutcome.NOT_MATCHED;
    }
    if (groups != null) {
      groups.clear();
      for (int g = 0; g <= Math.min(9, m.groupCount()); g++) {
        String v = m.group(g);
        groups.add(v == null ? "" : v);
      }
    }
    return RegexOutcome.MATCHED;
  }

  /**
   * The source as written.
   *
   * @return the PCRE source
   */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }
}
