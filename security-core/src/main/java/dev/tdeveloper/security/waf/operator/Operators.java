package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.regex.RegexOutcome;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import java.util.ArrayList;
import java.util.List;

/** Creates operators from parsed references, once per rule at load time. Stateless. */
public final class Operators {
  private Operators() {}

  /**
   * Compiles an operator.
   *
   * @param ref the parsed operator (its negation is the engine's business)
   * @param env the rule's location and data directory
   * @return the operator
   * @throws WafException as {@code file:line: @name: problem; value; allowed} when the parameter is
   *     invalid or the operator unknown
   */
  public static Operator create(OperatorRef ref, OperatorEnv env) {
    String p = ref.param();
    return switch (ref.name()) {
      case "rx" -> rx(p, env);
      case "streq" -> (ctx, in) -> in.equals(ctx.expand(p));
      case "unconditionalMatch" -> (ctx, in) -> true;
      case "noMatch" -> (ctx, in) -> false;
      default ->
          throw new WafException(
              env.location() + ": @" + ref.name() + ": unknown operator; allowed: rx, streq");
    };
  }

  private static Operator rx(String p, OperatorEnv env) {
    WafPattern pattern;
    try {
      pattern = WafPattern.compile(p);
    } catch (WafException e) {
      throw new WafException(env.location() + ": @rx: " + e.getMessage(), e);
    }
    return (ctx, in) -> {
      List<String> groups = ctx.capturing() ? new ArrayList<>() : null;
      RegexOutcome o = pattern.find(in, groups);
      if (o == RegexOutcome.LIMIT_EXCEEDED) {
        ctx.regexLimitExceeded(p);
      }
      if (o == RegexOutcome.MATCHED && groups != null) {
        for (int i = 0; i < groups.size(); i++) {
          ctx.capture(i, groups.get(i));
        }
      }
      return o == RegexOutcome.MATCHED;
    };
  }
}
