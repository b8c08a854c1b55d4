package dev.tdeveloper.dr.runbook;

import dev.tdeveloper.tenancy.internal.Texts;
import java.util.Objects;
import java.util.regex.Pattern;

/** The naming rules of runbooks, steps and run ids. Stateless and thread-safe. */
final class RunbookNames {
  /** The longest runbook or step name: {@value}. */
  static final int MAX_NAME = 128;

  /** The longest detail or note kept in the journal: {@value} characters. */
  static final int MAX_DETAIL = 2000;

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private RunbookNames() {}

  /** Checks a runbook or step name: 1 to 128 characters, not blank, no control characters. */
  static String requireName(String field, String name) {
    Objects.requireNonNull(name, field);
    if (name.isBlank()
        || name.length() > MAX_NAME
        || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          field
              + " "
              + Texts.quote(name)
              + " is not allowed: 1 to "
              + MAX_NAME
              + " characters, not blank, no control characters");
    }
    return name;
  }

  /** Checks a run id, which names the run's journal file. */
  static String requireRunId(String runId) {
    Objects.requireNonNull(runId, "runId");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "runId "
              + Texts.quote(runId)
              + " is not allowed: 1 to 128 letters, digits, '.', '_' or '-', starting with a letter"
              + " or digit");
    }
    return runId;
  }

  /** Cuts a text to {@link #MAX_DETAIL} characters. */
  static String clip(String text) {
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
  }
}
