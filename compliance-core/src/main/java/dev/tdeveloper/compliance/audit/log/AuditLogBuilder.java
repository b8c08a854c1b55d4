package dev.tdeveloper.compliance.audit.log;

import dev.tdeveloper.compliance.audit.AuditLoggerBuilder;
import dev.tdeveloper.compliance.audit.file.FileAuditSinkBuilder;
import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds an {@link AuditLog} in a directory, over its local files or any {@link AuditSink}; not
 * thread-safe. Every setting can be given once; the signer is required.
 */
public final class AuditLogBuilder {
  /** The origin line of checkpoints unless {@link #origin} says otherwise. */
  public static final String DEFAULT_ORIGIN = "tdeveloper.dev/audit";

  final Path directory;
  Optional<CheckpointSigner> signer = Optional.empty();
  Optional<String> origin = Optional.empty();
  Optional<KeyedChain> chain = Optional.empty();
  Optional<CheckpointAnchor> anchor = Optional.empty();
  Optional<Consumer<AuditLoggerBuilder>> logger = Optional.empty();
  Optional<Consumer<FileAuditSinkBuilder>> sink = Optional.empty();
  Optional<AuditSink> customSink = Optional.empty();

  AuditLogBuilder(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** Sets the key that signs checkpoints (required); keep it outside the log directory. */
  public AuditLogBuilder signer(CheckpointSigner signer) {
    this.signer = once("signer", this.signer, signer);
    return this;
  }

  /**
   * Sets the checkpoints' origin line, which names this log (default {@value #DEFAULT_ORIGIN}):
   * printable ASCII without spaces at the ends, 1 to 255 characters.
   */
  public AuditLogBuilder origin(String origin) {
    Objects.requireNonNull(origin, "origin");
    if (origin.isEmpty()
        || origin.length() > 255
        || !origin.strip().equals(origin)
        || !origin.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "origin '"
              + origin
              + "' is invalid: use 1 to 255 printable ASCII characters, no space at either end");
    }
    this.origin = once("origin", this.origin, origin);
    return this;
  }

  /**
   * Keys the log: every entry then carries an HMAC chain value that nobody without the key can
   * recompute. Keep the key outside the log directory.
   */
  public AuditLogBuilder keyedChain(KeyedChain chain) {
    this.chain = once("keyedChain", this.chain, chain);
    return this;
  }

  /** Publishes every checkpoint to this anchor too, outside the log; the log does not close it. */
  public AuditLogBuilder anchor(CheckpointAnchor anchor) {
    this.anchor = once("anchor", this.anchor, anchor);
    return this;
  }

  /**
   * Tunes the logger: durability, clock, pseudonymizer, queue. Do not set its sink, keyed chain or
   * leaf observer there: the audit log sets them (a second setting fails when the log opens).
   */
  public AuditLogBuilder logger(Consumer<AuditLoggerBuilder> settings) {
    this.logger = once("logger", this.logger, settings);
    return this;
  }

  /**
   * Tunes the local file sink: segment size, retention, clock.
   *
   * @throws IllegalStateException if already set, or if another {@link AuditSink} was given
   */
  public AuditLogBuilder sink(Consumer<FileAuditSinkBuilder> settings) {
    if (customSink.isPresent()) {
      throw new IllegalStateException(
          "the file sink's settings do not apply: an AuditSink was given ("
              + customSink.get()
              + ")");
    }
    this.sink = once("sink", this.sink, settings);
    return this;
  }

  /**
   * Stores the entries and checkpoints in {@code sink} (say, a database table) instead of the local
   * files under {@code <directory>/log}; the Merkle tree stays in {@code <directory>/tree}, rebuilt
   * from the sink's leaf hashes. The log owns the sink from {@link #open()} on: closing the log, or
   * a failed open, closes it. One log per sink: two writers on one sink would race for its sequence
   * numbers. {@link AuditLog#verify()} then reads the sink through the SPI.
   *
   * @throws IllegalStateException if already set, or if file sink settings were given
   */
  public AuditLogBuilder sink(AuditSink sink) {
    Objects.requireNonNull(sink, "sink");
    if (this.sink.isPresent()) {
      throw new IllegalStateException(
          "an AuditSink replaces the file sink: its settings (sink(Consumer)) were given too");
    }
    this.customSink = once("sink", this.customSink, sink);
    return this;
  }

  /**
   * Opens the log: recovers the file sink (or takes the given one), then the Merkle tree to the
   * sink's size, then starts the logger.
   *
   * @throws IllegalStateException if no signer was set
   * @throws dev.tdeveloper.compliance.ComplianceException if the files cannot be opened or are
   *     damaged beyond a torn tail
   */
  public AuditLog open() {
    if (signer.isEmpty()) {
      throw new IllegalStateException("an audit log needs a checkpoint signer: call signer(...)");
    }
    return AuditLog.open(this);
  }

  private static <T> Optional<T> once(String name, Optional<T> current, T value) {
    Objects.requireNonNull(value, name);
    if (current.isPresent()) {
      throw new IllegalStateException(name + " is already set");
    }
    return Optional.of(value);
  }
}
