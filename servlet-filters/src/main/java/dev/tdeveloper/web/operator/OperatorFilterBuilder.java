package dev.tdeveloper.web.operator;

import dev.tdeveloper.tenancy.access.Permission;
import dev.tdeveloper.tenancy.access.TenantAccessGuard;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.web.internal.PathPrefixes;
import dev.tdeveloper.web.problem.ProblemWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures an {@link OperatorFilter}: the authenticator, the guard and at least one path rule are
 * required; each single-valued setting may be set once. A rejected argument leaves the builder
 * unchanged.
 *
 * <p>Not thread-safe; the built filter is immutable and does not see later changes.
 */
public final class OperatorFilterBuilder {
  OperatorAuthenticator authenticator;
  TenantAccessGuard guard;
  ProblemWriter problemWriter;
  final Map<String, Permission> rules = new LinkedHashMap<>();
  final List<EventListener<? super OperatorRejectedEvent>> listeners = new ArrayList<>();

  OperatorFilterBuilder() {}

  /**
   * Sets how operators authenticate (required).
   *
   * @throws IllegalStateException if an authenticator was already set
   */
  public OperatorFilterBuilder authenticator(OperatorAuthenticator authenticator) {
    Objects.requireNonNull(authenticator, "authenticator");
    if (this.authenticator != null) {
      throw new IllegalStateException("authenticator was already set to " + this.authenticator);
    }
    this.authenticator = authenticator;
    return this;
  }

  /**
   * Sets the guard whose role policy decides which platform roles grant which permissions
   * (required); its listeners hear every platform denial.
   *
   * @throws IllegalStateException if a guard was already set
   */
  public OperatorFilterBuilder guard(TenantAccessGuard guard) {
    Objects.requireNonNull(guard, "guard");
    if (this.guard != null) {
      throw new IllegalStateException("guard was already set");
    }
    this.guard = guard;
    return this;
  }

  /**
   * Requires {@code permission} for the paths under {@code pathPrefix} (whole segments: {@code
   * /ops} covers {@code /ops} and {@code /ops/tenants}, not {@code /opsx}). The longest matching
   * prefix decides; a path no rule covers is refused with 403 (the filter fails closed).
   *
   * @throws IllegalArgumentException if the prefix is not one or more {@code /segment}s without
   *     {@code %}, {@code ?}, {@code #} or dot segments, or already has a rule
   */
  public OperatorFilterBuilder require(String pathPrefix, Permission permission) {
    Objects.requireNonNull(permission, "permission");
    String prefix = PathPrefixes.normalize("operator path prefix", pathPrefix);
    if (rules.containsKey(prefix)) {
      throw new IllegalArgumentException(
          "operator path prefix " + prefix + " already requires " + rules.get(prefix));
    }
    rules.put(prefix, permission);
    return this;
  }

  /**
   * Sets how problem responses are written; defaults to {@link ProblemWriter#create()}.
   *
   * @throws IllegalStateException if a problem writer was already set
   */
  public OperatorFilterBuilder problemWriter(ProblemWriter problemWriter) {
    Objects.requireNonNull(problemWriter, "problemWriter");
    if (this.problemWriter != null) {
      throw new IllegalStateException("problemWriter was already set");
    }
    this.problemWriter = problemWriter;
    return this;
  }

  /** Adds a listener told of every refused request; listeners run in the order added. */
  public OperatorFilterBuilder listener(EventListener<? super OperatorRejectedEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the filter.
   *
   * @throws IllegalStateException if the authenticator or the guard was not set, or no rule was
   *     added
   */
  public OperatorFilter build() {
    if (authenticator == null) {
      throw new IllegalStateException(
          "authenticator is required: call authenticator(...) before build()");
    }
    if (guard == null) {
      throw new IllegalStateException("guard is required: call guard(...) before build()");
    }
    if (rules.isEmpty()) {
      throw new IllegalStateException(
          "at least one rule is required: call require(pathPrefix, permission) before build()");
    }
    return new OperatorFilter(this);
  }
}
