package dev.tdeveloper.demo;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.AuditEventListener;
import dev.tdeveloper.compliance.audit.AuditLogEvent;
import dev.tdeveloper.compliance.audit.AuditMappers;
import dev.tdeveloper.compliance.audit.Durability;
import dev.tdeveloper.compliance.audit.Pseudonymizer;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.FileCheckpointAnchor;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.log.AuditLog;
import dev.tdeveloper.compliance.audit.log.AuditLogBuilder;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.demo.notes.Note;
import dev.tdeveloper.demo.notes.NotesServlet;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.web.audit.AuditFilter;
import dev.tdeveloper.web.tenant.TenantFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's tamper-evident audit log: an {@link AuditLog} in {@code <data>/audit} (its entries in
 * this instance's own PostgreSQL table with {@code --postgres}) with group commit (entries gathered
 * for {@link #GROUP_COMMIT_DELAY}), keyed by an HMAC chain key ({@value #CHAIN_KEY_NAME}) and
 * checkpointed every {@link #CHECKPOINT_PERIOD} with an Ed25519 signing key ({@value
 * #SIGNING_KEY_NAME}), both generated on first start under {@code <data>/keys} and written
 * owner-only and crash-safely. Every checkpoint also goes to a {@link FileCheckpointAnchor} in
 * {@code <data>/audit-anchor}, so a deleted tail or a rewritten log is caught even if the local
 * checkpoints were deleted with it. The {@link AuditFilter} it builds audits every request; {@link
 * #listener} audits the components' security events. Thread-safe.
 *
 * <p><b>For local use only:</b> the keys and the anchor sit on the same disk as the log, so whoever
 * can write the data directory can also rewrite all three. In production, keep the keys in a secret
 * store, and put the anchor on another machine or in object-locked storage (S3 Object Lock in
 * compliance mode), out of reach of anyone who can write the log.
 */
final class DemoAudit implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoAudit.class);

  /** The checkpoints' origin line and signing key name: {@value}. */
  static final String ORIGIN = "demo.tdeveloper.dev/audit";

  /** The chain key file in {@code <data>/keys}: {@value}. */
  static final String CHAIN_KEY_NAME = "audit-chain.key";

  /** The checkpoint signing key file in {@code <data>/keys}: {@value}. */
  static final String SIGNING_KEY_NAME = "audit-signing.pk8";

  /** How often a checkpoint is signed and anchored. */
  static final Duration CHECKPOINT_PERIOD = Duration.ofSeconds(10);

  /**
   * How long the audit writer gathers entries before one append and one {@code fsync}: requests
   * never wait for it (the filter does not wait for durability), and at a few hundred requests a
   * second it turns one sync per request into one per several.
   */
  static final Duration GROUP_COMMIT_DELAY = Duration.ofMillis(5);

  /** How long a request waits for room in a full audit queue before its event is refused. */
  static final Duration OFFER_TIMEOUT = Duration.ofMillis(100);

  final AuditLog log;
  final AuditFilter filter;
  private final FileCheckpointAnchor anchor;
  private final Function<Object, Optional<AuditEvent>> mapper;
  private final AtomicReference<Optional<String>> refusal = new AtomicReference<>(Optional.empty());

  /**
   * Opens the log; actors, source IPs and the {@code X-User-Id} of tenant requests are written as
   * pseudonyms from {@code pseudonyms}, the vault an erasure forgets them in.
   */
  DemoAudit(Path dataDir, InstantSource clock, Pseudonymizer pseudonyms) {
    this(dataDir, clock, pseudonyms, Optional.empty());
  }

  /**
   * As above, storing the entries and checkpoints in {@code sink} when given (this instance's own
   * PostgreSQL table with {@code --postgres}) instead of {@code <data>/audit/log}; the keys, the
   * Merkle tree ({@code <data>/audit-postgres/tree}) and the anchor ({@code
   * <data>/audit-postgres-anchor}) stay in the data directory, apart from the local log's.
   */
  DemoAudit(Path dataDir, InstantSource clock, Pseudonymizer pseudonyms, Optional<AuditSink> sink) {
    Path keys = dataDir.resolve("keys");
    KeyedChain chain = KeyedChain.withKey(chainKey(keys.resolve(CHAIN_KEY_NAME)));
    CheckpointSigner signer = signer(keys.resolve(SIGNING_KEY_NAME));
    Clock utc = clock.withZone(ZoneOffset.UTC);
    // A log in PostgreSQL gets its own tree and anchor: switching a data directory between the
    // two must not rebuild one log's Merkle tree over the other's leaves, nor compare it with the
    // other's anchored checkpoints.
    String name = sink.isPresent() ? "audit-postgres" : "audit";
    this.anchor = FileCheckpointAnchor.open(dataDir.resolve(name + "-anchor"));
    try {
      AuditLogBuilder builder = AuditLog.builder(dataDir.resolve(name));
      sink.ifPresent(builder::sink);
      this.log =
          builder
              .origin(ORIGIN)
              .signer(signer)
              .keyedChain(chain)
              .anchor(anchor)
              .logger(
                  settings ->
                      settings
                          .durability(Durability.GROUP_COMMIT)
                          .groupCommitDelay(GROUP_COMMIT_DELAY)
                          .clock(utc)
                          .pseudonymizer(pseudonyms)
                          .nonPersonalActors(
                              AuditFilter.ANONYMOUS, "system", "privacy-request-processor")
                          .offerTimeout(OFFER_TIMEOUT)
                          .listener(this::onLogEvent))
              .open();
    } catch (RuntimeException e) {
      anchor.close();
      throw e;
    }
    this.filter =
        AuditFilter.builder().logger(log.logger()).clock(clock).actor(DemoAudit::actor).build();
    this.mapper = AuditMappers.standard(utc);
    LOG.info("audit log {} opened; checkpoints verify with {}", log, log.verifierKey());
  }

  /**
   * The actor of a request: the operator for operator routes, else the tenant user named by {@code
   * X-User-Id} once the tenant filter admitted the request (so its pseudonym is scoped to that
   * tenant and an erasure there forgets it), else {@code anonymous}.
   */
  static Optional<String> actor(HttpServletRequest request) {
    Optional<String> operator = AuditFilter.operatorPrincipal(request);
    if (operator.isPresent() || request.getAttribute(TenantFilter.TENANT_ATTRIBUTE) == null) {
      return operator;
    }
    String user = request.getHeader(NotesServlet.USER_HEADER);
    return user != null && Note.isValidAuthor(user) ? Optional.of(user) : Optional.empty();
  }

  /**
   * Remembers why the log refuses events from now on: a failed write (it fails closed) or close.
   */
  private void onLogEvent(AuditLogEvent event) {
    if (event instanceof AuditLogEvent.WriteFailed failed) {
      refusal.compareAndSet(
          Optional.empty(), Optional.of("audit log write failed: " + failed.error()));
    } else if (event instanceof AuditLogEvent.Closed) {
      refusal.compareAndSet(Optional.empty(), Optional.of("audit log closed"));
    }
  }

  /**
   * Returns why the audit log refuses every new event, once it does: a write failed (the log fails
   * closed) or it was closed; empty while it accepts events. Backpressure is transient and not
   * reported here ({@link AuditFilter#refusedCount()} counts it).
   */
  Optional<String> refusal() {
    return refusal.get();
  }

  /** Returns a listener auditing every event a component publishes. */
  <E> EventListener<E> listener() {
    return AuditEventListener.of(mapper, log.logger());
  }

  /**
   * Returns a listener auditing only the events {@code which} accepts, for components that also
   * publish routine events (each blocked request, each saga step) the request audit already covers.
   */
  <E> EventListener<E> listener(Predicate<? super E> which) {
    Function<E, Optional<AuditEvent>> filtered =
        event -> which.test(event) ? mapper.apply(event) : Optional.empty();
    return AuditEventListener.of(filtered, log.logger());
  }

  /** Schedules a checkpoint every {@link #CHECKPOINT_PERIOD} on {@code jobs}. */
  ScheduledFuture<?> schedule(ScheduledExecutorService jobs, Function<Runnable, Runnable> safely) {
    long period = CHECKPOINT_PERIOD.toMillis();
    return jobs.scheduleWithFixedDelay(
        safely.apply(log::checkpoint), period, period, TimeUnit.MILLISECONDS);
  }

  /** Returns the figures the ops view shows. */
  Map<String, Object> stats() {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("origin", log.origin());
    stats.put("size", log.size());
    stats.put(
        "latestCheckpointSize",
        log.latestCheckpoint().map(note -> Checkpoint.parseUnverified(note).size()).orElse(0L));
    stats.put("verifierKey", log.verifierKey());
    stats.put("refusedEvents", filter.refusedCount());
    return stats;
  }

  /** Loads the chain key, generating 32 random bytes on first start. Never logs the key. */
  private static byte[] chainKey(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        writeOwnerOnly(file, key);
        LOG.warn("generated a new audit chain key in {} (owner-only permissions)", file);
      }
      byte[] key = Files.readAllBytes(file);
      if (key.length != 32) {
        throw new ComplianceException(
            "audit chain key " + file + " holds " + key.length + " bytes; it must hold 32");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the audit chain key " + file, e);
    }
  }

  private static CheckpointSigner signer(Path file) {
    if (Files.exists(file)) {
      return CheckpointSigner.load(ORIGIN, file);
    }
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file.getParent(), e);
    }
    CheckpointSigner signer = CheckpointSigner.generate(ORIGIN);
    signer.save(file);
    LOG.warn("generated a new audit checkpoint signing key in {} (owner-only permissions)", file);
    return signer;
  }

  /**
   * Writes {@code content} crash-safely: into a temporary file created owner-only (where POSIX
   * permissions exist), forced, then renamed into place and the directory forced.
   */
  private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = DurableFiles.tempOf(file);
    Files.deleteIfExists(temp);
    if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    DurableFiles.replace(file, out -> out.write(content));
  }

  /** Stores every queued event, signs a last checkpoint, and closes the log and the anchor. */
  @Override
  public void close() {
    try {
      log.checkpoint();
    } catch (RuntimeException e) {
      LOG.warn("the last audit checkpoint failed", e);
    }
    try {
      log.close();
    } finally {
      anchor.close();
    }
  }
}
