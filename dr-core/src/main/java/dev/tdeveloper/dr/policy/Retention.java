package dev.tdeveloper.dr.policy;

/**
 * How many backups to keep, by count and grandfather-father-son buckets, as restic's {@code forget
 * --keep-*} and Proxmox's prune do. All buckets are in UTC and counted back from the newest backup;
 * a bucket (day, ISO week, month, year) counts only if it holds a backup, and the newest backup in
 * it is the one kept. A backup kept by several rules is kept once. See {@link RetentionPlanner}.
 * Immutable and thread-safe.
 *
 * @param keepLast the newest {@code keepLast} backups
 * @param keepDaily the newest backup of each of the newest {@code keepDaily} days that have one
 * @param keepWeekly the same per ISO-8601 week (Monday to Sunday)
 * @param keepMonthly the same per calendar month
 * @param keepYearly the same per calendar year
 */
public record Retention(
    int keepLast, int keepDaily, int keepWeekly, int keepMonthly, int keepYearly) {
  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative, or all are zero (the retention would
   *     keep nothing)
   */
  public Retention {
    check("keepLast", keepLast);
    check("keepDaily", keepDaily);
    check("keepWeekly", keepWeekly);
    check("keepMonthly", keepMonthly);
    check("keepYearly", keepYearly);
    if (keepLast + keepDaily + keepWeekly + keepMonthly + keepYearly == 0) {
      throw new IllegalArgumentException(
          "retention keeps nothing: keepLast, keepDaily, keepWeekly, keepMonthly and keepYearly are"
              + " all 0; set at least one to 1 or more");
    }
  }

  /** Returns a retention keeping only the newest {@code count} backups. */
  public static Retention keepLast(int count) {
    return new Retention(count, 0, 0, 0, 0);
  }

  /**
   * Returns a GFS retention: the newest backup of each of the newest {@code daily} days, {@code
   * weekly} weeks, {@code monthly} months and {@code yearly} years.
   */
  public static Retention gfs(int daily, int weekly, int monthly, int yearly) {
    return new Retention(0, daily, weekly, monthly, yearly);
  }

  /** Returns a copy that also keeps the newest {@code count} backups. */
  public Retention withKeepLast(int count) {
    return new Retention(count, keepDaily, keepWeekly, keepMonthly, keepYearly);
  }

  private static void check(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("retention " + field + " must be 0 or more, was " + value);
    }
  }
}
