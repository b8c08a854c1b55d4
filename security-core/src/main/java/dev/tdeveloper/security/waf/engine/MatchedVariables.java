package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code MATCHED_VAR}, {@code MATCHED_VAR_NAME}, {@code MATCHED_VARS} and {@code
 * MATCHED_VARS_NAMES} of a transaction, written by the evaluator. Each match records the target
 * with the value the operator saw (after transformations, as libmodsecurity3 records it); {@code
 * MATCHED_VARS} entries are named {@code MATCHED_VARS:ARGS:id}, keyed {@code ARGS:id}. Confined to
 * one transaction.
 */
public final class MatchedVariables {
  private final List<Target> matches = new ArrayList<>();
  private String lastName = "";
  private String lastValue = "";

  MatchedVariables() {}

  /**
   * Records a match: it becomes {@code MATCHED_VAR}/{@code MATCHED_VAR_NAME} and joins {@code
   * MATCHED_VARS}.
   *
   * @param target the matched target, its value as the operator saw it
   */
  public void add(Target target) {
    Objects.requireNonNull(target, "target");
    matches.add(target);
    lastName = target.name();
    lastValue = target.value();
  }

  /** Forgets all matches (libmodsecurity3 does so when a rule, or its chain, did not match). */
  public void clear() {
    matches.clear();
    lastName = "";
    lastValue = "";
  }

  /**
   * The matches recorded since the last {@link #clear}.
   *
   * @return the matched targets in order
   */
  public List<Target> all() {
    return List.copyOf(matches);
  }

  /** {@code MATCHED_VAR}: the last match's value; empty when none. */
  String lastValue() {
    return lastValue;
  }

  /** {@code MATCHED_VAR_NAME}: the last match's name; empty when none. */
  String lastName() {
    return lastName;
  }

  /** Appends the targets of one of the four variables. */
  void collect(
      String variable, Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out) {
    switch (variable) {
      case "MATCHED_VAR" -> out.add(new Target(variable, variable, lastValue));
      case "MATCHED_VAR_NAME" -> out.add(new Target(variable, variable, lastName));
      default -> {
        boolean names = variable.equals("MATCHED_VARS_NAMES");
        for (Target t : matches) {
          if (Selection.selects(t.name(), key, keyPattern)) {
            out.add(new Target(variable + ":" + t.name(), t.name(), names ? t.name() : t.value()));
          }
        }
      }
    }
  }
}
