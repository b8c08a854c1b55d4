package dev.tdeveloper.security.waf.engine;

/**
 * A rule's disruptive action as compiled: {@code pass}, {@code block}, {@code deny}, {@code drop},
 * {@code redirect} or {@code allow} (with its scope). Immutable.
 *
 * @param kind which action
 * @param allowScope for {@link Kind#ALLOW}: what it lets through
 * @param redirectUrl for {@link Kind#REDIRECT}: the target, may hold macros
 */
public record DisruptiveAction(Kind kind, AllowScope allowScope, String redirectUrl) {
  /** No disruptive action written: the rule only runs its other actions. */
  public static final DisruptiveAction NONE =
      new DisruptiveAction(Kind.NONE, AllowScope.TRANSACTION, "");

  /** The disruptive actions. */
  public enum Kind {
    /** None written. */
    NONE,
    /** {@code pass}: go on with the next rule. */
    PASS,
    /** {@code block}: the phase's {@code SecDefaultAction} disruptive action. */
    BLOCK,
    /** {@code deny}: interrupt with the status. */
    DENY,
    /** {@code drop}: interrupt and close the connection. */
    DROP,
    /** {@code redirect:url}: interrupt with a redirect. */
    REDIRECT,
    /** {@code allow}: stop inspecting (see {@link AllowScope}). */
    ALLOW
  }

  /** What {@code allow} lets through. */
  public enum AllowScope {
    /** {@code allow}: no more rules in any phase except logging (5). */
    TRANSACTION,
    /** {@code allow:phase}: no more rules in the current phase. */
    PHASE,
    /** {@code allow:request}: no more rules in phases 1 and 2; response phases run. */
    REQUEST
  }

  /** Validates. */
  public DisruptiveAction {
    java.util.Objects.requireNonNull(kind, "kind");
    java.util.Objects.requireNonNull(allowScope, "allowScope");
    java.util.Objects.requireNonNull(redirectUrl, "redirectUrl");
  }

  /**
   * Whether the action interrupts the request when it runs in {@code On} mode.
   *
   * @return true for deny, drop and redirect
   */
  public boolean interrupts() {
    return kind == Kind.DENY || kind == Kind.DROP || kind == Kind.REDIRECT;
  }
}
