package dev.tdeveloper.tenancy.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers of one configuration file, and the rule that a new version of the file applies to
 * all of them or to none: {@link #validate} runs every registered {@link ConfigValidator} on a
 * candidate and returns the problems of all of them; {@link #apply} puts an accepted candidate in
 * force in every {@link ConfigApplier}, in registration order, and rolls back if one throws.
 *
 * <p>{@link ReloadableTenantConfig} keeps one for {@code tenants.yaml}; a module that owns another
 * file ({@code regions.yaml}, {@code scaling.yaml}, {@code security.yaml}) keeps one the same way,
 * so its consumers register validators and appliers exactly as those of {@code tenants.yaml} do.
 *
 * <p>Thread-safe: registration never blocks a validation; calls to {@link #apply} are serialized.
 *
 * @param <C> the configuration type
 */
public final class ConfigConsumers<C> {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigConsumers.class);

  private final List<Named<ConfigValidator<? super C>>> validators = new CopyOnWriteArrayList<>();
  private final List<Named<ConfigApplier<? super C>>> appliers = new CopyOnWriteArrayList<>();

  /** Creates an empty set of consumers. */
  public ConfigConsumers() {}

  /**
   * Registers {@code validator}, run on every later candidate.
   *
   * @param name names the consumer in problems and logs, for example {@code rate limits}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public void addValidator(String name, ConfigValidator<? super C> validator) {
    validators.add(new Named<>(name, Objects.requireNonNull(validator, "validator")));
  }

  /**
   * Registers {@code applier} after those already registered; it takes every configuration accepted
   * from now on.
   *
   * @param name names the consumer in failures and logs
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public void addApplier(String name, ConfigApplier<? super C> applier) {
    appliers.add(new Named<>(name, Objects.requireNonNull(applier, "applier")));
  }

  /**
   * Runs every validator on {@code candidate}, even after one has found problems, and returns all
   * their problems in registration order. A validator that throws, or returns null, contributes one
   * problem naming it.
   *
   * @return every problem; empty when all consumers accept the candidate
   */
  public List<ConfigProblem> validate(C candidate) {
    Objects.requireNonNull(candidate, "candidate");
    List<ConfigProblem> problems = new ArrayList<>();
    for (Named<ConfigValidator<? super C>> validator : validators) {
      try {
        List<ConfigProblem> found = validator.value().validate(candidate);
        if (found == null) {
          problems.add(broken(validator.name(), "returned null instead of a list"));
        } else {
          found.forEach(p -> problems.add(Objects.requireNonNull(p, "problem")));
        }
      } catch (RuntimeException e) {
        LOG.error("validator '{}' failed on a candidate configuration", validator.name(), e);
        problems.add(broken(validator.name(), "failed: " + e));
      }
    }
    return List.copyOf(problems);
  }

  /**
   * Applies {@code next} to every applier in registration order. If one throws, every applier that
   * already took {@code next}, the one that threw included, is called again with {@code previous}
   * (most recent first), and the failure is returned; an applier whose own rollback throws is named
   * in {@link ReloadResult.Failed#notRestored()} and its exception is added to the cause as
   * suppressed.
   *
   * @return empty when every applier took {@code next}; else why not
   */
  public synchronized Optional<ReloadResult.Failed> apply(C previous, C next) {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(next, "next");
    List<Named<ConfigApplier<? super C>>> done = new ArrayList<>();
    for (Named<ConfigApplier<? super C>> applier : appliers) {
      done.add(applier);
      try {
        applier.value().apply(next);
      } catch (RuntimeException e) {
        LOG.error("applier '{}' failed; restoring the previous configuration", applier.name(), e);
        return Optional.of(new ReloadResult.Failed(applier.name(), e, rollBack(done, previous, e)));
      }
    }
    return Optional.empty();
  }

  private List<String> rollBack(
      List<Named<ConfigApplier<? super C>>> done, C previous, RuntimeException cause) {
    List<String> notRestored = new ArrayList<>();
    for (int i = done.size() - 1; i >= 0; i--) {
      Named<ConfigApplier<? super C>> applier = done.get(i);
      try {
        applier.value().apply(previous);
      } catch (RuntimeException e) {
        LOG.error("applier '{}' could not restore the previous configuration", applier.name(), e);
        cause.addSuppressed(e);
        notRestored.add(applier.name());
      }
    }
    return notRestored;
  }

  private static ConfigProblem broken(String validator, String what) {
    return new ConfigProblem(
        Optional.empty(),
        ConfigProblem.WHOLE_FILE,
        Optional.empty(),
        "validator '" + validator + "' " + what,
        Optional.empty());
  }

  /** A validator or applier with the name of its consumer. */
  private record Named<T>(String name, T value) {
    Named {
      if (Objects.requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
    }
  }
}
