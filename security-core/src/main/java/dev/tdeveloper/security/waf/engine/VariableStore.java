package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.List;
import java.util.Optional;

/**
 * What the evaluator reads and writes in one transaction: the values of variables, the writable
 * collections and macro expansion. Implemented by the transaction's request/response state;
 * confined to one transaction (not thread-safe).
 */
public interface VariableStore {
  /**
   * Appends the values a variable selects now, in ModSecurity's order (arguments in order of
   * appearance, headers as sent). Exclusions are not applied here: the evaluator removes excluded
   * keys by {@link Target#key()}.
   *
   * @param variable the variable or collection name, upper case ({@code ARGS}, {@code REQUEST_URI},
   *     {@code TX}, {@code XML})
   * @param key a key (matched case-insensitively; for {@code XML} an XPath); empty for all
   * @param keyPattern a key regex ({@code ARGS:/^id_/}), tested against each key; empty for none
   * @param out where the values go
   */
  void collect(
      String variable, Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out);

  /**
   * A writable collection by name ({@code TX}, {@code IP}, ...).
   *
   * @param name the collection name, any case
   * @return the collection; empty when it does not exist or has not been opened with {@code
   *     initcol}
   */
  Optional<MutableCollection> collection(String name);

  /**
   * Expands {@code %{collection.key}} and {@code %{VARIABLE}} macros; an unknown one expands to the
   * empty string, as in ModSecurity.
   *
   * @param text text that may hold macros
   * @return the expanded text; {@code text} itself when it has none
   */
  String expand(String text);

  /**
   * Expands a template parsed ahead of time from a text that holds macros: the same result as
   * {@link #expand(String)} of its {@link MacroTemplate#text()}, which is what this default does; a
   * store may use the template and save finding it again.
   *
   * @param template the parsed text
   * @return the expanded text
   */
  default String expand(MacroTemplate template) {
    return expand(template.text());
  }
}
