package dev.tdeveloper.compliance.privacy;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A step the {@link PrivacyRequestProcessor} runs before ({@link Phase#PRE}) or after ({@link
 * Phase#POST}) the connectors, such as "verify the subject's identity" or "notify processors and
 * recipients" (GDPR Art. 19). A pre hook that throws rejects the request and nothing else runs; a
 * post hook that throws leaves the request partially completed, naming the hook. Implementations
 * must be thread-safe.
 */
public interface PrivacyHook {
  /** When a hook runs. */
  enum Phase {
    /** Before any connector is called. */
    PRE,
    /** After every connector was called. */
    POST
  }

  /** Returns the hook's name, for the request's history. */
  String name();

  /** Returns when the hook runs. */
  Phase phase();

  /**
   * Runs the hook for {@code request}.
   *
   * @throws RuntimeException to refuse (pre) or report a failure (post); its message becomes part
   *     of the request's history, with the subject's identifiers replaced by pseudonyms
   */
  void run(PrivacyRequest request);

  /** Returns a pre hook named {@code name} that runs {@code action}. */
  static PrivacyHook pre(String name, Consumer<PrivacyRequest> action) {
    return new Simple(Checks.name("hook name", name), Phase.PRE, action);
  }

  /** Returns a post hook named {@code name} that runs {@code action}. */
  static PrivacyHook post(String name, Consumer<PrivacyRequest> action) {
    return new Simple(Checks.name("hook name", name), Phase.POST, action);
  }

  /** A hook made of a name, a phase and an action. */
  record Simple(String name, Phase phase, Consumer<PrivacyRequest> action) implements PrivacyHook {
    /** Checks the fields. */
    public Simple {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(action, "action");
    }

    @Override
    public void run(PrivacyRequest request) {
      action.accept(request);
    }
  }
}
