package dev.tdeveloper.compliance.controls;

import java.util.Optional;
import java.util.regex.Pattern;

/** A compliance framework whose controls a {@link ControlCatalog} lists, with its id syntax. */
public enum Framework {
  /**
   * AICPA SOC 2: the 2017 Trust Services Criteria (revised points of focus, 2022), ids such as
   * {@code CC6.1}, {@code A1.2}, {@code C1.1}, {@code PI1.3} and {@code P4.2}.
   */
  SOC2("SOC 2", "(?:CC[1-9]|A1|C1|PI1|P[1-8])\\.[1-9]"),
  /** ISO/IEC 27001:2022 Annex A controls, ids such as {@code A.5.15} and {@code A.8.24}. */
  ISO27001(
      "ISO/IEC 27001:2022",
      "A\\.(?:5\\.(?:[1-9]|[12][0-9]|3[0-7])|6\\.[1-8]|7\\.(?:[1-9]|1[0-4])"
          + "|8\\.(?:[1-9]|[12][0-9]|3[0-4]))"),
  /**
   * The HIPAA Security Rule (45 CFR Part 164 Subpart C) standards and implementation
   * specifications, ids such as {@code 164.312(a)(2)(iv)} and {@code 164.308(a)(1)(ii)(D)}.
   */
  HIPAA(
      "HIPAA Security Rule",
      "164\\.3(?:08|10|12|14|16)\\([a-e]\\)(?:\\([1-9]\\))?(?:\\((?:i|ii|iii|iv|v)\\))?"
          + "(?:\\([A-E]\\))?");

  private final String title;
  private final Pattern idPattern;

  Framework(String title, String idPattern) {
    this.title = title;
    this.idPattern = Pattern.compile(idPattern);
  }

  /** Returns the framework's name for people, such as {@code ISO/IEC 27001:2022}. */
  public String title() {
    return title;
  }

  /** Returns the regular expression a control id of this framework matches in full. */
  public Pattern idPattern() {
    return idPattern;
  }

  /** Returns whether {@code id} has this framework's control id syntax. */
  public boolean accepts(String id) {
    return idPattern.matcher(id).matches();
  }

  /** Returns the framework whose id syntax {@code id} has; the syntaxes never overlap. */
  public static Optional<Framework> forId(String id) {
    for (Framework f : values()) {
      if (f.accepts(id)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
