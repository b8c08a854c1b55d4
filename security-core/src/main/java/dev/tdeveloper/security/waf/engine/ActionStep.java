package dev.tdeveloper.security.waf.engine;

/**
 * A non-disruptive action that runs once when its rule (the whole chain) has matched: {@code ctl},
 * {@code initcol}, {@code expirevar}, {@code setenv}. Compiled at load time; thread-safe.
 */
@FunctionalInterface
public interface ActionStep {
  /**
   * Runs the action.
   *
   * @param tx the transaction's evaluation state
   */
  void run(EvaluatorTransaction tx);
}
