package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.tenancy.internal.Texts;
import java.time.InstantSource;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What every built-in collector's builder sets: the collector id, the source system and owner
 * written into its evidence, and the clock that stamps it. Each setter may be called once; the
 * owner is required, because evidence without someone answerable for it is not evidence. Not
 * thread-safe.
 *
 * @param <B> the concrete builder
 */
public abstract class CollectorBuilder<B extends CollectorBuilder<B>> {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*");

  private String id;
  private String source;
  private String owner;
  private InstantSource clock;
  private boolean idSet;
  private boolean sourceSet;

  CollectorBuilder(String defaultId, String defaultSource) {
    this.id = defaultId;
    this.source = defaultSource;
  }

  /**
   * Sets the collector id (default: the collector's own, such as {@code audit.chain-verified}).
   *
   * @throws IllegalArgumentException if the id is not lower-case letters and digits separated by
   *     '.', '_' or '-'
   * @throws IllegalStateException if set twice
   */
  public final B id(String id) {
    once("id", idSet);
    Objects.requireNonNull(id, "id");
    if (id.length() > 128 || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "collector id "
              + Texts.quote(id)
              + " is invalid: use at most 128 lower-case letters "
              + "and digits separated by '.', '_' or '-'");
    }
    this.id = id;
    idSet = true;
    return self();
  }

  /**
   * Sets the system the evidence comes from, written into every item.
   *
   * @throws IllegalStateException if set twice
   */
  public final B source(String source) {
    once("source", sourceSet);
    this.source = text("source", source);
    sourceSet = true;
    return self();
  }

  /**
   * Sets the person or team answerable for the control; required.
   *
   * @throws IllegalStateException if set twice
   */
  public final B owner(String owner) {
    once("owner", this.owner != null);
    this.owner = text("owner", owner);
    return self();
  }

  /**
   * Sets the clock that stamps {@code collectedAt} and measures ages (default: the system clock).
   *
   * @throws IllegalStateException if set twice
   */
  public final B clock(InstantSource clock) {
    once("clock", this.clock != null);
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  private static void once(String field, boolean alreadySet) {
    if (alreadySet) {
      throw new IllegalStateException(field + " was already set");
    }
  }

  private static String text(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()
        || value.length() > 256
        || value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          field + " must have 1 to 256 characters, not be blank and hold no control characters");
    }
    return value;
  }

  /** Returns the settings, checking that the owner was given. */
  final CollectorSettings settings() {
    if (owner == null) {
      throw new IllegalStateException(
          "owner is required: the person or team answerable for collector " + id);
    }
    return new CollectorSettings(id, source, owner, clock == null ? InstantSource.system() : clock);
  }
}
