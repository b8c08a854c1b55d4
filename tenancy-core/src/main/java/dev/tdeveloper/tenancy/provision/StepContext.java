package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.Tenant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a {@link ProvisioningStep} sees: the tenant, the saga, and a small string map the saga's
 * steps share. Values put here are journaled with the saga's progress, so a later step, a
 * compensation or a resumed saga after a crash can find what an earlier step created (a database
 * name, a key id). Steps run with the tenant bound in {@link
 * dev.tdeveloper.tenancy.context.TenantContext}.
 *
 * <p>Not thread-safe: valid only during the step call it was passed to.
 */
public final class StepContext {
  /** The most entries the map holds: {@value}. */
  public static final int MAX_ENTRIES = 100;

  /** The longest key, in characters: {@value}. */
  public static final int MAX_KEY_LENGTH = 200;

  /** The longest value, in characters: {@value}. */
  public static final int MAX_VALUE_LENGTH = 8192;

  private final String sagaId;
  private final LifecycleOperation operation;
  private final Tenant tenant;
  private final Optional<String> reason;
  private final TreeMap<String, String> data;

  StepContext(
      String sagaId,
      LifecycleOperation operation,
      Tenant tenant,
      Optional<String> reason,
      TreeMap<String, String> data) {
    this.sagaId = sagaId;
    this.operation = operation;
    this.tenant = tenant;
    this.reason = reason;
    this.data = data;
  }

  /** Returns the id of the saga (the operation run), stable across a crash and resume. */
  public String sagaId() {
    return sagaId;
  }

  /** Returns the operation the step belongs to. */
  public LifecycleOperation operation() {
    return operation;
  }

  /** Returns the tenant as recorded in the registry when the step started. */
  public Tenant tenant() {
    return tenant;
  }

  /** Returns why the operation was requested (given for a suspension), if known. */
  public Optional<String> reason() {
    return reason;
  }

  /** Returns the value stored under {@code key} by this saga's steps, if any. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(data.get(Objects.requireNonNull(key, "key")));
  }

  /**
   * Stores {@code value} under {@code key} for the rest of the saga, replacing any previous value.
   *
   * @throws IllegalArgumentException if the key is blank or longer than {@value #MAX_KEY_LENGTH},
   *     the value longer than {@value #MAX_VALUE_LENGTH}, or the map would exceed {@value
   *     #MAX_ENTRIES} entries
   */
  public StepContext put(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "step data key must be 1-"
              + MAX_KEY_LENGTH
              + " characters, not blank, was '"
              + key
              + "'");
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException(
          "step data value of '"
              + key
              + "' must be at most "
              + MAX_VALUE_LENGTH
              + " characters, was "
              + value.length());
    }
    if (!data.containsKey(key) && data.size() >= MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "step data holds at most " + MAX_ENTRIES + " entries; cannot add '" + key + "'");
    }
    data.put(key, value);
    return this;
  }

  /** Removes {@code key}, if present. */
  public StepContext remove(String key) {
    data.remove(Objects.requireNonNull(key, "key"));
    return this;
  }

  /** Returns a copy of the saga's step data, sorted by key. */
  public Map<String, String> data() {
    return Collections.unmodifiableMap(new TreeMap<>(data));
  }
}
