package dev.tdeveloper.security.waf;

import java.util.List;
import java.util.Objects;

/**
 * One rule (a whole chain) that matched, as the audit log reports it. Texts are macro-expanded at
 * the moment the rule matched. Rules with {@code nolog} are not recorded, as ModSecurity does not
 * log them. Immutable.
 *
 * @param ruleId the rule's id
 * @param phase the phase it ran in, 1 to 5
 * @param message the expanded {@code msg}; empty when the rule has none
 * @param variableName {@code MATCHED_VAR_NAME} when the rule matched ({@code ARGS:id}); empty for
 *     {@code SecAction}
 * @param data {@code MATCHED_VAR}: the (transformed) value that matched, as a byte string
 * @param logData the expanded {@code logdata}; empty when none
 * @param severity the {@code severity}, 0 (EMERGENCY) to 7 (DEBUG); -1 when none
 * @param tags the {@code tag} values in order
 * @param reason why the engine recorded it: {@code "match"}, or the internal error that made it
 *     skip the rule
 */
public record WafMatch(
    long ruleId,
    int phase,
    String message,
    String variableName,
    String data,
    String logData,
    int severity,
    List<String> tags,
    String reason) {
  /** Validates and copies. */
  public WafMatch {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(variableName, "variableName");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(logData, "logData");
    tags = List.copyOf(tags);
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Whether the engine recorded this because evaluating the rule failed (an engine fault); the rule
   * was skipped and the request went on, as ModSecurity logs and continues.
   *
   * @return whether it is an error record
   */
  public boolean isError() {
    return !"match".equals(reason);
  }
}
