package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An Alertmanager inhibition rule: while an alert matching {@code sourceMatchers} fires, alerts
 * matching {@code targetMatchers} that have the same values for every label in {@code equal} (a
 * label missing on both sides counts as equal) are not notified. An alert that matches both sides
 * never inhibits an alert that also matches both sides, so a rule never mutes the alert that
 * triggers it.
 *
 * <p>The router also requires source and target to belong to the same tenant (the {@code tenant}
 * label is always treated as listed in {@code equal}), so one tenant's alert never mutes another's.
 * Immutable and thread-safe.
 *
 * @param sourceMatchers what the inhibiting alert matches (at least one)
 * @param targetMatchers what the inhibited alerts match (at least one)
 * @param equal labels whose values must be equal on source and target
 */
public record InhibitRule(
    List<Matcher> sourceMatchers, List<Matcher> targetMatchers, Set<String> equal) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /**
   * Validates the rule.
   *
   * @throws IllegalArgumentException if either matcher list is empty or an {@code equal} entry is
   *     not a label name
   */
  public InhibitRule {
    sourceMatchers = List.copyOf(Objects.requireNonNull(sourceMatchers, "sourceMatchers"));
    targetMatchers = List.copyOf(Objects.requireNonNull(targetMatchers, "targetMatchers"));
    Objects.requireNonNull(equal, "equal");
    if (sourceMatchers.isEmpty()) {
      throw new IllegalArgumentException("inhibit rule: source matchers are required");
    }
    if (targetMatchers.isEmpty()) {
      throw new IllegalArgumentException("inhibit rule: target matchers are required");
    }
    for (String name : equal) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("inhibit rule equal: invalid label name '" + name + "'");
      }
    }
    equal = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(equal));
  }

  /**
   * Returns a rule from matchers in Alertmanager's string form, such as {@code
   * of("severity=\"critical\"", "severity=\"warning\"", "alertname", "tenant")}.
   *
   * @throws IllegalArgumentException if a matcher list cannot be parsed
   */
  public static InhibitRule of(String sourceMatchers, String targetMatchers, String... equal) {
    return new InhibitRule(
        Matcher.parseList(sourceMatchers), Matcher.parseList(targetMatchers), Set.of(equal));
  }

  /** Returns whether {@code labels} match the source side. */
  public boolean matchesSource(Labels labels) {
    return Matcher.all(sourceMatchers, labels);
  }

  /** Returns whether {@code labels} match the target side. */
  public boolean matchesTarget(Labels labels) {
    return Matcher.all(targetMatchers, labels);
  }

  /**
   * Returns whether {@code source} (a firing alert's labels) inhibits {@code target}: the sides
   * match, the {@code equal} labels and the tenant agree, and they are not both two-sided matches.
   */
  public boolean inhibits(Labels source, Labels target) {
    if (!matchesSource(source) || !matchesTarget(target)) {
      return false;
    }
    if (matchesSource(target) && matchesTarget(source)) {
      return false;
    }
    if (!source.get(Alert.TENANT).equals(target.get(Alert.TENANT))) {
      return false;
    }
    for (String name : equal) {
      if (!source.get(name).equals(target.get(name))) {
        return false;
      }
    }
    return true;
  }
}
