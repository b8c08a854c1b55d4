package dev.tdeveloper.tenancy.config;

import java.util.List;

/**
 * Checks a candidate configuration for one of its consumers before anything is put in force, and
 * reports every problem it finds rather than the first. A reload is accepted only when every
 * validator registered for the file returns no problem; otherwise it is {@linkplain
 * ReloadResult.Rejected rejected} with the problems of all validators, and no consumer sees the
 * candidate.
 *
 * <p>Validators must not change any state: they may run on configurations that are never put in
 * force. A validator that throws counts as one problem naming it. Implementations must be
 * thread-safe.
 *
 * @param <C> the configuration type, for example {@link TenantConfig}
 */
@FunctionalInterface
public interface ConfigValidator<C> {
  /**
   * Returns every problem of {@code candidate} this consumer cannot accept, in file order where it
   * can; empty when it accepts it. Never null.
   */
  List<ConfigProblem> validate(C candidate);
}
