package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configures a {@link TenantProvisioner}. Each setting may be given once (a second call is an
 * {@link IllegalStateException}); listeners may be added many times. Step lists are validated at
 * {@link #build()}.
 *
 * <p>Not thread-safe; the built provisioner is.
 */
public final class TenantProvisionerBuilder {
  /** The longest step name, in characters: {@value}. */
  public static final int MAX_STEP_NAME_LENGTH = 100;

  private TenantRegistry registry;
  private InstantSource clock;
  private ProvisioningJournal journal;
  private final EnumMap<LifecycleOperation, List<ProvisioningStep>> steps =
      new EnumMap<>(LifecycleOperation.class);
  private final List<EventListener<? super ProvisioningEvent>> listeners = new ArrayList<>();

  TenantProvisionerBuilder() {}

  /** Sets where tenants are recorded; required. */
  public TenantProvisionerBuilder registry(TenantRegistry registry) {
    requireUnset(this.registry, "registry");
    this.registry = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /** Sets the wall clock stamped on journal records and events; defaults to the system clock. */
  public TenantProvisionerBuilder clock(InstantSource clock) {
    requireUnset(this.clock, "clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets where saga progress is journaled; defaults to {@link ProvisioningJournal#inMemory()},
   * which does not survive a crash. Use {@link ProvisioningJournal#openFile} (or a backend) to be
   * able to resume after one. The provisioner never closes the journal; its owner does.
   */
  public TenantProvisionerBuilder journal(ProvisioningJournal journal) {
    requireUnset(this.journal, "journal");
    this.journal = Objects.requireNonNull(journal, "journal");
    return this;
  }

  /** Sets the PROVISION steps, in order; defaults to none. */
  public TenantProvisionerBuilder provisionSteps(List<? extends ProvisioningStep> steps) {
    return steps(LifecycleOperation.PROVISION, steps);
  }

  /** Sets the SUSPEND steps, in order; defaults to none. */
  public TenantProvisionerBuilder suspendSteps(List<? extends ProvisioningStep> steps) {
    return steps(LifecycleOperation.SUSPEND, steps);
  }

  /** Sets the REACTIVATE steps, in order; defaults to none. */
  public TenantProvisionerBuilder reactivateSteps(List<? extends ProvisioningStep> steps) {
    return steps(LifecycleOperation.REACTIVATE, steps);
  }

  /** Sets the OFFBOARD steps, in order; defaults to none. */
  public TenantProvisionerBuilder offboardSteps(List<? extends ProvisioningStep> steps) {
    return steps(LifecycleOperation.OFFBOARD, steps);
  }

  /** Sets the steps of {@code operation}, in order; defaults to none. */
  public TenantProvisionerBuilder steps(
      LifecycleOperation operation, List<? extends ProvisioningStep> steps) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(steps, "steps");
    requireUnset(this.steps.get(operation), operation + " steps");
    List<ProvisioningStep> copy = new ArrayList<>(steps.size());
    for (ProvisioningStep step : steps) {
      copy.add(Objects.requireNonNull(step, operation + " step"));
    }
    this.steps.put(operation, Collections.unmodifiableList(copy));
    return this;
  }

  /** Adds a listener of the provisioner's events; see {@link EventListener}. */
  public TenantProvisionerBuilder listener(EventListener<? super ProvisioningEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the provisioner.
   *
   * @throws IllegalStateException if no registry was set
   * @throws IllegalArgumentException if a step name is blank, longer than {@value
   *     #MAX_STEP_NAME_LENGTH} characters, or repeated within one operation
   */
  public TenantProvisioner build() {
    if (registry == null) {
      throw new IllegalStateException("registry is required; call registry(...) before build()");
    }
    EnumMap<LifecycleOperation, List<ProvisioningStep>> allSteps =
        new EnumMap<>(LifecycleOperation.class);
    EnumMap<LifecycleOperation, List<String>> names = new EnumMap<>(LifecycleOperation.class);
    for (LifecycleOperation operation : LifecycleOperation.values()) {
      List<ProvisioningStep> list = steps.getOrDefault(operation, List.of());
      allSteps.put(operation, list);
      names.put(operation, namesOf(operation, list));
    }
    InstantSource wallClock = clock == null ? InstantSource.system() : clock;
    ProvisioningJournal store = journal == null ? ProvisioningJournal.inMemory() : journal;
    SagaDriver driver =
        new SagaDriver(
            registry,
            wallClock,
            store,
            Collections.unmodifiableMap(allSteps),
            Listeners.of(listeners));
    return new TenantProvisioner(registry, store, Collections.unmodifiableMap(names), driver);
  }

  private static List<String> namesOf(LifecycleOperation operation, List<ProvisioningStep> list) {
    List<String> names = new ArrayList<>(list.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String name = Objects.requireNonNull(list.get(i).name(), operation + " step " + i + " name");
      if (name.isBlank() || name.length() > MAX_STEP_NAME_LENGTH) {
        throw new IllegalArgumentException(
            "name of "
                + operation
                + " step "
                + i
                + " must be 1-"
                + MAX_STEP_NAME_LENGTH
                + " characters, not blank, was '"
                + name
                + "'");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "step name '" + name + "' appears more than once in the " + operation + " steps");
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  private static void requireUnset(Object current, String setting) {
    if (current != null) {
      throw new IllegalStateException(setting + " was already set");
    }
  }

  @Override
  public String toString() {
    Map<LifecycleOperation, Integer> counts = new EnumMap<>(LifecycleOperation.class);
    steps.forEach((op, list) -> counts.put(op, list.size()));
    return "TenantProvisionerBuilder[steps=" + counts + ", listeners=" + listeners.size() + "]";
  }
}
