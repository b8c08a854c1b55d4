package dev.tdeveloper.dr.policy;

import java.time.Duration;

/** Policies for tests: what a test is not about is set to something valid. */
public final class TestPolicies {
  private TestPolicies() {}

  /**
   * Returns a builder with the name, cron schedule, RPO and RTO set and a retention keeping one
   * backup; sources and the target store are left to the test.
   */
  public static BackupPolicyBuilder policy(
      String name, String schedule, Duration rpo, Duration rto) {
    return BackupPolicy.builder()
        .name(name)
        .schedule(schedule)
        .retention(Retention.keepLast(1))
        .rpo(rpo)
        .rto(rto);
  }
}
