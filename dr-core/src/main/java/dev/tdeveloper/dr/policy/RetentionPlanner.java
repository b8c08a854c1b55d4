package dev.tdeveloper.dr.policy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which backups a {@link Retention} keeps, as restic's {@code forget --keep-*} does: each
 * rule walks the backups newest first and keeps the first one of each new bucket until its count is
 * used up. Buckets are UTC days, ISO-8601 weeks, months and years. Backups with the same time are
 * ordered by id, so the plan does not depend on the order of the input.
 *
 * <p>The newest restorable backup is always kept, since every rule keeps the newest backup first
 * and a {@link Retention} keeps at least one. On top, the newest verified backup is always kept
 * (reason {@code newest verified}), so a retention never deletes the last proven copy while newer
 * ones await verification. {@link BackupInfo.State#FAILED Failed} backups cannot be restored: they
 * count for no rule and are always deleted. {@link BackupInfo.State#UNVERIFIED Unverified} ones
 * count like verified ones (verification lags creation; excluding them would delete every fresh
 * backup). Stateless and thread-safe.
 */
public final class RetentionPlanner {
  /** Orders backups newest first; ties by id, descending. */
  static final Comparator<BackupInfo> NEWEST_FIRST =
      Comparator.comparing(BackupInfo::time).thenComparing(BackupInfo::id).reversed();

  private RetentionPlanner() {}

  /**
   * Plans which backups to keep and which to delete.
   *
   * @throws IllegalArgumentException if two backups have the same id
   */
  public static RetentionPlan plan(List<BackupInfo> backups, Retention retention) {
    Objects.requireNonNull(backups, "backups");
    Objects.requireNonNull(retention, "retention");
    Set<String> ids = new HashSet<>();
    for (BackupInfo backup : backups) {
      if (!ids.add(Objects.requireNonNull(backup, "backup").id())) {
        throw new IllegalArgumentException("backups: id '" + backup.id() + "' appears twice");
      }
    }
    List<BackupInfo> sorted = backups.stream().sorted(NEWEST_FIRST).toList();
    List<BackupInfo> usable =
        sorted.stream().filter(b -> b.state() != BackupInfo.State.FAILED).toList();
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(retention.keepLast(), usable.size()); i++) {
      reason(reasons, usable.get(i), "last " + retention.keepLast());
    }
    bucket(reasons, usable, retention.keepDaily(), "daily ", b -> day(b).toString());
    bucket(reasons, usable, retention.keepWeekly(), "weekly ", RetentionPlanner::isoWeek);
    bucket(reasons, usable, retention.keepMonthly(), "monthly ", b -> month(b));
    bucket(reasons, usable, retention.keepYearly(), "yearly ", b -> year(b));
    usable.stream()
        .filter(b -> b.state() == BackupInfo.State.VERIFIED)
        .findFirst()
        .filter(b -> !reasons.containsKey(b.id()))
        .ifPresent(b -> reason(reasons, b, "newest verified"));
    List<RetentionPlan.Kept> kept = new ArrayList<>();
    List<BackupInfo> deleted = new ArrayList<>();
    for (BackupInfo backup : sorted) {
      List<String> why = reasons.get(backup.id());
      if (why == null) {
        deleted.add(backup);
      } else {
        kept.add(new RetentionPlan.Kept(backup, why));
      }
    }
    return new RetentionPlan(kept, deleted);
  }

  private static void bucket(
      Map<String, List<String>> reasons,
      List<BackupInfo> newestFirst,
      int count,
      String rule,
      Function<BackupInfo, String> bucketOf) {
    Set<String> seen = new HashSet<>();
    for (BackupInfo backup : newestFirst) {
      if (seen.size() == count) {
        return;
      }
      String bucket = bucketOf.apply(backup);
      if (seen.add(bucket)) {
        reason(reasons, backup, rule + bucket);
      }
    }
  }

  private static void reason(Map<String, List<String>> reasons, BackupInfo backup, String why) {
    reasons.computeIfAbsent(backup.id(), id -> new ArrayList<>()).add(why);
  }

  static LocalDate day(BackupInfo backup) {
    return LocalDate.ofInstant(backup.time(), ZoneOffset.UTC);
  }

  static String isoWeek(BackupInfo backup) {
    LocalDate day = day(backup);
    return String.format(
        "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  static String month(BackupInfo backup) {
    return YearMonth.from(day(backup)).toString();
  }

  static String year(BackupInfo backup) {
    return Integer.toString(day(backup).getYear());
  }
}
