package dev.tdeveloper.dr.policy;

import dev.tdeveloper.dr.backup.BackupType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Builds a {@link BackupPolicy}. Required: name, sources, schedule, retention, target store, RPO
 * and RTO. Defaults: type {@link BackupType#FULL}, encryption required, start window {@link
 * #DEFAULT_START_WINDOW}. Each setting may be set once. Not thread-safe; {@link #build()} validates
 * everything and the policy it returns never changes.
 */
public final class BackupPolicyBuilder {
  /** The default start window: a run may start up to one hour after its scheduled time. */
  public static final Duration DEFAULT_START_WINDOW = Duration.ofHours(1);

  private String name;
  private List<String> sources;
  private Schedule schedule;
  private BackupType type;
  private Integer fullEvery;
  private Retention retention;
  private Boolean encryptionRequired;
  private String targetStore;
  private Duration rpo;
  private Duration rto;
  private Duration startWindow;

  BackupPolicyBuilder() {}

  /** Sets the policy's name: 1 to 64 of {@code a-z 0-9 . _ -}. */
  public BackupPolicyBuilder name(String name) {
    once(this.name, "name");
    BackupPolicy.checkName("name", name);
    this.name = name;
    return this;
  }

  /** Sets the names of the sources covered; at least one, no duplicates. */
  public BackupPolicyBuilder sources(String... sources) {
    return sources(List.of(sources));
  }

  /** Sets the names of the sources covered; at least one, no duplicates. */
  public BackupPolicyBuilder sources(List<String> sources) {
    once(this.sources, "sources");
    this.sources = new ArrayList<>(Objects.requireNonNull(sources, "sources"));
    return this;
  }

  /**
   * Sets the schedule as a cron expression in UTC (see {@link Schedule}).
   *
   * @throws IllegalArgumentException naming the expression and what is wrong with it
   */
  public BackupPolicyBuilder schedule(String cron) {
    once(this.schedule, "schedule");
    this.schedule = Schedule.cron(cron);
    return this;
  }

  /** Sets the schedule. */
  public BackupPolicyBuilder schedule(Schedule schedule) {
    once(this.schedule, "schedule");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    return this;
  }

  /** Sets whether runs are full or incremental; default {@link BackupType#FULL}. */
  public BackupPolicyBuilder type(BackupType type) {
    once(this.type, "type");
    this.type = Objects.requireNonNull(type, "type");
    return this;
  }

  /** Makes an incremental policy take a full backup every {@code runs} runs (2 or more). */
  public BackupPolicyBuilder fullEvery(int runs) {
    once(this.fullEvery, "fullEvery");
    this.fullEvery = runs;
    return this;
  }

  /** Sets which backups to keep. */
  public BackupPolicyBuilder retention(Retention retention) {
    once(this.retention, "retention");
    this.retention = Objects.requireNonNull(retention, "retention");
    return this;
  }

  /** Sets whether backups must be encrypted; default {@code true}. */
  public BackupPolicyBuilder encryptionRequired(boolean required) {
    once(this.encryptionRequired, "encryptionRequired");
    this.encryptionRequired = required;
    return this;
  }

  /** Sets the name of the store the backups go to: 1 to 64 of {@code a-z 0-9 . _ -}. */
  public BackupPolicyBuilder targetStore(String targetStore) {
    once(this.targetStore, "targetStore");
    this.targetStore = Objects.requireNonNull(targetStore, "targetStore");
    return this;
  }

  /** Sets the recovery point objective; must be positive and cover the schedule's longest gap. */
  public BackupPolicyBuilder rpo(Duration rpo) {
    once(this.rpo, "rpo");
    this.rpo = Objects.requireNonNull(rpo, "rpo");
    return this;
  }

  /** Sets the recovery time objective; must be positive. */
  public BackupPolicyBuilder rto(Duration rto) {
    once(this.rto, "rto");
    this.rto = Objects.requireNonNull(rto, "rto");
    return this;
  }

  /** Sets how late after its scheduled time a run may still start; default one hour. */
  public BackupPolicyBuilder startWindow(Duration startWindow) {
    once(this.startWindow, "startWindow");
    this.startWindow = Objects.requireNonNull(startWindow, "startWindow");
    return this;
  }

  /**
   * Builds the policy.
   *
   * @throws IllegalStateException if a required setting is missing, or settings conflict
   * @throws IllegalArgumentException naming the field and value, if a setting is invalid
   */
  public BackupPolicy build() {
    return new BackupPolicy(
        required(name, "name"),
        required(sources, "sources"),
        required(schedule, "schedule"),
        type == null ? BackupType.FULL : type,
        fullEvery == null ? OptionalInt.empty() : OptionalInt.of(fullEvery),
        required(retention, "retention"),
        encryptionRequired == null || encryptionRequired,
        required(targetStore, "targetStore"),
        required(rpo, "rpo"),
        required(rto, "rto"),
        startWindow == null ? DEFAULT_START_WINDOW : startWindow);
  }

  private static void once(Object current, String field) {
    if (current != null) {
      throw new IllegalStateException(field + " was already set");
    }
  }

  private <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalStateException(
          "policy" + (name == null ? "" : " '" + name + "'") + ": " + field + " is not set");
    }
    return value;
  }
}
