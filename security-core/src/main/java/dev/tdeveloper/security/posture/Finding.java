package dev.tdeveloper.security.posture;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One departure from the {@link SecurityPolicy} found by a {@link PostureCheck}: which rule ({@link
 * #checkId}), how urgent, about what ({@link #subject}), what was observed against what the policy
 * requires, and how to fix it. Findings are machine-readable evidence: the check ids, subjects and
 * severities of a component in a given state are the same on every scan, and {@link #key()}
 * identifies a finding across scans. No field ever holds a secret value or key material.
 *
 * <p>Immutable and thread-safe.
 *
 * @param checkId the rule, dotted lower case, for example {@code keys.too-old}; it starts with the
 *     {@linkplain PostureCheck#id() id of the check} that reported it
 * @param severity how urgent it is
 * @param subject what it is about
 * @param message what is wrong, one line, naming the subject
 * @param remediation what to do about it, one line
 * @param observed what was observed, for example {@code 120 days}; {@code -} when nothing could be
 * @param required what the policy requires, for example {@code at most 90 days}
 */
public record Finding(
    String checkId,
    Severity severity,
    Subject subject,
    String message,
    String remediation,
    String observed,
    String required) {

  /** The rule for check ids: dot-separated words of lower-case letters, digits and dashes. */
  public static final Pattern CHECK_ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

  /** The longest check id: {@value}. */
  public static final int MAX_CHECK_ID_LENGTH = 64;

  /** The longest message or remediation: {@value}. */
  public static final int MAX_TEXT_LENGTH = 1000;

  /** The longest observed or required value: {@value}. */
  public static final int MAX_VALUE_LENGTH = 200;

  /** The order of a report: most severe first, then by check id, then by subject. */
  public static final Comparator<Finding> REPORT_ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::checkId)
          .thenComparing(f -> f.subject().kind())
          .thenComparing(f -> f.subject().id());

  /**
   * Validates the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException naming the bad field, its value and what is allowed
   */
  public Finding {
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    if (checkId.length() > MAX_CHECK_ID_LENGTH || !CHECK_ID.matcher(checkId).matches()) {
      throw new IllegalArgumentException(
          "checkId must match "
              + CHECK_ID.pattern()
              + " in at most "
              + MAX_CHECK_ID_LENGTH
              + " characters, was '"
              + Texts.shorten(checkId)
              + "'");
    }
    Texts.requireLine("message", message, MAX_TEXT_LENGTH);
    Texts.requireLine("remediation", remediation, MAX_TEXT_LENGTH);
    Texts.requireLine("observed", observed, MAX_VALUE_LENGTH);
    Texts.requireLine("required", required, MAX_VALUE_LENGTH);
  }

  /**
   * Returns {@code checkId|kind:id}, which names this finding across scans: the same rule broken by
   * the same subject has the same key, whatever the message says.
   */
  public String key() {
    return checkId + "|" + subject;
  }

  /** Returns {@code SEVERITY checkId subject: message}. */
  @Override
  public String toString() {
    return severity + " " + checkId + " " + subject + ": " + message;
  }
}
