package dev.tdeveloper.security.waf.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an operator may ask of the transaction it runs in. Implemented by the engine, one per
 * transaction; not thread-safe.
 */
public interface OperatorContext {
  /**
   * Expands {@code %{collection.key}} macros ({@code %{tx.allowed_methods}}, {@code
   * %{REQUEST_HEADERS.host}}) against the transaction; an unknown macro expands to the empty
   * string, as in ModSecurity.
   *
   * @param text the operator's parameter
   * @return the text with every macro replaced; {@code text} itself when it has none
   */
  String expand(String text);

  /**
   * Whether the rule has the {@code capture} action: operators that capture ({@code @rx}, {@code
   * @pm}, ...) then report their groups.
   *
   * @return whether to capture
   */
  boolean capturing();

  /**
   * Stores a capture in {@code TX:index}.
   *
   * @param index 0 (the whole match) to 9
   * @param value the captured byte string
   */
  void capture(int index, String value);

  /**
   * Fills the {@code GEO} collection ({@code @geoLookup}).
   *
   * @param fields e.g. {@code COUNTRY_CODE -> DE}
   */
  void geo(Map<String, String> fields);

  /**
   * Reports that a regex ran out of its step budget: the engine sets {@code
   * TX:MSC_PCRE_LIMITS_EXCEEDED} and records which rule.
   *
   * @param pattern the pattern's source
   */
  void regexLimitExceeded(String pattern);

  /**
   * A list an operator may fill with capture groups during one evaluation; the engine hands out the
   * same list each time to spare an allocation per search.
   *
   * @return an empty or stale list the caller clears before use
   */
  default List<String> groupBuffer() {
    return new ArrayList<>(4);
  }
}
