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
  // Per match, the target and the value the operator saw (kept apart so that a match of a
  // transformed value needs no new target).
  private final List<Target> matches = new ArrayList<>();
  private final List<String> values = new ArrayList<>();
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
    add(target, target.value());
  }

  /**
   * Records a match of a target's transformed value: the same as {@link #add(Target)} of the target
   * with that value, without making it.
   */
  void add(Target target, String value) {
    matches.add(target);
    values.add(value);
    lastName = target.name();
    lastValue = value;
  }

  /** Forgets all matches (libmodsecurity3 does so when a rule, or its chain, did not match). */
  public void clear() {
    if (!matches.isEmpty()) { // most rules match nothing: leave the lists' arrays untouched
      matches.clear();
      values.clear();
    }
    lastName = "";
    lastValue = "";
  }

  /**
   * The matches recorded since the last {@link #clear}.
   *
   * @return the matched targets in order
   */
  public List<Target> all() {
    List<Target> all = new ArrayList<>(matches.size());
    for (int i = 0; i < matches.size(); i++) {
      all.add(target(i));
    }
    return List.copyOf(all);
  }

  /** Match {@code i} as a target whose value is the one the operator saw. */
  private Target target(int i) {
    Target t = matches.get(i);
    String value = values.get(i);
    return value == t.value() ? t : new Target(t.name(), t.key(), value);
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
        for (int i = 0; i < matches.size(); i++) {
          String name = matches.get(i).name();
          if (Selection.selects(name, key, keyPattern)) {
            out.add(new Target(variable + ":" + name, name, names ? name : values.get(i)));
          }
        }
      }
    }
  }
}
