package dev.tdeveloper.web.tenant;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.resolve.TenantResolver;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.web.internal.PathPrefixes;
import dev.tdeveloper.web.problem.ProblemWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Configures a {@link TenantFilter}. The resolver and the registry are required; each single-valued
 * setting may be set once. A rejected argument leaves the builder unchanged.
 *
 * <p>Not thread-safe; the built filter is immutable and does not see later changes.
 */
public final class TenantFilterBuilder {
  TenantResolver resolver;
  TenantRegistry registry;
  ProblemWriter problemWriter;
  final TreeSet<String> excludedPrefixes = new TreeSet<>();
  final List<EventListener<? super TenantRejectedEvent>> listeners = new ArrayList<>();

  TenantFilterBuilder() {}

  /**
   * Sets how the tenant of a request is found (required). Compose several resolvers, such as a
   * header and a subdomain that must agree, into one before passing it here.
   *
   * @throws IllegalStateException if a resolver was already set
   */
  public TenantFilterBuilder resolver(TenantResolver resolver) {
    Objects.requireNonNull(resolver, "resolver");
    if (this.resolver != null) {
      throw new IllegalStateException("resolver was already set to " + this.resolver);
    }
    this.resolver = resolver;
    return this;
  }

  /**
   * Sets the registry in which resolved tenants are looked up (required).
   *
   * @throws IllegalStateException if a registry was already set
   */
  public TenantFilterBuilder registry(TenantRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    if (this.registry != null) {
      throw new IllegalStateException("registry was already set to " + this.registry);
    }
    this.registry = registry;
    return this;
  }

  /**
   * Sets how problem responses are written; defaults to {@link ProblemWriter#create()}.
   *
   * @throws IllegalStateException if a problem writer was already set
   */
  public TenantFilterBuilder problemWriter(ProblemWriter problemWriter) {
    Objects.requireNonNull(problemWriter, "problemWriter");
    if (this.problemWriter != null) {
      throw new IllegalStateException("problemWriter was already set");
    }
    this.problemWriter = problemWriter;
    return this;
  }

  /**
   * Excludes the paths under {@code prefix} (within the context path) from tenant resolution: the
   * path equal to it and those continuing it with {@code /}. {@code /health} excludes {@code
   * /health} and {@code /health/live} but not {@code /healthz}. A trailing {@code /} is ignored.
   * Defaults to none.
   *
   * @throws IllegalArgumentException if {@code prefix} is not one or more {@code /segment}s of
   *     unreserved URI characters (no {@code %}, {@code ?}, {@code #}, {@code .} or {@code ..}
   *     segments), or is {@code /} alone, which would exclude everything
   */
  public TenantFilterBuilder excludePathPrefix(String prefix) {
    String normalized = PathPrefixes.normalize("excluded path prefix", prefix);
    excludedPrefixes.add(normalized);
    return this;
  }

  /** Excludes each of {@code prefixes}; see {@link #excludePathPrefix(String)}. */
  public TenantFilterBuilder excludePathPrefixes(String... prefixes) {
    Objects.requireNonNull(prefixes, "prefixes");
    TenantFilterBuilder probe = new TenantFilterBuilder();
    for (String prefix : prefixes) {
      probe.excludePathPrefix(prefix); // validate all before changing anything
    }
    excludedPrefixes.addAll(probe.excludedPrefixes);
    return this;
  }

  /** Adds a listener told of every refused request; listeners run in the order added. */
  public TenantFilterBuilder listener(EventListener<? super TenantRejectedEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the filter.
   *
   * @throws IllegalStateException if the resolver or the registry was not set
   */
  public TenantFilter build() {
    if (resolver == null) {
      throw new IllegalStateException("resolver is required: call resolver(...) before build()");
    }
    if (registry == null) {
      throw new IllegalStateException("registry is required: call registry(...) before build()");
    }
    return new TenantFilter(this);
  }
}
