package dev.tdeveloper.security.waf.seclang;

import java.util.Objects;

/**
 * A rule's operator as written: {@code "@rx ^abc"}, {@code "!@streq POST"}; a rule without an
 * {@code @} operator is {@code @rx} of the whole text, as ModSecurity reads it.
 *
 * @param name the operator name without {@code @}, as {@link SecLangNames#OPERATORS} spells it
 *     (aliases such as {@code pmf} are resolved to {@code pmFromFile})
 * @param param the parameter after the name and one space, unquoted, may contain {@code %{...}}
 *     macros; empty when none
 * @param negated whether it is written {@code !@name}
 */
public record OperatorRef(String name, String param, boolean negated) {
  /** Validates. */
  public OperatorRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(param, "param");
  }

  @Override
  public String toString() {
    return (negated ? "!@" : "@") + name + (param.isEmpty() ? "" : " " + param);
  }
}
