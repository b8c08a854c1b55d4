package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Combines named tenant sources ({@code "subdomain"}, {@code "token"}, ...) in the order they were
 * added, in one of two {@linkplain Mode modes}. In both, a source that throws {@link
 * TenantResolutionException} fails the whole resolution: a malformed signal is never skipped.
 *
 * <p>Immutable and thread-safe when its sources are (the ones in this package are).
 */
public final class CompositeTenantResolver implements TenantResolver {
  /** How the sources' answers are combined. */
  public enum Mode {
    /** The first source that names a tenant wins; later sources are not consulted. */
    FIRST_MATCH,
    /**
     * Every source is consulted and all that name a tenant must name the same one, else {@link
     * TenantMismatchException}; with {@link Builder#requireAtLeast}, fewer agreeing sources than
     * required (but at least one) is a {@link TenantResolutionException}.
     */
    ALL_MUST_AGREE
  }

  private final Mode mode;
  private final String[] names;
  private final TenantResolver[] sources;
  private final int requireAtLeast;

  private CompositeTenantResolver(Builder builder) {
    this.mode = builder.mode;
    this.names = builder.names.toArray(new String[0]);
    this.sources = builder.sources.toArray(new TenantResolver[0]);
    this.requireAtLeast = builder.requireAtLeast;
  }

  /** Returns a builder of a composite in {@code mode}. */
  public static Builder builder(Mode mode) {
    return new Builder(Objects.requireNonNull(mode, "mode"));
  }

  /** Returns the mode. */
  public Mode mode() {
    return mode;
  }

  /** Returns the source names, in consultation order. */
  public List<String> sourceNames() {
    return List.of(names);
  }

  /**
   * {@inheritDoc}
   *
   * @throws TenantMismatchException in {@link Mode#ALL_MUST_AGREE} when sources name different
   *     tenants
   * @throws TenantResolutionException when a source throws it, or fewer sources than required (but
   *     at least one) name a tenant
   */
  @Override
  public Optional<TenantId> resolve(RequestView request) {
    return mode == Mode.FIRST_MATCH ? firstMatch(request) : allMustAgree(request);
  }

  private Optional<TenantId> firstMatch(RequestView request) {
    for (TenantResolver source : sources) {
      Optional<TenantId> tenant = source.resolve(request);
      if (tenant.isPresent()) {
        return tenant;
      }
    }
    return Optional.empty();
  }

  private Optional<TenantId> allMustAgree(RequestView request) {
    TenantId agreed = null;
    boolean disagree = false;
    int found = 0;
    TenantId[] answers = new TenantId[sources.length];
    for (int i = 0; i < sources.length; i++) {
      Optional<TenantId> tenant = sources[i].resolve(request);
      if (tenant.isPresent()) {
        answers[i] = tenant.get();
        found++;
        if (agreed == null) {
          agreed = answers[i];
        } else if (!agreed.equals(answers[i])) {
          disagree = true;
        }
      }
    }
    if (disagree) {
      throw new TenantMismatchException(named(answers));
    }
    if (found > 0 && found < requireAtLeast) {
      throw new TenantResolutionException(
          "only "
              + found
              + " of the "
              + requireAtLeast
              + " required tenant sources named a tenant: "
              + named(answers)
              + "; sources: "
              + List.of(names));
    }
    return Optional.ofNullable(agreed);
  }

  private Map<String, TenantId> named(TenantId[] answers) {
    Map<String, TenantId> bySource = new LinkedHashMap<>();
    for (int i = 0; i < answers.length; i++) {
      if (answers[i] != null) {
        bySource.put(names[i], answers[i]);
      }
    }
    return bySource;
  }

  @Override
  public String toString() {
    return "CompositeTenantResolver[" + mode + ", " + List.of(names) + "]";
  }

  /** Builder of a {@link CompositeTenantResolver}; not thread-safe, the built resolver is. */
  public static final class Builder {
    private final Mode mode;
    private final List<String> names = new ArrayList<>();
    private final List<TenantResolver> sources = new ArrayList<>();
    private int requireAtLeast;

    private Builder(Mode mode) {
      this.mode = mode;
    }

    /**
     * Adds a source, consulted after those added before it.
     *
     * @param name a non-blank name, unique in this composite, used in messages and in {@link
     *     TenantMismatchException#bySource()}
     * @throws IllegalArgumentException if {@code name} is blank or already used
     */
    public Builder add(String name, TenantResolver source) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
      if (name.isBlank()) {
        throw new IllegalArgumentException("source name " + Inputs.quote(name) + " is blank");
      }
      if (names.contains(name)) {
        throw new IllegalArgumentException(
            "source name '" + name + "' is used twice; allowed: names unique in the composite");
      }
      names.add(name);
      sources.add(source);
      return this;
    }

    /**
     * In {@link Mode#ALL_MUST_AGREE}, requires at least {@code count} sources to name the tenant
     * when any does; default 1. A request where none does still names no tenant.
     *
     * @throws IllegalArgumentException if {@code count} is less than 1
     * @throws IllegalStateException if already set
     */
    public Builder requireAtLeast(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("requireAtLeast is " + count + "; allowed: 1 or more");
      }
      if (requireAtLeast != 0) {
        throw new IllegalStateException("requireAtLeast was already set to " + requireAtLeast);
      }
      this.requireAtLeast = count;
      return this;
    }

    /**
     * Builds the composite.
     *
     * @throws IllegalStateException if no source was added, or {@code requireAtLeast} exceeds the
     *     number of sources or is set in {@link Mode#FIRST_MATCH}
     */
    public CompositeTenantResolver build() {
      if (sources.isEmpty()) {
        throw new IllegalStateException("no tenant source was added; add at least one");
      }
      if (requireAtLeast != 0 && mode != Mode.ALL_MUST_AGREE) {
        throw new IllegalStateException(
            "requireAtLeast applies only to ALL_MUST_AGREE, not " + mode);
      }
      if (requireAtLeast > sources.size()) {
        throw new IllegalStateException(
            "requireAtLeast is "
                + requireAtLeast
                + " but only "
                + sources.size()
                + " sources were added: "
                + names);
      }
      return new CompositeTenantResolver(this);
    }
  }
}
