package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Texts;
import dev.tdeveloper.tenancy.internal.UniqueIds;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One security-relevant fact for the audit log: who ({@code actor}) did what ({@code action}) to
 * what ({@code resource}) in which tenant, when, from where and with what {@code outcome}.
 * Immutable and thread-safe; build one with {@link #builder}.
 *
 * <p>Every field is checked when the event is built, so that a bad event fails in the caller's
 * code, never inside the log: texts are bounded and hold no control characters, the action is a
 * dotted lower-case name ({@code access.denied}, {@code key.rotated}) and the details are at most
 * {@value #MAX_DETAILS} entries, kept sorted by key so the event has one canonical encoding.
 *
 * @param id a unique id ({@link UniqueIds#next()} unless given)
 * @param time when the action happened
 * @param tenant the tenant concerned, or empty for a platform-level action
 * @param actor who acted: a principal id, an operator, a job name
 * @param action what was done, such as {@code note.read}
 * @param resource what it was done to, such as {@code notes/42}
 * @param outcome how it ended
 * @param sourceIp the client IP address, if known; once pseudonymized, its pseudonym (a token of
 *     letters, digits and {@code . _ - : + / = ~ %})
 * @param requestId the request id, if known
 * @param details further facts, sorted by key
 */
public record AuditEvent(
    String id,
    Instant time,
    Optional<TenantId> tenant,
    String actor,
    String action,
    String resource,
    AuditOutcome outcome,
    Optional<String> sourceIp,
    Optional<String> requestId,
    SortedMap<String, String> details) {

  /** The most detail entries an event may carry. */
  public static final int MAX_DETAILS = 64;

  /** Checks every field; see the class description for the rules. */
  public AuditEvent {
    text("id", id, 128);
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(tenant, "tenant");
    text("actor", actor, 256);
    text("action", action, 128);
    if (!EventSyntax.isAction(action)) {
      throw new IllegalArgumentException(
          "AuditEvent.action '"
              + action
              + "' is invalid: use lower-case letters and digits separated by '.', '_' or '-', "
              + "such as 'access.denied'");
    }
    text("resource", resource, 512);
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(sourceIp, "sourceIp");
    sourceIp.ifPresent(
        ip -> {
          text("sourceIp", ip, 64);
          // an address or the pseudonym that replaced it: one token of URL-safe characters,
          // which every IP address (with an optional zone) also is
          if (!EventSyntax.isIpOrPseudonym(ip)) {
            throw new IllegalArgumentException(
                "AuditEvent.sourceIp '"
                    + ip
                    + "' is neither an IPv4 or IPv6 address nor a pseudonym "
                    + "(letters, digits and . _ - : + / = ~ %)");
          }
        });
    Objects.requireNonNull(requestId, "requestId");
    requestId.ifPresent(r -> text("requestId", r, 128));
    Objects.requireNonNull(details, "details");
    if (!(details instanceof CheckedDetails)) {
      details = checkedCopy(details);
    } // else the details of an event, or replaced values checked by the pseudonymizer: immutable
  }

  /**
   * Returns a checked, immutable copy of {@code details}.
   *
   * @throws IllegalArgumentException if there are too many entries or a key or value breaks a rule
   */
  private static CheckedDetails checkedCopy(SortedMap<String, String> details) {
    if (details.size() > MAX_DETAILS) {
      throw new IllegalArgumentException(
          "AuditEvent.details has " + details.size() + " entries; at most " + MAX_DETAILS);
    }
    // checked on the copy, so a map changed meanwhile by another thread cannot slip past
    TreeMap<String, String> copy = sortedCopy(details);
    if (copy.size() > MAX_DETAILS) {
      throw new IllegalArgumentException(
          "AuditEvent.details has " + copy.size() + " entries; at most " + MAX_DETAILS);
    }
    for (Map.Entry<String, String> e : copy.entrySet()) {
      String key = e.getKey();
      detailKey(key);
      detailValue(key, e.getValue());
    }
    return new CheckedDetails(copy);
  }

  /**
   * Checks the value of the detail {@code key}: what {@link EventPseudonymizer} checks of a value
   * it replaced in an event's details.
   */
  static void detailValue(String key, String value) {
    text("details", key, value, 2048);
  }

  /**
   * Starts an event.
   *
   * @param action what was done, such as {@code note.read}
   * @param time when it happened
   * @return a builder with a unique id, outcome {@link AuditOutcome#SUCCESS} and no tenant
   */
  public static Builder builder(String action, Instant time) {
    return new Builder(action, time);
  }

  /**
   * Copies {@code details} in natural key order: in linear time, without comparing keys, when they
   * are already in that order (a map from the builder or from another event), else entry by entry.
   * Nothing is checked but null keys: the caller checks the copy.
   */
  private static TreeMap<String, String> sortedCopy(SortedMap<String, String> details) {
    if (details.comparator() == null) {
      return new TreeMap<>(details);
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : details.entrySet()) {
      // the put would refuse a null key without naming the field
      copy.put(Objects.requireNonNull(e.getKey(), "details key"), e.getValue());
    }
    return copy;
  }

  private static void detailKey(String key) {
    text("details key", key, 64);
    if (!EventSyntax.isDetailKey(key)) {
      throw new IllegalArgumentException(
          "AuditEvent.details key '"
              + key
              + "' is invalid: start with a letter, then letters, digits, '.', '_' or '-'");
    }
  }

  private static void text(String field, String value, int max) {
    text(field, null, value, max);
  }

  /**
   * Checks one text field, or the value of the detail {@code key} of {@code field} when the key is
   * not null; the field's name for the message is built only on failure, not for every event.
   */
  private static void text(String field, String key, String value, int max) {
    if (value == null) {
      throw new NullPointerException(fieldName(field, key));
    }
    if (value.isEmpty() || value.length() > max) {
      throw new IllegalArgumentException(
          "AuditEvent."
              + fieldName(field, key)
              + " must have 1 to "
              + max
              + " characters, got "
              + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        continue; // printable ASCII, most of every event: neither a surrogate nor a control
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        throw new IllegalArgumentException(
            "AuditEvent."
                + fieldName(field, key)
                + " holds an unpaired surrogate (U+"
                + String.format("%04X", (int) c)
                + ") at index "
                + i
                + ": it has no UTF-8 encoding");
      }
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "AuditEvent."
                + fieldName(field, key)
                + " holds a control character (U+"
                + String.format("%04X", (int) value.charAt(i))
                + ") at index "
                + i);
      }
    }
  }

  private static String fieldName(String field, String key) {
    return key == null ? field : field + "['" + key + "']";
  }

  /** Builds an {@link AuditEvent}; not thread-safe. */
  public static final class Builder {
    private String id;
    private final Instant time;
    private Optional<TenantId> tenant = Optional.empty();
    private String actor = "system";
    private final String action;
    private String resource = "-";
    private AuditOutcome outcome = AuditOutcome.SUCCESS;
    private Optional<String> sourceIp = Optional.empty();
    private Optional<String> requestId = Optional.empty();
    private final TreeMap<String, String> details = new TreeMap<>();

    private Builder(String action, Instant time) {
      this.action = Objects.requireNonNull(action, "action");
      this.time = Objects.requireNonNull(time, "time");
    }

    /** Sets the id (default: a fresh {@link UniqueIds#next()}, unique, not secret). */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /** Sets the tenant concerned (default: none, a platform-level action). */
    public Builder tenant(TenantId tenant) {
      this.tenant = Optional.of(tenant);
      return this;
    }

    /** Sets who acted (default: {@code system}). */
    public Builder actor(String actor) {
      this.actor = Objects.requireNonNull(actor, "actor");
      return this;
    }

    /** Sets what the action was done to (default: {@code -}). */
    public Builder resource(String resource) {
      this.resource = Objects.requireNonNull(resource, "resource");
      return this;
    }

    /** Sets the outcome (default: {@link AuditOutcome#SUCCESS}). */
    public Builder outcome(AuditOutcome outcome) {
      this.outcome = Objects.requireNonNull(outcome, "outcome");
      return this;
    }

    /**
     * Sets the client IP address.
     *
     * @throws IllegalArgumentException if it is not an IPv4 or IPv6 address (pseudonyms are set by
     *     the logger, through the canonical constructor)
     */
    public Builder sourceIp(String sourceIp) {
      Objects.requireNonNull(sourceIp, "sourceIp");
      if (!EventSyntax.isIpLiteral(sourceIp)) {
        throw new IllegalArgumentException(
            "AuditEvent.sourceIp " + Texts.quote(sourceIp) + " is not an IPv4 or IPv6 address");
      }
      this.sourceIp = Optional.of(sourceIp);
      return this;
    }

    /** Sets the request id. */
    public Builder requestId(String requestId) {
      this.requestId = Optional.of(requestId);
      return this;
    }

    /** Adds (or replaces) one detail. */
    public Builder detail(String key, String value) {
      details.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Returns the event; fails with a message naming the field if any value is invalid. */
    public AuditEvent build() {
      return new AuditEvent(
          id != null ? id : UniqueIds.next(),
          time,
          tenant,
          actor,
          action,
          resource,
          outcome,
          sourceIp,
          requestId,
          details);
    }
  }
}
