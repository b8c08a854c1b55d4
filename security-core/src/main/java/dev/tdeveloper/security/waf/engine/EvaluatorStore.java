package dev.tdeveloper.security.waf.engine;

import java.util.Map;

/**
 * The transaction state as the evaluator needs it: the {@link VariableStore} plus the hooks that
 * keep {@code MATCHED_VAR*}, {@code RULE}, {@code HIGHEST_SEVERITY}, persistent collections and
 * {@code ENV} current. Confined to one transaction (not thread-safe).
 */
public interface EvaluatorStore extends VariableStore {
  /**
   * A target matched: sets {@code MATCHED_VAR} and {@code MATCHED_VAR_NAME} and adds it to {@code
   * MATCHED_VARS} / {@code MATCHED_VARS_NAMES}.
   *
   * @param target the target, with the transformed value that matched
   */
  void matched(Target target);

  /**
   * A target matched with a transformed value: the same as {@link #matched(Target)} of the target
   * with that value, which is what this default does; a store may record it without making the
   * target.
   *
   * @param target the target as collected
   * @param value the value the operator saw
   */
  default void matched(Target target, String value) {
    matched(value == target.value() ? target : new Target(target.name(), target.key(), value));
  }

  /** A new rule starts: {@code MATCHED_VARS} and {@code MATCHED_VARS_NAMES} are emptied. */
  void clearMatchedVars();

  /**
   * The rule now running, for {@code %{rule.id}}, {@code %{rule.msg}} and the {@code RULE}
   * collection.
   *
   * @param fields {@code id}, {@code msg}, {@code severity}, {@code rev}, {@code ver}, {@code
   *     logdata}, {@code maturity}, {@code accuracy}, {@code phase}: unexpanded where they hold
   *     macros
   */
  void rule(Map<String, String> fields);

  /**
   * A logged rule with a severity matched: {@code HIGHEST_SEVERITY} becomes the lower (more severe)
   * of it and the current value.
   *
   * @param severity 0 to 7
   */
  void severity(int severity);

  /**
   * {@code initcol:name=key}: opens a persistent collection for the rest of the transaction.
   *
   * @param name the collection, lower case ({@code ip}, {@code global})
   * @param key the expanded key ({@code 203.0.113.9_curl/8})
   */
  void initCollection(String name, String key);

  /**
   * {@code setenv:name=value}: sets an {@code ENV} variable of this transaction (never the process
   * environment).
   *
   * @param name the expanded name
   * @param value the expanded value
   */
  void setEnv(String name, String value);

  /**
   * The targets of a variable derived from the request and response data, as an array that stays
   * the same instance until the data changes, so that what is worked out from it can be kept.
   *
   * @param variable the variable name, upper case
   * @return the targets (never modified by the caller); null when the variable is not such a
   *     variable (then {@link #collect} is the way to read it)
   */
  default Target[] stableTargets(String variable) {
    return null;
  }

  /**
   * {@link #stableTargets(String)} for a variable the rule compiler numbered.
   *
   * @param derivedId the variable's number among the derived variables; -1 when it has none, -2
   *     when it is never derived (then null is the answer)
   * @param variable the variable name, upper case
   * @return its targets; null when not kept stable
   */
  default Target[] stableTargets(int derivedId, String variable) {
    return stableTargets(variable);
  }

  /**
   * A number that changes whenever {@link #stableTargets} may give a new array for some variable.
   *
   * @return the version; negative when the store does not keep one (then every read asks {@link
   *     #stableTargets})
   */
  default long dataVersion() {
    return -1;
  }
}
