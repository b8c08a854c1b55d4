package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.compliance.spi.ErasureStrategy;
import dev.tdeveloper.compliance.spi.PersonalDataConnector;
import dev.tdeveloper.compliance.spi.PersonalDataRecord;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs privacy requests over every connected system, always in the same order: pre hooks, then the
 * access phase (collect from every connector, for ACCESS, PORTABILITY and ERASURE), then the action
 * phase (erase, rectify or restrict), then post hooks. Each connector's part is reported separately
 * ({@link PrivacyOutcome#results()}); a failing connector never stops the others and is never
 * hidden: the request ends {@link PrivacyRequestStatus#PARTIALLY_COMPLETED} (some parts done) or
 * {@link PrivacyRequestStatus#FAILED} (none), its history naming the connector and why.
 *
 * <p><b>Erasure.</b> Each connector erases with the first strategy of the processor's preference it
 * supports. A {@link LegalHold} always wins: categories a hold covers (by tenant, subject or
 * category) are not erased, and the request says which and under which hold. Only when every
 * connector erased everything does the processor {@link PseudonymVault#forget forget} the subject's
 * identifiers, so a partial erasure can be retried under the same pseudonyms. After erasing, the
 * processor collects again and reports a connector that still returns records of the erased
 * categories as failed.
 *
 * <p><b>No raw identifiers in events.</b> The subject's pseudonyms are taken from the vault before
 * anything runs; the published {@link PrivacyEvent} names the subject only by them, and every
 * message that goes into the request's history has the identifiers replaced by them.
 *
 * <p>Thread-safe: it holds only its configuration; requests may run concurrently.
 */
public final class PrivacyRequestProcessor {
  private final List<PersonalDataConnector> connectors;
  private final List<PrivacyHook> hooks;
  private final PseudonymVault vault;
  private final LegalHoldRegistry holds;
  private final InstantSource clock;
  private final List<ErasureStrategy> preference;
  private final Listeners<PrivacyEvent> listeners;

  PrivacyRequestProcessor(
      List<PersonalDataConnector> connectors,
      List<PrivacyHook> hooks,
      PseudonymVault vault,
      LegalHoldRegistry holds,
      InstantSource clock,
      List<ErasureStrategy> preference,
      Listeners<PrivacyEvent> listeners) {
    this.connectors = List.copyOf(connectors);
    this.hooks = List.copyOf(hooks);
    this.vault = vault;
    this.holds = holds;
    this.clock = clock;
    this.preference = List.copyOf(preference);
    this.listeners = listeners;
  }

  /** Returns a builder. */
  public static PrivacyRequestProcessorBuilder builder() {
    return new PrivacyRequestProcessorBuilder();
  }

  /**
   * Processes a {@link PrivacyRequestStatus#RECEIVED} request and publishes its {@link
   * PrivacyEvent}.
   *
   * @throws IllegalStateException if the request is not RECEIVED
   */
  public PrivacyOutcome process(PrivacyRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.status() != PrivacyRequestStatus.RECEIVED) {
      throw new IllegalStateException(
          "request " + request.id() + " is " + request.status() + "; only RECEIVED ones run");
    }
    DataSubject subject = request.subject();
    Map<String, String> pseudonyms = new LinkedHashMap<>();
    subject
        .identifiers()
        .values()
        .forEach(v -> pseudonyms.put(v, vault.pseudonymize(Optional.of(subject.tenant()), v)));
    Scrubber scrubber = new Scrubber(pseudonyms);
    PrivacyRequest current =
        request.moveTo(PrivacyRequestStatus.IN_PROGRESS, "processing started", clock.instant());

    for (PrivacyHook hook : hooks) {
      if (hook.phase() == PrivacyHook.Phase.PRE) {
        try {
          hook.run(current);
        } catch (RuntimeException e) {
          current =
              current.moveTo(
                  PrivacyRequestStatus.REJECTED,
                  "pre hook " + hook.name() + " refused: " + scrubber.describe(e),
                  clock.instant());
          return finish(current, List.of(), Optional.empty(), pseudonyms, false);
        }
      }
    }

    List<ConnectorResult> results = new ArrayList<>();
    Optional<String> bundle = Optional.empty();
    PrivacyRequestType type = request.type();
    if (type == PrivacyRequestType.ACCESS
        || type == PrivacyRequestType.PORTABILITY
        || type == PrivacyRequestType.ERASURE) {
      List<AccessBundle.Part> parts = new ArrayList<>();
      for (PersonalDataConnector c : connectors) {
        try {
          List<PersonalDataRecord> records = c.collect(subject);
          parts.add(
              new AccessBundle.Part(
                  c.name(), List.copyOf(new TreeSet<>(c.categories())), records, ""));
          results.add(ConnectorResult.done("access", c.name(), records.size()));
        } catch (RuntimeException e) {
          parts.add(new AccessBundle.Part(c.name(), List.of(), List.of(), "failed"));
          results.add(ConnectorResult.failed("access", c.name(), scrubber.describe(e)));
        }
      }
      if (type != PrivacyRequestType.ERASURE) {
        bundle = Optional.of(AccessBundle.write(current, clock.instant(), parts));
      }
    }

    boolean forgotten = false;
    switch (type) {
      case ERASURE -> {
        List<ConnectorResult> erasures = new ArrayList<>();
        connectors.forEach(c -> erasures.add(erase(c, subject, scrubber)));
        results.addAll(erasures);
        if (results.stream().allMatch(r -> r.status() == ConnectorResult.Status.DONE)) {
          subject
              .identifiers()
              .values()
              .forEach(v -> vault.forget(Optional.of(subject.tenant()), v));
          forgotten = true;
        }
      }
      case RECTIFICATION ->
          connectors.forEach(
              c ->
                  results.add(
                      act(
                          "rectification",
                          c,
                          scrubber,
                          () ->
                              request.corrections().entrySet().stream()
                                  .mapToInt(e -> c.rectify(subject, e.getKey(), e.getValue()))
                                  .sum())));
      case RESTRICTION, OBJECTION ->
          connectors.forEach(
              c ->
                  results.add(
                      act(
                          "restriction",
                          c,
                          scrubber,
                          () -> {
                            c.restrict(subject, request.purposes());
                            return 0;
                          })));
      default -> {}
    }

    for (PrivacyHook hook : hooks) {
      if (hook.phase() == PrivacyHook.Phase.POST) {
        try {
          hook.run(current);
        } catch (RuntimeException e) {
          results.add(ConnectorResult.failed("post-hook", hook.name(), scrubber.describe(e)));
        }
      }
    }
    current =
        current.moveTo(
            ConnectorResult.statusOf(results), ConnectorResult.reasonOf(results), clock.instant());
    return finish(current, results, bundle, pseudonyms, forgotten);
  }

  private ConnectorResult erase(PersonalDataConnector c, DataSubject subject, Scrubber scrubber) {
    Optional<ErasureStrategy> strategy =
        preference.stream().filter(c.supportedStrategies()::contains).findFirst();
    if (strategy.isEmpty()) {
      return ConnectorResult.failed(
          "erasure",
          c.name(),
          "supports none of the strategies "
              + preference
              + " (it supports "
              + new TreeSet<>(c.supportedStrategies())
              + ")");
    }
    TreeSet<String> held = new TreeSet<>();
    TreeSet<String> heldBy = new TreeSet<>();
    Set<String> erase = new TreeSet<>();
    for (String category : c.categories()) {
      List<LegalHold> covering = holds.covering(subject.tenant(), Optional.of(subject), category);
      if (covering.isEmpty()) {
        erase.add(category);
      } else {
        held.add(category);
        covering.forEach(
            h -> heldBy.add("legal hold " + h.id() + ": " + scrubber.scrub(h.reason())));
      }
    }
    String detail = String.join("; ", heldBy);
    if (erase.isEmpty()) {
      return new ConnectorResult("erasure", c.name(), ConnectorResult.Status.HELD, 0, held, detail);
    }
    try {
      int n = c.erase(subject, strategy.get(), erase);
      long left = c.collect(subject).stream().filter(r -> erase.contains(r.category())).count();
      if (left > 0) {
        return ConnectorResult.failed(
            "erasure",
            c.name(),
            left
                + " record(s) of the erased"
                + " categories still collected after erasure with "
                + strategy.get());
      }
      return new ConnectorResult(
          "erasure",
          c.name(),
          held.isEmpty() ? ConnectorResult.Status.DONE : ConnectorResult.Status.PARTLY_HELD,
          n,
          held,
          detail);
    } catch (RuntimeException e) {
      return ConnectorResult.failed("erasure", c.name(), scrubber.describe(e));
    }
  }

  private interface Action {
    int run();
  }

  private static ConnectorResult act(
      String phase, PersonalDataConnector c, Scrubber scrubber, Action action) {
    try {
      return ConnectorResult.done(phase, c.name(), action.run());
    } catch (RuntimeException e) {
      return ConnectorResult.failed(phase, c.name(), scrubber.describe(e));
    }
  }

  private PrivacyOutcome finish(
      PrivacyRequest request,
      List<ConnectorResult> results,
      Optional<String> bundle,
      Map<String, String> pseudonyms,
      boolean forgotten) {
    Instant at = request.history().get(request.history().size() - 1).at();
    PrivacyEvent event =
        new PrivacyEvent(
            request.id(),
            request.type(),
            request.subject().tenant(),
            new TreeSet<>(pseudonyms.values()),
            request.status(),
            at,
            results.stream().map(ConnectorResult::line).toList(),
            forgotten);
    listeners.publish(event);
    return new PrivacyOutcome(request, results, bundle, event);
  }
}
