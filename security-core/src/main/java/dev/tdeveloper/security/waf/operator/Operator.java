package dev.tdeveloper.security.waf.operator;

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
}
