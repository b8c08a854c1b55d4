package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.waf.regex.PhraseLiterals;
import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.Optional;

/**
 * A compiled operator. Thread-safe: one instance serves every transaction; per-transaction state
 * (captures, macro values) goes through the {@link OperatorContext}. Never throws on any input.
 * Negation ({@code !@op}) is applied by the engine, not by the operator.
 */
@FunctionalInterface
public interface Operator {
  /**
   * Evaluates the operator on one (transformed) value.
   *
   * @param ctx the transaction's services: macro expansion, captures
   * @param input a byte string
   * @return whether it matched
   */
  boolean evaluate(OperatorContext ctx, String input);

  /**
   * As {@link #evaluate}, for an input that the caller has shown to meet the literal condition of
   * {@link #prefilteredPattern} (or of {@link #phraseLiterals}): the operator may skip that test,
   * which would only repeat the caller's. The answer and effects are those of {@link #evaluate}.
   *
   * @param ctx the transaction's services: macro expansion, captures
   * @param input a byte string meeting the literal condition
   * @return whether it matched
   */
  default boolean evaluateMeetingLiterals(OperatorContext ctx, String input) {
    return evaluate(ctx, input);
  }

  /**
   * The regex whose literal prefilter settles this operator on the inputs it rejects: when {@link
   * WafPattern#find} would answer NOT_MATCHED from its literal test alone, {@link #evaluate}
   * returns false and has no effect, so an engine that decides the literal test itself (for many
   * patterns at once, see {@link dev.tdeveloper.security.waf.regex.LiteralIndex}) may skip the
   * call. {@code @rx} without macros has one.
   *
   * @return the pattern; empty for every other operator
   */
  default Optional<WafPattern> prefilteredPattern() {
    return Optional.empty();
  }

  /**
   * The phrases whose literal condition settles this operator on the inputs it rejects: when an
   * input holds none of them (see {@link PhraseLiterals}), {@link #evaluate} returns false and has
   * no effect, so an engine that decides the condition in its {@link
   * dev.tdeveloper.security.waf.regex.LiteralIndex} may skip the call. {@code @pm} and {@code
   * @pmFromFile} have them.
   *
   * @return the phrases; empty for every other operator
   */
  default Optional<PhraseLiterals> phraseLiterals() {
    return Optional.empty();
  }
}
