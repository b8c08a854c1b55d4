package dev.tdeveloper.scaling.resilience;

import dev.tdeveloper.scaling.ScalingException;
import java.util.Collection;
import java.util.TreeSet;

/** Thrown when a call names a dependency that has no policy; the message lists those that do. */
public final class UnknownDependencyException extends ScalingException {
  private static final long serialVersionUID = 1L;

  private final String dependency;

  UnknownDependencyException(String dependency, Collection<String> known) {
    super(
        "no policy for dependency '"
            + dependency
            + "'; the dependencies with a policy are "
            + new TreeSet<>(known));
    this.dependency = dependency;
  }

  /** Returns the name that has no policy. */
  public String dependency() {
    return dependency;
  }
}
