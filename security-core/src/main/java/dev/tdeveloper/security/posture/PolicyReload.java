package dev.tdeveloper.security.posture;

import dev.tdeveloper.tenancy.config.ReloadResult;
import java.util.Objects;

/**
 * The outcome of a {@link ReloadableSecurityPolicy} reload: the new policy is in force for every
 * consumer ({@link Applied}), nothing changed ({@link Unchanged}), or the file was {@link Refused}
 * — rejected with every problem found, or a consumer failed to apply it — and the previous policy
 * stays in force everywhere. Immutable and thread-safe.
 */
public sealed interface PolicyReload {
  /**
   * The file changed and its policy is now in force for every consumer.
   *
   * @param file the policy now in force, with its locations
   */
  record Applied(SecurityPolicyFile file) implements PolicyReload {
    /** Checks that the file is not null. */
    public Applied {
      Objects.requireNonNull(file, "file");
    }
  }

  /** The file's policy is the one in force (the file is the same, or differs only in layout). */
  record Unchanged() implements PolicyReload {}

  /**
   * Nothing changed anywhere: the file was {@linkplain ReloadResult.Rejected rejected} (unreadable,
   * malformed, a bad value, or a consumer's validator refused it; every problem is listed) or a
   * consumer {@linkplain ReloadResult.Failed failed} to apply it and every consumer was given the
   * previous policy again.
   *
   * @param result a {@link ReloadResult.Rejected} or a {@link ReloadResult.Failed}
   */
  record Refused(ReloadResult result) implements PolicyReload {
    /**
     * Checks the result.
     *
     * @throws IllegalArgumentException if it is neither rejected nor failed
     */
    public Refused {
      Objects.requireNonNull(result, "result");
      if (!(result instanceof ReloadResult.Rejected) && !(result instanceof ReloadResult.Failed)) {
        throw new IllegalArgumentException("result must be Rejected or Failed, was " + result);
      }
    }

    /** Returns every problem, one per line, or the consumer's failure. */
    public String message() {
      return result instanceof ReloadResult.Rejected r
          ? r.message()
          : ((ReloadResult.Failed) result).message();
    }
  }
}
