package dev.tdeveloper.security.waf.transform;

import dev.tdeveloper.security.waf.seclang.SecLangNames;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The transformations by name ({@link SecLangNames#TRANSFORMATIONS}, aliases resolved). {@code
 * none} is not a transformation but a reset of the list before it; the engine handles it and it
 * maps to the identity here. Stateless.
 */
public final class Transformations {
  private static final Map<String, Transformation> BY_NAME =
      Map.of("none", s -> s, "lowercase", s -> s.toLowerCase(Locale.ROOT));

  private Transformations() {}

  /**
   * A transformation by its SecLang name.
   *
   * @param name e.g. {@code urlDecodeUni}, or an alias such as {@code normalisePath}
   * @return the transformation; empty when the name is unknown
   */
  public static Optional<Transformation> byName(String name) {
    return Optional.ofNullable(
        BY_NAME.get(SecLangNames.TRANSFORMATION_ALIASES.getOrDefault(name, name)));
  }
}
