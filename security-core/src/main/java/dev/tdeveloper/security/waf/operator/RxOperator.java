package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.regex.RegexOutcome;
import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code @rx}: a {@link WafPattern} search; with {@code capture}, {@code TX:0} gets the match and
 * {@code TX:1..9} the groups. A pattern with a macro ({@code ^%{tx.allowed_charsets}$}, CRS rule
 * 920480) is expanded and compiled per evaluation, as ModSecurity v3 does, through a small cache of
 * compiled expansions; an expansion that does not compile does not match. A search that throws (a
 * stack overflow in a backtracking engine) is treated as a search over budget: no match, and {@link
 * OperatorContext#regexLimitExceeded} is told. Thread-safe.
 */
final class RxOperator implements Operator {
  /** Compiled expansions kept per macro rule; more distinct expansions are compiled each time. */
  static final int MAX_CACHED_EXPANSIONS = 32;

  private final MacroText source;
  private final WafPattern fixed;
  private final ConcurrentHashMap<String, Optional<WafPattern>> expansions;

  private RxOperator(MacroText source, WafPattern fixed) {
    this.source = source;
    this.fixed = fixed;
    this.expansions = fixed == null ? new ConcurrentHashMap<>() : null;
  }

  /**
   * Compiles the pattern, or prepares its expansion when it has a macro.
   *
   * @throws WafException from {@link WafPattern#compile} when a pattern without macros is invalid
   */
  static RxOperator create(String param) {
    MacroText source = MacroText.of(param);
    return new RxOperator(source, source.isDynamic() ? null : WafPattern.compile(param));
  }

  @Override
  public Optional<WafPattern> prefilteredPattern() {
    return Optional.ofNullable(fixed);
  }

  @Override
  public boolean evaluate(OperatorContext ctx, String input) {
    return evaluate(ctx, input, false);
  }

  @Override
  public boolean evaluateMeetingLiterals(OperatorContext ctx, String input) {
    return evaluate(ctx, input, fixed != null);
  }

  private boolean evaluate(OperatorContext ctx, String input, boolean meetsLiterals) {
    WafPattern pattern = fixed;
    if (pattern == null) {
      Optional<WafPattern> compiled = expanded(source.value(ctx));
      if (compiled.isEmpty()) {
        return false;
      }
      pattern = compiled.get();
    }
    List<String> groups = ctx.capturing() ? ctx.groupBuffer() : null;
    RegexOutcome outcome;
    try {
      outcome =
          meetsLiterals ? pattern.findMeetingLiterals(input, groups) : pattern.find(input, groups);
    } catch (RuntimeException | StackOverflowError e) {
      // A search that blows up (java.util.regex recurses per repetition) is a search that ran
      // out of budget: no match, reported like one, never an exception to the caller.
      outcome = RegexOutcome.LIMIT_EXCEEDED;
    }
    if (outcome == RegexOutcome.LIMIT_EXCEEDED) {
      ctx.regexLimitExceeded(pattern.source());
      return false;
    }
    if (outcome != RegexOutcome.MATCHED) {
      return false;
    }
    if (groups != null) {
      for (int i = 0; i < groups.size() && i < 10; i++) {
        ctx.capture(i, groups.get(i));
      }
    }
    return true;
  }

  private Optional<WafPattern> expanded(String text) {
    Optional<WafPattern> cached = expansions.get(text);
    if (cached != null) {
      return cached;
    }
    Optional<WafPattern> compiled;
    try {
      compiled = Optional.of(WafPattern.compile(text));
    } catch (RuntimeException e) {
      compiled = Optional.empty();
    }
    if (expansions.size() < MAX_CACHED_EXPANSIONS) {
      expansions.putIfAbsent(text, compiled);
    }
    return compiled;
  }
}
