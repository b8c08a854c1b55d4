package dev.tdeveloper.security.posture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the checks of keys and secrets share: checking each subject on its own, so one that cannot
 * be read does not hide the others, and comparing a version's age with the policy's maximum.
 */
final class SubjectChecks {
  private SubjectChecks() {}

  /**
   * Runs {@code check} on each of {@code items} with its subject; a check that throws adds a {@code
   * MEDIUM} finding {@code <checkId>.unreadable} saying that {@code versionsOf} the item could not
   * be read, with the remedy {@code remedy}.
   */
  static <T> List<Finding> checkEach(
      String checkId,
      Iterable<T> items,
      Function<T, Subject> subjectOf,
      Function<T, String> versionsOf,
      String remedy,
      BiFunction<T, Subject, Optional<Finding>> check) {
    List<Finding> findings = new ArrayList<>();
    for (T item : items) {
      Subject subject = subjectOf.apply(item);
      try {
        check.apply(item, subject).ifPresent(findings::add);
      } catch (RuntimeException e) {
        findings.add(
            new Finding(
                checkId + ".unreadable",
                Severity.MEDIUM,
                subject,
                versionsOf.apply(item) + " could not be read: " + Texts.failure(e),
                remedy,
                "unreadable",
                "readable"));
      }
    }
    return findings;
  }

  /**
   * Returns a {@code HIGH} finding {@code <checkId>.too-old} if the version {@code version} created
   * at {@code created} is at least {@code maximum} old at the scan, else nothing. The message reads
   * {@code <version> (<detail>created <created>) is <age> old}.
   */
  static Optional<Finding> tooOld(
      String checkId,
      Subject subject,
      String version,
      String detail,
      Instant created,
      Duration maximum,
      PostureContext context,
      String remedy) {
    Duration age = Duration.between(created, context.now());
    if (age.compareTo(maximum) < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            checkId + ".too-old",
            Severity.HIGH,
            subject,
            version + " (" + detail + "created " + created + ") is " + Ages.describe(age) + " old",
            remedy,
            Ages.describe(age),
            "less than " + Ages.describe(maximum)));
  }
}
