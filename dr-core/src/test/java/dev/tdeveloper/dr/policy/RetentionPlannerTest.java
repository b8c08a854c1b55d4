package dev.tdeveloper.dr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.policy.BackupInfo.State;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPlannerTest {
  private static BackupInfo backup(String id, String time) {
    return new BackupInfo(id, Instant.parse(time), State.VERIFIED);
  }

  private static BackupInfo backup(String id, String time, State state) {
    return new BackupInfo(id, Instant.parse(time), state);
  }

  @Test
  void keepLastKeepsTheNewestBackups() {
    List<BackupInfo> backups =
        List.of(
            backup("a", "2026-12-01T00:00:00Z"),
            backup("b", "2026-12-02T00:00:00Z"),
            backup("c", "2026-12-03T00:00:00Z"));

    RetentionPlan plan = RetentionPlanner.plan(backups, Retention.keepLast(2));

    assertThat(plan.keptIds()).containsExactly("c", "b");
    assertThat(plan.deletedIds()).containsExactly("a");
    assertThat(plan.reasons("c")).contains(List.of("last 2"));
    assertThat(plan.reasons("a")).isEmpty();
  }

  @Test
  void dailyKeepsTheNewestBackupOfEachUtcDayCountingBackFromTheNewest() {
    List<BackupInfo> backups =
        List.of(
            backup("d4-late", "2026-12-04T23:59:59Z"),
            backup("d4-early", "2026-12-04T00:00:00Z"),
            backup("d3", "2026-12-03T12:00:00Z"),
            backup("d1", "2026-12-01T12:00:00Z"),
            backup("d0", "2026-11-30T12:00:00Z"));

    RetentionPlan plan = RetentionPlanner.plan(backups, Retention.gfs(3, 0, 0, 0));

    assertThat(plan.keptIds()).containsExactly("d4-late", "d3", "d1");
    assertThat(plan.reasons("d4-late")).contains(List.of("daily 2026-12-04"));
    assertThat(plan.reasons("d1")).contains(List.of("daily 2026-12-01"));
    assertThat(plan.deletedIds()).containsExactly("d4-early", "d0");
  }

  @Test
  void weeklyMonthlyAndYearlyBucketsUseIsoWeeksAndCalendarMonthsInUtc() {
    List<BackupInfo> backups =
        List.of(
            backup("sun", "2027-01-03T10:00:00Z"), // ISO week 2026-W53
            backup("mon", "2027-01-04T10:00:00Z"), // ISO week 2027-W01
            backup("dec", "2026-12-15T10:00:00Z"));

    RetentionPlan plan = RetentionPlanner.plan(backups, Retention.gfs(0, 2, 2, 2));

    assertThat(plan.reasons("mon"))
        .contains(List.of("weekly 2027-W01", "monthly 2027-01", "yearly 2027"));
    assertThat(plan.reasons("sun")).contains(List.of("weekly 2026-W53"));
    assertThat(plan.reasons("dec")).contains(List.of("monthly 2026-12", "yearly 2026"));
    assertThat(plan.deleted()).isEmpty();
  }

  @Test
  void failedBackupsCountForNothingAndAreDeleted() {
    List<BackupInfo> backups =
        List.of(
            backup("broken", "2026-12-05T00:00:00Z", State.FAILED),
            backup("good", "2026-12-04T00:00:00Z"));

    RetentionPlan plan = RetentionPlanner.plan(backups, Retention.keepLast(1));

    assertThat(plan.keptIds()).containsExactly("good");
    assertThat(plan.deletedIds()).containsExactly("broken");
  }

  @Test
  void newestVerifiedBackupIsKeptWhileNewerOnesAwaitVerification() {
    List<BackupInfo> backups =
        List.of(
            backup("new", "2026-12-05T00:00:00Z", State.UNVERIFIED),
            backup("proven", "2026-12-04T00:00:00Z"),
            backup("old", "2026-12-03T00:00:00Z"));

    RetentionPlan plan = RetentionPlanner.plan(backups, Retention.keepLast(1));

    assertThat(plan.keptIds()).containsExactly("new", "proven");
    assertThat(plan.reasons("proven")).contains(List.of("newest verified"));
    assertThat(plan.deletedIds()).containsExactly("old");
  }

  @Test
  void duplicateIdsAreRefused() {
    List<BackupInfo> backups =
        List.of(backup("x", "2026-12-05T00:00:00Z"), backup("x", "2026-12-04T00:00:00Z"));

    assertThatThrownBy(() -> RetentionPlanner.plan(backups, Retention.keepLast(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backups: id 'x' appears twice");
  }

  @Test
  void emptyInputGivesAnEmptyPlan() {
    RetentionPlan plan = RetentionPlanner.plan(List.of(), Retention.keepLast(3));

    assertThat(plan.kept()).isEmpty();
    assertThat(plan.deleted()).isEmpty();
  }
}
