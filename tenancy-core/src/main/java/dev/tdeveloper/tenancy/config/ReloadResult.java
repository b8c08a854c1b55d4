package dev.tdeveloper.tenancy.config;

import com.google.common.collect.ImmutableSortedSet;
import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of {@link ReloadableTenantConfig#reload()}: the new configuration is in force for
 * every consumer, nothing changed, the file was refused ({@link Rejected}: it does not parse or a
 * consumer's validator found problems), or a consumer failed to apply it ({@link Failed}). In the
 * last two cases nothing changed anywhere: the previous configuration stays in force for everyone.
 *
 * <p>{@link Rejected} and {@link Failed} hold no {@code tenants.yaml} type, so holders of other
 * configuration files built on {@link ConfigConsumers} report with them too.
 *
 * <p>Implementations are immutable (apart from the exception a {@link Failed} carries) and
 * thread-safe.
 */
public sealed interface ReloadResult
    permits ReloadResult.Reloaded,
        ReloadResult.Unchanged,
        ReloadResult.Rejected,
        ReloadResult.Failed {

  /**
   * The file changed and its new content is now in force.
   *
   * @param config the configuration now returned by {@link ReloadableTenantConfig#current()}
   * @param changedTenants the tenants named in the old or new file whose definition or resolved
   *     settings changed (including tenants added to or removed from the file), sorted
   * @param unlistedTenantsChanged whether tenants not named in the file are affected: the default
   *     plan, or its resolved settings, changed
   */
  record Reloaded(TenantConfig config, Set<TenantId> changedTenants, boolean unlistedTenantsChanged)
      implements ReloadResult {
    /** Validates and copies the fields. */
    public Reloaded {
      Objects.requireNonNull(config, "config");
      changedTenants =
          ImmutableSortedSet.copyOf(Objects.requireNonNull(changedTenants, "changedTenants"));
    }
  }

  /**
   * No tenant's effective configuration changed: the file is byte for byte the same, or differs
   * only in comments, formatting or order.
   */
  record Unchanged() implements ReloadResult {}

  /**
   * The file could not be read, does not parse, or some consumer's {@link ConfigValidator} found
   * problems in it: nothing was applied and the previous configuration stays in force everywhere. A
   * file that does not parse reports its first syntax or schema problem (validators need a parsed
   * file); a parsed file reports every problem of every validator.
   *
   * @param problems every problem found, never empty
   */
  record Rejected(List<ConfigProblem> problems) implements ReloadResult {
    /**
     * Validates and copies the problems.
     *
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public Rejected {
      problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejection lists at least one problem");
      }
    }

    /** Returns every problem's {@link ConfigProblem#message()}, one per line. */
    public String message() {
      return problems.stream().map(ConfigProblem::message).collect(Collectors.joining("\n"));
    }
  }

  /**
   * Every validator accepted the file but a consumer's {@link ConfigApplier} threw while putting it
   * in force: every consumer that had taken it was given the previous configuration again, which
   * stays in force for everyone.
   *
   * @param applier the name of the consumer that failed
   * @param cause what it threw (with the exceptions of failed rollbacks added as suppressed)
   * @param notRestored the consumers whose rollback also threw, and which may be left in an unknown
   *     state; normally empty
   */
  record Failed(String applier, RuntimeException cause, List<String> notRestored)
      implements ReloadResult {
    /** Validates and copies the fields. */
    public Failed {
      Objects.requireNonNull(applier, "applier");
      Objects.requireNonNull(cause, "cause");
      notRestored = List.copyOf(Objects.requireNonNull(notRestored, "notRestored"));
    }

    /** Returns a one-line description naming the consumer and its failure. */
    public String message() {
      return "consumer '"
          + applier
          + "' failed to apply the configuration: "
          + cause
          + (notRestored.isEmpty() ? "" : "; could not restore the previous one in " + notRestored);
    }
  }
}
