package dev.tdeveloper.compliance.privacy;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A data-subject request under GDPR Chapter III: what the subject asks ({@link #type()}), when it
 * was received and when the answer is due. Immutable and thread-safe: {@link #extend} and {@link
 * #moveTo} return changed copies, each keeping the whole history.
 *
 * <p>The answer is due one calendar month after receipt (Art. 12(3)), counted in UTC: received on
 * 31 January, due on 28 (or 29) February. The deadline may be extended by at most two further
 * months in total, each extension with a reason, so it never lies beyond receipt plus {@value
 * #MAX_TOTAL_MONTHS} months.
 *
 * <p>A {@link PrivacyRequestType#RECTIFICATION} carries the corrections (field to new value); a
 * {@link PrivacyRequestType#RESTRICTION} or {@link PrivacyRequestType#OBJECTION} carries the
 * purposes concerned; other types carry neither.
 */
public final class PrivacyRequest {
  /** The most months all extensions may add together: {@value}. */
  public static final int MAX_EXTENSION_MONTHS = 2;

  /** The latest deadline, in months after receipt: {@value}. */
  public static final int MAX_TOTAL_MONTHS = 1 + MAX_EXTENSION_MONTHS;

  private final String id;
  private final PrivacyRequestType type;
  private final DataSubject subject;
  private final Instant receivedAt;
  private final SortedMap<String, String> corrections;
  private final SortedSet<String> purposes;
  private final List<Extension> extensions;
  private final List<StatusChange> history;

  private PrivacyRequest(
      PrivacyRequest base, List<Extension> extensions, List<StatusChange> history) {
    this(
        base.id,
        base.type,
        base.subject,
        base.receivedAt,
        base.corrections,
        base.purposes,
        extensions,
        history);
  }

  private PrivacyRequest(
      String id,
      PrivacyRequestType type,
      DataSubject subject,
      Instant receivedAt,
      SortedMap<String, String> corrections,
      SortedSet<String> purposes,
      List<Extension> extensions,
      List<StatusChange> history) {
    this.id = id;
    this.type = type;
    this.subject = subject;
    this.receivedAt = receivedAt;
    this.corrections = corrections;
    this.purposes = purposes;
    this.extensions = List.copyOf(extensions);
    this.history = List.copyOf(history);
  }

  /**
   * Returns a builder of a request of {@code type} about {@code subject}, received at {@code
   * receivedAt}.
   */
  public static Builder builder(PrivacyRequestType type, DataSubject subject, Instant receivedAt) {
    return new Builder(type, subject, receivedAt);
  }

  /** Returns the request id: a random UUID unless given. */
  public String id() {
    return id;
  }

  /** Returns what the subject asks. */
  public PrivacyRequestType type() {
    return type;
  }

  /** Returns whom the request is about. */
  public DataSubject subject() {
    return subject;
  }

  /** Returns when the request was received. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** Returns when the answer is due: receipt plus one month plus the extensions, in UTC. */
  public Instant dueAt() {
    int months = 1 + extensions.stream().mapToInt(Extension::months).sum();
    return receivedAt.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
  }

  /** Returns the corrections of a rectification (field to new value); empty for other types. */
  public SortedMap<String, String> corrections() {
    return corrections;
  }

  /** Returns the purposes of a restriction or objection; empty for other types. */
  public SortedSet<String> purposes() {
    return purposes;
  }

  /** Returns the extensions granted, oldest first. */
  public List<Extension> extensions() {
    return extensions;
  }

  /** Returns the current status. */
  public PrivacyRequestStatus status() {
    return history.get(history.size() - 1).status();
  }

  /**
   * Returns every status change, oldest first; the first is {@link PrivacyRequestStatus#RECEIVED}.
   */
  public List<StatusChange> history() {
    return history;
  }

  /** Returns whether the request is still open after its deadline, by {@code clock}. */
  public boolean isOverdue(InstantSource clock) {
    return !status().isTerminal() && clock.instant().isAfter(dueAt());
  }

  /**
   * Returns a copy whose deadline is {@code months} later.
   *
   * @throws IllegalArgumentException if months is not 1 or 2, the reason is invalid, or the
   *     deadline would pass receipt plus {@value #MAX_TOTAL_MONTHS} months
   * @throws IllegalStateException if the request has ended
   */
  public PrivacyRequest extend(int months, String reason, Instant at) {
    Extension extension = new Extension(months, reason, at);
    if (status().isTerminal()) {
      throw new IllegalStateException(
          "request " + id + " is " + status() + " and can no longer be extended");
    }
    int used = extensions.stream().mapToInt(Extension::months).sum();
    if (used + months > MAX_EXTENSION_MONTHS) {
      throw new IllegalArgumentException(
          "request "
              + id
              + " is already extended by "
              + used
              + " month(s); another "
              + months
              + " would pass the limit of receipt plus "
              + MAX_TOTAL_MONTHS
              + " months (GDPR Art. 12(3)); at most "
              + (MAX_EXTENSION_MONTHS - used)
              + " left");
    }
    List<Extension> more = new ArrayList<>(extensions);
    more.add(extension);
    return new PrivacyRequest(this, more, history);
  }

  /**
   * Returns a copy in status {@code next}, recording when and why.
   *
   * @throws IllegalStateException if the current status cannot move to {@code next}
   */
  public PrivacyRequest moveTo(PrivacyRequestStatus next, String reason, Instant at) {
    StatusChange change = new StatusChange(next, at, reason);
    if (!status().canMoveTo(next)) {
      throw new IllegalStateException(
          "request " + id + " cannot move from " + status() + " to " + next);
    }
    List<StatusChange> more = new ArrayList<>(history);
    more.add(change);
    return new PrivacyRequest(this, extensions, more);
  }

  @Override
  public String toString() {
    return "PrivacyRequest["
        + id
        + ", "
        + type
        + ", "
        + subject
        + ", "
        + status()
        + ", due "
        + dueAt()
        + "]";
  }

  /** Collects a new request; each setter once. Not thread-safe. */
  public static final class Builder {
    private final PrivacyRequestType type;
    private final DataSubject subject;
    private final Instant receivedAt;
    private String id;
    private final TreeMap<String, String> corrections = new TreeMap<>();
    private final TreeSet<String> purposes = new TreeSet<>();

    private Builder(PrivacyRequestType type, DataSubject subject, Instant receivedAt) {
      this.type = Objects.requireNonNull(type, "type");
      this.subject = Objects.requireNonNull(subject, "subject");
      this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Sets the id (1 to 128 characters); a random UUID otherwise. */
    public Builder id(String id) {
      Checks.text("id", id, 128);
      if (this.id != null) {
        throw new IllegalStateException("id was already set to " + this.id);
      }
      this.id = id;
      return this;
    }

    /** Adds a correction of a rectification: {@code field} gets {@code newValue}. */
    public Builder correct(String field, String newValue) {
      Checks.name("field", field);
      Checks.secret("new value of '" + field + "'", newValue, 4096);
      if (corrections.putIfAbsent(field, newValue) != null) {
        throw new IllegalStateException("field '" + field + "' is already corrected");
      }
      return this;
    }

    /** Adds a purpose of a restriction or objection, such as {@code marketing}. */
    public Builder purpose(String purpose) {
      purposes.add(Checks.name("purpose", purpose));
      return this;
    }

    /**
     * Returns the request, {@link PrivacyRequestStatus#RECEIVED}.
     *
     * @throws IllegalStateException if the corrections or purposes do not fit the type
     */
    public PrivacyRequest build() {
      boolean rectify = type == PrivacyRequestType.RECTIFICATION;
      boolean restrict =
          type == PrivacyRequestType.RESTRICTION || type == PrivacyRequestType.OBJECTION;
      if (rectify == corrections.isEmpty()) {
        throw new IllegalStateException(
            rectify
                ? "a RECTIFICATION needs at least one correction"
                : "only a RECTIFICATION carries corrections, not a " + type);
      }
      if (restrict == purposes.isEmpty()) {
        throw new IllegalStateException(
            restrict
                ? "a " + type + " needs at least one purpose"
                : "only a RESTRICTION or OBJECTION carries purposes, not a " + type);
      }
      String requestId = id == null ? UUID.randomUUID().toString() : id;
      return new PrivacyRequest(
          requestId,
          type,
          subject,
          receivedAt,
          Collections.unmodifiableSortedMap(new TreeMap<>(corrections)),
          Collections.unmodifiableSortedSet(new TreeSet<>(purposes)),
          List.of(),
          List.of(new StatusChange(PrivacyRequestStatus.RECEIVED, receivedAt, "received")));
    }
  }
}
