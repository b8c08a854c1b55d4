package dev.tdeveloper.dr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.backup.BackupType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupPolicyTest {
  static BackupPolicyBuilder valid() {
    return BackupPolicy.builder()
        .name("notes-hourly")
        .sources("notes", "attachments")
        .schedule("0 * * * *")
        .retention(Retention.gfs(7, 4, 12, 2).withKeepLast(24))
        .targetStore("local")
        .rpo(Duration.ofHours(2))
        .rto(Duration.ofMinutes(30));
  }

  @Test
  void defaultsAreFullEncryptedAndAOneHourStartWindow() {
    BackupPolicy policy = valid().build();

    assertThat(policy.type()).isEqualTo(BackupType.FULL);
    assertThat(policy.encryptionRequired()).isTrue();
    assertThat(policy.startWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(policy.sources()).containsExactly("notes", "attachments");
    assertThat(policy.schedule()).hasToString("0 * * * *");
    assertThat(policy.fullEvery()).isEmpty();
  }

  @Test
  void incrementalPolicyTakesAFullBackupEveryNRuns() {
    BackupPolicy policy = valid().type(BackupType.INCREMENTAL).fullEvery(3).build();

    assertThat(List.of(0L, 1L, 2L, 3L, 4L, 6L).stream().map(policy::isFullRun))
        .containsExactly(true, false, false, true, false, true);
  }

  @Test
  void badCronNamesTheExpressionAndCronUtilsReason() {
    assertThatThrownBy(() -> BackupPolicy.builder().schedule("0 25 * * *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("schedule '0 25 * * *' is not a valid cron expression: ")
        .hasMessageContaining("25");
  }

  @Test
  void retentionThatKeepsNothingIsRefused() {
    assertThatThrownBy(() -> new Retention(0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("retention keeps nothing: keepLast, keepDaily,");
    assertThatThrownBy(() -> new Retention(3, -1, 0, 0, 0))
        .hasMessage("retention keepDaily must be 0 or more, was -1");
  }

  @Test
  void zeroOrNegativeDurationsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> BackupPolicyTest.valid().startWindow(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy 'notes-hourly': startWindow must be positive, was PT0S");
    assertThatThrownBy(
            () ->
                TestPolicies.policy("p", "0 * * * *", Duration.ofHours(2), Duration.ofMinutes(-5))
                    .sources("s")
                    .targetStore("local")
                    .build())
        .hasMessage("policy 'p': rto must be positive, was PT-5M");
  }

  @Test
  void rpoShorterThanTheLongestGapBetweenRunsIsRefused() {
    assertThatThrownBy(
            () ->
                TestPolicies.policy(
                        "weekdays", "0 2 * * 1-5", Duration.ofHours(25), Duration.ofHours(1))
                    .sources("notes")
                    .targetStore("local")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "policy 'weekdays': rpo PT25H is shorter than the longest gap PT72H between runs of"
                + " schedule '0 2 * * 1-5', so it could never be met");
  }

  @Test
  void rpoEqualToTheLongestGapIsAccepted() {
    BackupPolicy policy =
        TestPolicies.policy("daily", "0 2 * * *", Duration.ofDays(1), Duration.ofHours(1))
            .sources("notes")
            .targetStore("local")
            .build();

    assertThat(policy.rpo()).isEqualTo(policy.schedule().longestGap());
  }

  @Test
  void duplicateSourceNamesAreRefused() {
    assertThatThrownBy(() -> valid().sources("notes", "files", "notes").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sources was already set");
    BackupPolicyBuilder builder =
        TestPolicies.policy("p", "0 * * * *", Duration.ofHours(1), Duration.ofHours(1))
            .sources("notes", "files", "notes")
            .targetStore("local");
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy 'p': source 'notes' is listed twice in [notes, files, notes]");
  }

  @Test
  void malformedNamesAreRefusedWithTheAllowedCharacters() {
    assertThatThrownBy(() -> BackupPolicy.builder().name("Notes Hourly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be 1 to 64 of a-z, 0-9, '.', '_' or '-', was 'Notes Hourly'");
    assertThatThrownBy(() -> BackupPolicy.builder().name("x".repeat(65)))
        .hasMessageContaining("was '" + "x".repeat(65) + "'");
    BackupPolicyBuilder builder =
        TestPolicies.policy("p", "0 * * * *", Duration.ofHours(1), Duration.ofHours(1))
            .sources("notes")
            .targetStore("s3://bucket");
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("targetStore must be 1 to 64 of a-z, 0-9, '.', '_' or '-', was 's3://bucket'");
  }

  @Test
  void missingOrConflictingSettingsAreIllegalStates() {
    assertThatThrownBy(() -> BackupPolicy.builder().name("p").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy 'p': sources is not set");
    assertThatThrownBy(() -> valid().fullEvery(4).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "policy 'notes-hourly': fullEvery applies to INCREMENTAL policies only, type is FULL");
    assertThatThrownBy(() -> valid().type(BackupType.INCREMENTAL).fullEvery(1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy 'notes-hourly': fullEvery must be 2 or more, was 1");
  }

  @Test
  void emptySourcesAreRefused() {
    BackupPolicyBuilder builder =
        TestPolicies.policy("p", "0 * * * *", Duration.ofHours(1), Duration.ofHours(1))
            .sources(List.of())
            .targetStore("local");
    assertThatThrownBy(builder::build).hasMessage("policy 'p': sources must not be empty");
  }
}
