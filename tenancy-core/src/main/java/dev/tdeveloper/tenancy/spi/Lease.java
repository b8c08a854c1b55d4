package dev.tdeveloper.tenancy.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A lease granted by {@link JobLease#acquire}: proof that {@code holder} may run {@code jobName}
 * until the lease expires, with a fencing token that grows with every grant of the same job.
 *
 * <p>A job that writes to other systems should pass {@link #fencingToken()} along with its writes
 * and have them refuse a token lower than the highest one they have seen: a holder that was paused
 * past its lease (a long GC, a frozen VM) then cannot overwrite the work of the holder that took
 * the lease over. Immutable and thread-safe.
 *
 * @param jobName the job, 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._:/-]},
 *     starting with a letter or digit
 * @param holder who holds the lease (for example host name and process id), 1 to {@value
 *     #MAX_LENGTH} characters without control characters
 * @param fencingToken the grant's fencing token, at least 1; a later grant of the same job always
 *     has a greater one
 */
public record Lease(String jobName, String holder, long fencingToken) {
  /** The longest job name or holder: {@value} characters. */
  public static final int MAX_LENGTH = 200;

  private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");

  /**
   * Validates the fields.
   *
   * @throws NullPointerException if a name is null
   * @throws IllegalArgumentException if a name is malformed or the token is below 1
   */
  public Lease {
    requireJobName(jobName);
    requireHolder(holder);
    if (fencingToken < 1) {
      throw new IllegalArgumentException("fencingToken must be at least 1, was " + fencingToken);
    }
  }

  /**
   * Checks a job name, as every {@link JobLease} operation does.
   *
   * @return {@code jobName}
   * @throws NullPointerException if {@code jobName} is null
   * @throws IllegalArgumentException if it is empty, too long or has a character outside {@code
   *     [A-Za-z0-9._:/-]}
   */
  public static String requireJobName(String jobName) {
    Objects.requireNonNull(jobName, "jobName");
    if (jobName.length() > MAX_LENGTH || !JOB_NAME.matcher(jobName).matches()) {
      throw new IllegalArgumentException(
          "jobName must be 1 to "
              + MAX_LENGTH
              + " characters of [A-Za-z0-9._:/-] starting with a letter or digit, was '"
              + jobName
              + "'");
    }
    return jobName;
  }

  /**
   * Checks a holder, as every {@link JobLease} operation does.
   *
   * @return {@code holder}
   * @throws NullPointerException if {@code holder} is null
   * @throws IllegalArgumentException if it is empty, too long or has a control character
   */
  public static String requireHolder(String holder) {
    Objects.requireNonNull(holder, "holder");
    if (holder.isEmpty()
        || holder.length() > MAX_LENGTH
        || holder.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "holder must be 1 to "
              + MAX_LENGTH
              + " characters without control characters, was '"
              + holder
              + "'");
    }
    return holder;
  }
}
