package dev.tdeveloper.security.waf.seclang;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code SecRule}, {@code SecAction} or {@code SecMarker} as parsed, before the engine compiles
 * it. A chain is one {@code RuleDef} whose {@link #chained()} holds the next link; only the first
 * link carries the disruptive action, phase and id, as in ModSecurity.
 *
 * @param kind what directive it is
 * @param variables the targets in order, exclusions included; empty for actions and markers
 * @param operator the operator; empty for actions and markers
 * @param actions the actions in order as written (transformations are {@code t} actions); the
 *     defaults of {@code SecDefaultAction} are not merged in (see {@link RuleSet#defaultActions})
 * @param marker the marker name of a {@code SecMarker}; empty otherwise
 * @param chained the next link of a chain
 * @param location where the directive starts
 */
public record RuleDef(
    Kind kind,
    List<VariableRef> variables,
    Optional<OperatorRef> operator,
    List<ActionRef> actions,
    Optional<String> marker,
    Optional<RuleDef> chained,
    Location location) {

  /** The directive a rule came from. */
  public enum Kind {
    /** {@code SecRule VARIABLES "OPERATOR" "ACTIONS"}. */
    RULE,
    /** {@code SecAction "ACTIONS"}: runs its actions unconditionally. */
    ACTION,
    /** {@code SecMarker NAME}: a target of {@code skipAfter}. */
    MARKER
  }

  /** Validates and copies. */
  public RuleDef {
    Objects.requireNonNull(kind, "kind");
    variables = List.copyOf(variables);
    Objects.requireNonNull(operator, "operator");
    actions = List.copyOf(actions);
    Objects.requireNonNull(marker, "marker");
    Objects.requireNonNull(chained, "chained");
    Objects.requireNonNull(location, "location");
    if ((kind == Kind.RULE) != operator.isPresent()) {
      throw new IllegalArgumentException(
          location + ": " + kind + " with operator " + operator + "; allowed: one on RULE only");
    }
    if ((kind == Kind.MARKER) != marker.isPresent()) {
      throw new IllegalArgumentException(
          location + ": " + kind + " with marker " + marker + "; allowed: one on MARKER only");
    }
  }

  /**
   * The value of the first action of a name.
   *
   * @param name the action name
   * @return its value ({@code ""} for an action without one); empty when absent
   */
  public Optional<String> action(String name) {
    for (ActionRef a : actions) {
      if (a.name().equals(name)) {
        return Optional.of(a.value());
      }
    }
    return Optional.empty();
  }

  /**
   * The values of every action of a name, in order ({@code t}, {@code setvar}, {@code tag}, ...).
   *
   * @param name the action name
   * @return the values; empty when none
   */
  public List<String> actions(String name) {
    List<String> out = new ArrayList<>();
    for (ActionRef a : actions) {
      if (a.name().equals(name)) {
        out.add(a.value());
      }
    }
    return out;
  }

  /**
   * The {@code id} action's value.
   *
   * @return the id; empty for chain links after the first and for markers
   */
  public OptionalLong id() {
    Optional<String> id = action("id");
    return id.isPresent() ? OptionalLong.of(Long.parseLong(id.get())) : OptionalLong.empty();
  }

  /**
   * The {@code phase} action's value, {@code request} being 2, {@code response} 4 and {@code
   * logging} 5.
   *
   * @return the phase, 1 to 5; 2 when not given (ModSecurity's default)
   */
  public int phase() {
    return action("phase")
        .map(
            p ->
                switch (p) {
                  case "request" -> 2;
                  case "response" -> 4;
                  case "logging" -> 5;
                  default -> Integer.parseInt(p);
                })
        .orElse(2);
  }
}
