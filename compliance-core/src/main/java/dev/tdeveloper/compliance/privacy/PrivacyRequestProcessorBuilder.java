package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.compliance.spi.ErasureStrategy;
import dev.tdeveloper.compliance.spi.PersonalDataConnector;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configures a {@link PrivacyRequestProcessor}. Connectors, hooks and listeners are added in the
 * order they run; the vault is required; legal holds, clock and erasure preference may each be set
 * once (defaults: no holds, the system clock, {@code DELETE, CRYPTO_SHRED, MASK}). Not thread-safe:
 * configure on one thread.
 */
public final class PrivacyRequestProcessorBuilder {
  private final List<PersonalDataConnector> connectors = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private final List<PrivacyHook> hooks = new ArrayList<>();
  private final List<EventListener<? super PrivacyEvent>> listeners = new ArrayList<>();
  private PseudonymVault vault;
  private LegalHoldRegistry holds;
  private InstantSource clock;
  private List<ErasureStrategy> preference;

  PrivacyRequestProcessorBuilder() {}

  /**
   * Adds a connector.
   *
   * @throws IllegalArgumentException if its name is invalid or already used, or it declares no
   *     erasure strategy
   */
  public PrivacyRequestProcessorBuilder connector(PersonalDataConnector connector) {
    Objects.requireNonNull(connector, "connector");
    String name = Checks.name("connector name", connector.name());
    if (connector.supportedStrategies().isEmpty()) {
      throw new IllegalArgumentException("connector " + name + " supports no erasure strategy");
    }
    if (!names.add(name)) {
      throw new IllegalArgumentException("connector name " + name + " is already used");
    }
    connectors.add(connector);
    return this;
  }

  /** Adds a pre or post hook; hooks of a phase run in the order added. */
  public PrivacyRequestProcessorBuilder hook(PrivacyHook hook) {
    hooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /** Adds a listener of the events the processor publishes (wire the audit log here). */
  public PrivacyRequestProcessorBuilder listener(EventListener<? super PrivacyEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Sets the vault that pseudonymizes and, after an erasure, forgets the subject's identifiers. */
  public PrivacyRequestProcessorBuilder vault(PseudonymVault vault) {
    once(this.vault, "vault");
    this.vault = Objects.requireNonNull(vault, "vault");
    return this;
  }

  /**
   * Sets the legal holds consulted before erasure: {@link LegalHolds} in memory or {@link
   * FileLegalHolds} on disk.
   */
  public PrivacyRequestProcessorBuilder legalHolds(LegalHoldRegistry holds) {
    once(this.holds, "legalHolds");
    this.holds = Objects.requireNonNull(holds, "holds");
    return this;
  }

  /** Sets the clock of the request's history and events. */
  public PrivacyRequestProcessorBuilder clock(InstantSource clock) {
    once(this.clock, "clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the erasure strategies in order of preference; each connector uses the first it supports.
   *
   * @throws IllegalArgumentException if empty or a strategy repeats
   */
  public PrivacyRequestProcessorBuilder erasurePreference(ErasureStrategy... strategies) {
    once(this.preference, "erasurePreference");
    List<ErasureStrategy> list = List.of(strategies);
    if (list.isEmpty() || Set.copyOf(list).size() != list.size()) {
      throw new IllegalArgumentException(
          "erasurePreference needs distinct strategies, at least one; was " + list);
    }
    this.preference = list;
    return this;
  }

  /**
   * Returns the processor.
   *
   * @throws IllegalStateException if there is no connector or no vault
   */
  public PrivacyRequestProcessor build() {
    if (connectors.isEmpty()) {
      throw new IllegalStateException("a privacy request processor needs at least one connector");
    }
    if (vault == null) {
      throw new IllegalStateException(
          "a privacy request processor needs a vault (PseudonymVault.inMemory() or"
              + " FilePseudonymVault.open(dir))");
    }
    InstantSource time = clock == null ? InstantSource.system() : clock;
    return new PrivacyRequestProcessor(
        connectors,
        hooks,
        vault,
        holds == null ? new LegalHolds(time) : holds,
        time,
        preference == null
            ? List.of(ErasureStrategy.DELETE, ErasureStrategy.CRYPTO_SHRED, ErasureStrategy.MASK)
            : preference,
        Listeners.of(listeners));
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set to " + current);
    }
  }
}
