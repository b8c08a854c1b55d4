package dev.tdeveloper.security.posture;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One posture check a component contributes to a {@link PostureScanner}: it inspects the component
 * as it is now against the {@link SecurityPolicy} and returns a {@link Finding} for each departure.
 * {@link PostureChecks} has the built-in ones; any other check (a TLS endpoint probe, a backend's
 * own settings) is adapted by mapping its results to findings whose {@link Finding#checkId()}
 * starts with {@link #id()}.
 *
 * <p>A check must not change what it inspects, must not put secret values in findings, and must
 * take time from {@link PostureContext#now()}. If it throws, the scanner reports one {@code
 * check-failed} finding for it and the other checks still run. Implementations must be thread-safe
 * if the scanner is shared.
 */
public interface PostureCheck {
  /**
   * Returns the check's id, which prefixes the check ids of its findings (a check {@code keys}
   * reports {@code keys} or {@code keys.*}); it matches {@link Finding#CHECK_ID}.
   */
  String id();

  /**
   * Returns every departure from {@code context.policy()}; empty when the component complies. Never
   * null.
   */
  List<Finding> run(PostureContext context);

  /**
   * Returns a check with {@code id} running {@code check}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code id} does not match {@link Finding#CHECK_ID}
   */
  static PostureCheck of(String id, Function<PostureContext, List<Finding>> check) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(check, "check");
    if (!Finding.CHECK_ID.matcher(id).matches() || id.length() > Finding.MAX_CHECK_ID_LENGTH) {
      throw new IllegalArgumentException(
          "id must match " + Finding.CHECK_ID.pattern() + ", was '" + Texts.shorten(id) + "'");
    }
    return new PostureCheck() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public List<Finding> run(PostureContext context) {
        return check.apply(context);
      }

      @Override
      public String toString() {
        return "PostureCheck[" + id + "]";
      }
    };
  }
}
