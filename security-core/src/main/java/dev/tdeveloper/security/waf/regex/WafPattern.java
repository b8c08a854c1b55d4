package dev.tdeveloper.security.waf.regex;

import dev.tdeveloper.security.waf.WafException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled SecLang regex, searched in byte strings with the meaning ModSecurity v3 gives it: PCRE
 * 8.x with PCRE_DOTALL and PCRE_DOLLAR_ENDONLY, no UTF mode (one character per byte, ASCII-only
 * case folding, {@code \s \d \w \b} with PCRE's C-locale tables). Thread-safe.
 *
 * <p>The pattern is parsed once and translated faithfully. When it uses only what a linear-time
 * engine can run, it runs on RE2/J ({@link #linearTime()} is true) and no input can make a search
 * slower than linear. Otherwise (backreferences, lookaround, atomic groups, possessive quantifiers,
 * {@code \Z}, {@code \R}, multiline {@code ^}, repeat counts above 1000; see {@link
 * #fallbackReasons()}) it runs on {@code java.util.regex} with a step budget: a search that reads
 * more than {@link #stepBudget()} input characters stops and returns {@link
 * RegexOutcome#LIMIT_EXCEEDED}, as PCRE stops at its match limit; so does a search that overflows
 * the thread's stack. Neither engine ever throws out of {@link #find}.
 *
 * <p>Before either engine runs, a prefilter computed at compile time rejects inputs that cannot
 * match: shorter than the shortest match, too long or with an impossible first byte for an anchored
 * pattern, or without the literals every match must contain (one automaton pass, see {@link
 * #prefiltered()}). It never rejects an input the pattern matches. An input that passes reaches a
 * linear pattern's lazily built DFA, which answers "matches or not" at a table read per byte; RE2/J
 * runs only to find the groups of a match, or when the DFA declines (a char above 0xFF, or a search
 * that would build too many DFA states), so a search stays linear. A pattern whose only fallback
 * reason is possessive repeats each of one byte set without bound ({@code \s*+}, {@code [^;]++})
 * gets the lazy DFA too, which reads {@code X*+} exactly as {@code X*} followed by "the next byte
 * is not in X": only a match whose groups are asked for, or a declined search, reaches the
 * fallback.
 *
 * <p>One deviation from PCRE: {@code \G} is read as {@code \A}, which is exact for the single
 * search from offset 0 that an operator runs.
 */
public final class WafPattern {
  /**
   * The default step budget of the backtracking fallback: characters read per search, about a
   * millisecond or two of matching. {@value}
   */
  public static final long DEFAULT_STEP_BUDGET = 1_000_000L;

  private static final int MAX_GROUPS = 9;
  private static final String POSSESSIVE = "possessive quantifier";

  private final String source;
  private final com.google.re2j.Pattern linear;
  private final Pattern backtracking;
  private final long stepBudget;
  private final List<String> fallbackReasons;
  private final Prefilter prefilter;
  // "^.*$" and its kin match every input whole under DOTALL: CRS uses it to visit every header
  // name, and no engine run is needed to say so.
  private final boolean matchesEverything;
  // Set when the pattern is a start anchor and single-character sets only: compared directly.
  private final AnchoredLiteral anchored;
  // The parse tree of a linear pattern until its lazy DFA is built on the first search that passes
  // the prefilter (most patterns never get this far); racy but idempotent, as in Prefilter.
  private Node dfaPending;
  private volatile LazyDfa dfa;

  private WafPattern(
      String source,
      com.google.re2j.Pattern linear,
      Pattern backtracking,
      long stepBudget,
      List<String> fallbackReasons,
      Prefilter prefilter,
      AnchoredLiteral anchored,
      Node dfaPending) {
    this.source = source;
    this.dfaPending = dfaPending;
    this.anchored = anchored;
    this.linear = linear;
    this.backtracking = backtracking;
    this.stepBudget = stepBudget;
    this.fallbackReasons = fallbackReasons;
    this.prefilter = prefilter;
    this.matchesEverything =
        source.equals("^.*$")
            || source.equals(".*")
            || source.equals("^.*")
            || source.equals(".*$");
  }

  /**
   * Compiles a pattern with the {@link #DEFAULT_STEP_BUDGET}.
   *
   * @param source the PCRE source as written in the rule (a byte string)
   * @return the pattern
   * @throws WafException naming the pattern, the problem and its offset when PCRE would reject it
   *     or it uses a feature this engine does not support ({@code \K}, {@code \p}, recursion,
   *     conditionals, verbs)
   */
  public static WafPattern compile(String source) {
    return compile(source, DEFAULT_STEP_BUDGET);
  }

  /**
   * Compiles a pattern with a step budget for the backtracking fallback.
   *
   * @param source the PCRE source as written in the rule (a byte string)
   * @param stepBudget the input characters a fallback search may read before it stops with {@link
   *     RegexOutcome#LIMIT_EXCEEDED}; ignored when the pattern runs on RE2/J
   * @return the pattern
   * @throws WafException as {@link #compile(String)} does
   * @throws IllegalArgumentException when {@code stepBudget} is not positive
   */
  public static WafPattern compile(String source, long stepBudget) {
    Objects.requireNonNull(source, "source");
    checkBudget(stepBudget);
    PcreParser.Parsed parsed = PcreParser.parse(source);
    if (parsed.nonLinear().isEmpty()) {
      String re2 = RegexEmitter.emit(parsed.root(), false);
      try {
        com.google.re2j.Pattern p =
            com.google.re2j.Pattern.compile(re2, com.google.re2j.Pattern.DOTALL);
        return new WafPattern(
            source,
            p,
            null,
            stepBudget,
            List.of(),
            Prefilter.of(parsed.root()),
            AnchoredLiteral.of(parsed.root()),
            parsed.root());
      } catch (com.google.re2j.PatternSyntaxException e) {
        List<String> why = List.of("RE2/J: " + e.getDescription());
        return backtracking(source, parsed, stepBudget, why, Prefilter.of(parsed.root()), false);
      }
    }
    return backtracking(
        source, parsed, stepBudget, parsed.nonLinear(), Prefilter.of(parsed.root()), false);
  }

  /**
   * The fallback engine even for a linear pattern, without the prefilter: the reference that tests
   * compare the engines and the prefilter against.
   */
  static WafPattern compileBacktracking(String source, long stepBudget) {
    checkBudget(stepBudget);
    PcreParser.Parsed parsed = PcreParser.parse(source);
    List<String> reasons = parsed.nonLinear().isEmpty() ? List.of("forced") : parsed.nonLinear();
    return backtracking(source, parsed, stepBudget, reasons, Prefilter.NONE, true);
  }

  private static void checkBudget(long stepBudget) {
    if (stepBudget <= 0) {
      throw new IllegalArgumentException(
          "stepBudget: " + stepBudget + "; allowed: 1 to " + Long.MAX_VALUE);
    }
  }

  private static WafPattern backtracking(
      String source,
      PcreParser.Parsed parsed,
      long stepBudget,
      List<String> reasons,
      Prefilter prefilter,
      boolean reference) {
    String java = RegexEmitter.emit(parsed.root(), true);
    try {
      Pattern p = Pattern.compile(java, Pattern.DOTALL | Pattern.UNIX_LINES);
      // Possessive repeats alone keep the lazy DFA, which decides them exactly when each repeats
      // one byte set without bound (else it is not built): the fallback then only gives groups.
      Node dfaRoot =
          !reference && reasons.stream().allMatch(POSSESSIVE::equals) ? parsed.root() : null;
      return new WafPattern(source, null, p, stepBudget, reasons, prefilter, null, dfaRoot);
    } catch (PatternSyntaxException e) {
      throw new WafException(
          "regex " + source + ": " + e.getDescription() + "; allowed: PCRE syntax", e);
    }
  }

  /**
   * Searches a value once, from its start, as ModSecurity's {@code @rx} does.
   *
   * @param input a byte string
   * @param groups when not null and the pattern matches, cleared and filled with group 0 (the
   *     match) and the groups after it, at most 10 in all, an unmatched group as {@code ""}
   * @return whether it matched, or {@link RegexOutcome#LIMIT_EXCEEDED} (groups untouched) when the
   *     fallback ran out of its budget
   */
  public RegexOutcome find(CharSequence input, List<String> groups) {
    return find(input, groups, false);
  }

  /**
   * As {@link #find}, for an input known to meet the pattern's literal condition (its {@link
   * LiteralIndex} formula holds over the input's literals): the prefilter skips its own literal
   * scan, which would pass. The answer is that of {@link #find} on such an input.
   *
   * @param input a byte string meeting the pattern's literal condition
   * @param groups as for {@link #find}
   * @return as {@link #find}
   */
  public RegexOutcome findMeetingLiterals(CharSequence input, List<String> groups) {
    return find(input, groups, true);
  }

  private RegexOutcome find(CharSequence input, List<String> groups, boolean meetsLiterals) {
    Objects.requireNonNull(input, "input");
    if (matchesEverything) {
      if (groups != null) {
        groups.clear();
        groups.add(input.toString());
      }
      return RegexOutcome.MATCHED;
    }
    if (anchored != null) {
      int length = anchored.match(input);
      if (length < 0) {
        return RegexOutcome.NOT_MATCHED;
      }
      if (groups != null) {
        groups.clear();
        groups.add(input.subSequence(0, length).toString());
      }
      return RegexOutcome.MATCHED;
    }
    if (!prefilter.mayMatch(input, meetsLiterals)) {
      return RegexOutcome.NOT_MATCHED;
    }
    LazyDfa d = dfa();
    if (d != null) {
      int answer = d.search(input);
      if (answer == LazyDfa.NOT_MATCHED) {
        return RegexOutcome.NOT_MATCHED;
      }
      if (answer == LazyDfa.MATCHED && groups == null) {
        return RegexOutcome.MATCHED;
      }
    }
    return linear == null ? findBacktracking(input, groups) : findLinear(input, groups);
  }

  /** The lazy DFA, built now if not yet; null when there is none (too large a program). */
  private LazyDfa dfa() {
    Node pending = dfaPending;
    if (pending != null) {
      dfa = LazyDfa.of(pending);
      dfaPending = null;
    }
    return dfa;
  }

  /**
   * RE2/J alone, without the prefilter, the DFA or the byte comparisons: the reference that tests
   * compare the fast paths against. Only for linear patterns.
   */
  RegexOutcome findRe2(CharSequence input, List<String> groups) {
    return findLinear(input, groups);
  }

  private RegexOutcome findLinear(CharSequence input, List<String> groups) {
    com.google.re2j.Matcher m = linear.matcher(input);
    if (!m.find()) {
      return RegexOutcome.NOT_MATCHED;
    }
    if (groups != null) {
      groups.clear();
      int n = Math.min(MAX_GROUPS, m.groupCount());
      for (int g = 0; g <= n; g++) {
        String v = m.group(g);
        groups.add(v == null ? "" : v);
      }
    }
    return RegexOutcome.MATCHED;
  }

  private RegexOutcome findBacktracking(CharSequence input, List<String> groups) {
    String[] found;
    try {
      Matcher m = backtracking.matcher(new BudgetedInput(input, stepBudget));
      if (!m.find()) {
        return RegexOutcome.NOT_MATCHED;
      }
      if (groups == null) {
        return RegexOutcome.MATCHED;
      }
      found = new String[Math.min(MAX_GROUPS, m.groupCount()) + 1];
      for (int g = 0; g < found.length; g++) {
        String v = m.group(g);
        found[g] = v == null ? "" : v;
      }
    } catch (BudgetedInput.Exhausted | StackOverflowError e) {
      return RegexOutcome.LIMIT_EXCEEDED;
    }
    groups.clear();
    groups.addAll(List.of(found));
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

  /**
   * Whether the pattern runs on the linear-time engine (RE2/J), so that no input can make it slow.
   *
   * @return true on RE2/J, false on the budgeted backtracking fallback
   */
  public boolean linearTime() {
    return linear != null;
  }

  /**
   * Why the pattern needs the backtracking fallback, for reporting.
   *
   * @return the features (such as {@code "backreference"}, {@code "lookahead"}), empty when {@link
   *     #linearTime()}
   */
  public List<String> fallbackReasons() {
    return fallbackReasons;
  }

  /**
   * The fallback's step budget.
   *
   * @return the input characters a fallback search may read
   */
  public long stepBudget() {
    return stepBudget;
  }

  /**
   * Whether a literal prefilter guards the pattern: before either engine runs, one pass over the
   * input looks for the literals every match must contain (see the package documentation), and an
   * input without them is answered NOT_MATCHED at once. False when no useful literal is required
   * (then only the {@link #minMatchLength()} check applies).
   *
   * @return true when a literal condition is checked before the regex
   */
  public boolean prefiltered() {
    return prefilter.literal();
  }

  /**
   * The length of the shortest string the pattern can match; a shorter input is answered
   * NOT_MATCHED without running the regex. Anchors and lookaround count zero.
   *
   * @return the minimum match length in bytes, 0 when the pattern can match the empty string
   */
  public int minMatchLength() {
    return prefilter.minLength();
  }

  /**
   * The prefilter in readable form, for reports: the minimum length and the literal condition
   * (lowercase literals, compared ASCII case-insensitively, joined by AND / OR; TRUE when none).
   *
   * @return a description such as {@code minLength 6, ('union' AND 'select')}
   */
  public String prefilterDescription() {
    return prefilter.toString();
  }

  /**
   * The literal condition {@link #find} checks, for {@link LiteralIndex}: TRUE when none, and for a
   * pattern that matches every input without running its prefilter.
   */
  Cond literalCondition() {
    return matchesEverything ? Cond.TRUE : prefilter.condition();
  }

  @Override
  public String toString() {
    return source;
  }
}
