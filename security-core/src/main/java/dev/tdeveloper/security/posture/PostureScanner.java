package dev.tdeveloper.security.posture;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link PostureCheck}s of the live components against the {@link SecurityPolicy} in force
 * and reports every {@link Finding} in a {@link PostureReport}. Build it with the checks of the
 * components you have ({@link PostureChecks} has the built-in ones: TLS settings, certificates,
 * tenant keys, secrets, tenant quotas and rate limits); each is optional.
 *
 * <p>A check that throws, returns null, or reports a finding under another check's id never breaks
 * the scan: it becomes one {@value #CHECK_FAILED} finding ({@link Severity#MEDIUM}, subject {@code
 * check:<id>}, naming only the exception's class so no secret can leak through a message), and the
 * other checks still run. Each scan publishes {@link PostureEvent}s to the listeners registered on
 * the builder: the findings opened and resolved since the previous scan, then the report.
 *
 * <p>Thread-safe: scans are serialized, so events and {@link #lastReport()} follow scan order.
 */
public final class PostureScanner {
  /** The check id of a finding about a check that failed: {@value}. */
  public static final String CHECK_FAILED = "posture.check-failed";

  private static final Logger LOG = LoggerFactory.getLogger(PostureScanner.class);

  private final Supplier<SecurityPolicy> policy;
  private final List<PostureCheck> checks;
  private final InstantSource clock;
  private final Listeners<PostureEvent> listeners;
  private final AtomicReference<PostureReport> last = new AtomicReference<>();

  private PostureScanner(Builder builder) {
    this.policy = builder.policy == null ? SecurityPolicy::defaults : builder.policy;
    this.checks = List.copyOf(builder.checks.values());
    this.clock = builder.clock == null ? InstantSource.system() : builder.clock;
    this.listeners = Listeners.of(builder.listeners);
  }

  /** Returns a builder; at least one check is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the ids of the checks, in the order they run. */
  public List<String> checkIds() {
    return checks.stream().map(PostureCheck::id).toList();
  }

  /**
   * Runs every check now and returns what they found; publishes the events described in the class
   * comment. Never throws for a failing check.
   *
   * @throws NullPointerException if the policy supplier returns null
   */
  public synchronized PostureReport scan() {
    SecurityPolicy current = Objects.requireNonNull(policy.get(), "policy");
    Instant now = clock.instant();
    PostureContext context = new PostureContext(current, now);
    List<Finding> findings = new ArrayList<>();
    for (PostureCheck check : checks) {
      findings.addAll(run(check, context));
    }
    PostureReport report = new PostureReport(now, current, checkIds(), findings);
    PostureReport previous = last.getAndSet(report);
    publish(previous, report);
    return report;
  }

  /** Returns the report of the last {@link #scan()}, if one ran. */
  public Optional<PostureReport> lastReport() {
    return Optional.ofNullable(last.get());
  }

  private static List<Finding> run(PostureCheck check, PostureContext context) {
    List<Finding> found;
    try {
      found = check.run(context);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("posture check '{}' failed", check.id(), e);
      return List.of(failed(check, "threw " + e.getClass().getName()));
    }
    if (found == null) {
      return List.of(failed(check, "returned null instead of a list"));
    }
    for (Finding finding : found) {
      if (finding == null
          || !(finding.checkId().equals(check.id())
              || finding.checkId().startsWith(check.id() + "."))) {
        return List.of(
            failed(
                check,
                "reported "
                    + (finding == null ? "a null finding" : "check id " + finding.checkId())
                    + " outside its own ids"));
      }
    }
    return found;
  }

  private static Finding failed(PostureCheck check, String what) {
    return new Finding(
        CHECK_FAILED,
        Severity.MEDIUM,
        Subject.platform("check", check.id()),
        "posture check '" + check.id() + "' " + what + "; what it inspects is unknown",
        "fix the component or the check (see the log), then scan again",
        "failed",
        "the check completes");
  }

  private void publish(PostureReport previous, PostureReport report) {
    if (listeners.isEmpty()) {
      return;
    }
    Map<String, Finding> before = byKey(previous == null ? List.of() : previous.findings());
    Map<String, Finding> after = byKey(report.findings());
    Instant at = report.scannedAt();
    after.forEach(
        (key, f) -> {
          if (!before.containsKey(key)) {
            listeners.publish(new PostureEvent.FindingOpened(at, f));
          }
        });
    before.forEach(
        (key, f) -> {
          if (!after.containsKey(key)) {
            listeners.publish(new PostureEvent.FindingResolved(at, f));
          }
        });
    listeners.publish(new PostureEvent.ScanCompleted(at, report));
  }

  private static Map<String, Finding> byKey(List<Finding> findings) {
    Map<String, Finding> map = new LinkedHashMap<>();
    findings.forEach(f -> map.putIfAbsent(f.key(), f));
    return map;
  }

  /** Configures a {@link PostureScanner}; not thread-safe. */
  public static final class Builder {
    private final Map<String, PostureCheck> checks = new LinkedHashMap<>();
    private final List<EventListener<? super PostureEvent>> listeners = new ArrayList<>();
    private Supplier<SecurityPolicy> policy;
    private InstantSource clock;

    private Builder() {}

    /**
     * Sets a fixed policy; default {@link SecurityPolicy#defaults()}.
     *
     * @throws IllegalStateException if a policy was already set
     */
    public Builder policy(SecurityPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      return policy(() -> policy);
    }

    /**
     * Sets where each scan gets the policy in force, for example {@link
     * ReloadableSecurityPolicy#current()}; it must never return null.
     *
     * @throws IllegalStateException if a policy was already set
     */
    public Builder policy(Supplier<SecurityPolicy> policy) {
      Objects.requireNonNull(policy, "policy");
      if (this.policy != null) {
        throw new IllegalStateException("policy was already set");
      }
      this.policy = policy;
      return this;
    }

    /**
     * Adds a check, run after those already added.
     *
     * @throws IllegalStateException if a check with the same id was added
     */
    public Builder check(PostureCheck check) {
      Objects.requireNonNull(check, "check");
      String id = Objects.requireNonNull(check.id(), "check.id()");
      if (checks.containsKey(id)) {
        throw new IllegalStateException("a check with id '" + id + "' was already added");
      }
      checks.put(id, check);
      return this;
    }

    /**
     * Sets the clock of scans; defaults to {@link InstantSource#system()}.
     *
     * @throws IllegalStateException if already set
     */
    public Builder clock(InstantSource clock) {
      Objects.requireNonNull(clock, "clock");
      if (this.clock != null) {
        throw new IllegalStateException("clock was already set to " + this.clock);
      }
      this.clock = clock;
      return this;
    }

    /** Adds a listener for {@link PostureEvent}s; may be called many times. */
    public Builder listener(EventListener<? super PostureEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Returns the scanner.
     *
     * @throws IllegalStateException if no check was added
     */
    public PostureScanner build() {
      if (checks.isEmpty()) {
        throw new IllegalStateException("a posture scanner needs at least one check");
      }
      return new PostureScanner(this);
    }
  }
}
