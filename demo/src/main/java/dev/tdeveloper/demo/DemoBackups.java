package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.backup.BackupType;
import dev.tdeveloper.dr.backup.VerifyReport;
import dev.tdeveloper.dr.crypto.AesGcmChunkCipher;
import dev.tdeveloper.dr.crypto.ChunkKeys;
import dev.tdeveloper.dr.drill.DrillEvent;
import dev.tdeveloper.dr.drill.DrillResult;
import dev.tdeveloper.dr.drill.ValidationResult;
import dev.tdeveloper.dr.pitr.RecoveryResult;
import dev.tdeveloper.dr.policy.BackupOutcome;
import dev.tdeveloper.dr.policy.BackupPolicy;
import dev.tdeveloper.dr.policy.Retention;
import dev.tdeveloper.dr.policy.SchedulerEvent;
import dev.tdeveloper.dr.service.DisasterRecovery;
import dev.tdeveloper.dr.service.SourceStatus;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.store.LocalBackupStore;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.time.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The notes' backups: every tenant's notes are a backup source ({@link NotesBackupSource}, one file
 * per note holding its sealed record, so backups hold no plaintext) backed up by the policy {@value
 * #POLICY} every minute into {@code <data>/backups}, or an S3 bucket with {@code --s3-bucket}
 * (chunks sealed with the master key in {@code <data>/keys/backup-chunks.key}); every note change
 * is journaled in {@code <data>/backup-journal} before it is written, so a tenant's notes can be
 * restored to any instant since its first backup. Drills restore the latest backup every 10 minutes
 * (the first a minute after start) and check that every note decrypts and the count matches the
 * manifest. Backup, drill, retention and objective events go to the audit log. Thread-safe.
 */
final class DemoBackups implements AutoCloseable {
  static final String POLICY = "notes-every-minute";
  static final String SOURCE = NotesBackupSource.NAME;

  private final NoteStore notes;
  private final TenantRegistry registry;
  private final InstantSource clock;
  private final Path scratch;
  private final BackupStore store;
  private final DisasterRecovery dr;

  /**
   * Opens the backup store and wires the backups over {@code changes} (the journal the note store
   * was built with).
   */
  DemoBackups(
      Path data,
      InstantSource clock,
      Ticker ticker,
      NoteStore notes,
      NoteChangeJournal changes,
      TenantRegistry registry,
      DemoAudit audit)
      throws IOException {
    this(data, clock, ticker, notes, changes, registry, audit, Optional.empty());
  }

  /**
   * As the other constructor, with the backups in {@code remote} (an S3 bucket, {@link DemoAws})
   * instead of {@code <data>/backups} when given; this object closes it.
   */
  DemoBackups(
      Path data,
      InstantSource clock,
      Ticker ticker,
      NoteStore notes,
      NoteChangeJournal changes,
      TenantRegistry registry,
      DemoAudit audit,
      Optional<BackupStore> remote)
      throws IOException {
    this.clock = clock;
    this.notes = notes;
    this.registry = registry;
    this.scratch = Files.createDirectories(data.resolve("dr-scratch"));
    Files.createDirectories(data.resolve("keys"));
    this.store = remote.orElseGet(() -> LocalBackupStore.open(data.resolve("backups")));
    AtomicReference<DisasterRecovery> self = new AtomicReference<>();
    try {
      this.dr =
          DisasterRecovery.builder()
              .store(store)
              .cipher(
                  AesGcmChunkCipher.create(
                      ChunkKeys.loadOrGenerate(data.resolve("keys").resolve("backup-chunks.key"))))
              .journal(changes.journal())
              .clock(clock)
              .ticker(ticker)
              .scratchRoot(scratch.resolve("drills"))
              .drillHistory(data.resolve("drill-history"))
              .policy(policy(remote.isPresent() ? "s3" : "local"))
              .drillValidation((candidate, restored) -> validate(self.get(), candidate, restored))
              .drillEvery(Duration.ofMinutes(10), Duration.ofMinutes(1))
              .verifyEvery(Duration.ofMinutes(30))
              .checkEvery(Duration.ofSeconds(30))
              .listener(audit.listener(DemoBackups::audited))
              .build();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    self.set(dr);
    refreshSources();
  }

  static BackupPolicy policy() {
    return policy("local");
  }

  /** The notes' policy, naming {@code targetStore} ({@code local} or {@code s3}) as its target. */
  static BackupPolicy policy(String targetStore) {
    return BackupPolicy.builder()
        .name(POLICY)
        .sources(SOURCE)
        .schedule("* * * * *")
        .type(BackupType.INCREMENTAL)
        .fullEvery(60)
        .retention(new Retention(10, 7, 4, 0, 0))
        .targetStore(targetStore)
        .rpo(Duration.ofMinutes(2))
        .rto(Duration.ofMinutes(1))
        .startWindow(Duration.ofSeconds(50))
        .build();
  }

  /** Audits outcomes, not the routine starts. */
  private static boolean audited(Object event) {
    return !(event instanceof DrillEvent.Started || event instanceof SchedulerEvent.Started);
  }

  /** Registers a source for every tenant with an open notes space, drops the others. */
  void refreshSources() {
    Set<BackupScope> registered = new HashSet<>();
    for (var source : dr.sources()) {
      TenantId tenant = source.scope().tenant().orElseThrow();
      if (notes.hasSpace(tenant)) {
        registered.add(source.scope());
      } else {
        dr.unregister(source.scope(), source.name());
      }
    }
    for (var tenant : registry.list()) {
      if (notes.hasSpace(tenant.id()) && registered.add(BackupScope.of(tenant.id()))) {
        dr.register(new NotesBackupSource(notes, tenant.id(), clock));
      }
    }
  }

  BackupOutcome backupNow() {
    refreshSources();
    return dr.runPolicy(POLICY);
  }

  List<DrillResult> drillNow() {
    refreshSources();
    return dr.drillAll();
  }

  List<VerifyReport> verifyNow() {
    return dr.verifyAll();
  }

  /** Returns the oldest instant a tenant's notes can be restored to, if it has a backup. */
  Optional<Instant> earliestRestorable(TenantId tenant) {
    return dr.backups(BackupScope.of(tenant), SOURCE).stream()
        .filter(m -> m.journalSequence().isPresent())
        .map(BackupManifest::finishedAt)
        .min(Comparator.naturalOrder());
  }

  /**
   * Restores {@code tenant}'s notes to their state at {@code at}: its newest backup finished by
   * then plus the journal replayed up to it, recovered into a scratch directory, then put in place
   * of the tenant's notes in one crash-safe rewrite. Other tenants are untouched.
   */
  Restored restore(TenantId tenant, Instant at) throws IOException {
    Path target = scratch.resolve("restore-" + tenant.value() + "-" + System.nanoTime());
    try {
      RecoveryResult result = dr.restoreToInstant(BackupScope.of(tenant), SOURCE, at, target);
      List<byte[]> records = NotesBackupSource.readRecords(target);
      int count = notes.replaceAll(tenant, records);
      return new Restored(tenant, at, result.baseBackupId(), result.recordsReplayed(), count);
    } finally {
      deleteTree(target);
    }
  }

  /** What a restore did. */
  record Restored(TenantId tenant, Instant at, String baseBackupId, long replayed, int notes) {}

  private ValidationResult validate(
      DisasterRecovery self, dev.tdeveloper.dr.drill.DrillCandidate c, Path restored)
      throws IOException {
    TenantId tenant = c.scope().tenant().orElseThrow();
    List<byte[]> records = NotesBackupSource.readRecords(restored);
    int opened = notes.open(tenant, records).size();
    long expected =
        self.backups(c.scope(), c.source()).stream()
            .filter(m -> m.backupId().equals(c.backupId()))
            .findFirst()
            .map(m -> (long) m.files().size())
            .orElse(-1L);
    return opened == expected
        ? ValidationResult.passed(opened + " notes restored, all decrypt, as the manifest lists")
        : ValidationResult.failed(opened + " notes decrypt but the manifest lists " + expected);
  }

  /** Returns the status of every tenant's notes backups, for {@code /ops}. */
  List<Map<String, Object>> status() {
    refreshSources();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SourceStatus s : dr.status()) {
      rows.add(s.toJson());
    }
    return rows;
  }

  DisasterRecovery recovery() {
    return dr;
  }

  /** Starts the scheduled backups, drills, verifications and objective checks on {@code jobs}. */
  void start(ScheduledExecutorService jobs) {
    jobs.scheduleWithFixedDelay(this::refreshSafely, 0, 10, java.util.concurrent.TimeUnit.SECONDS);
    dr.start(jobs);
  }

  private void refreshSafely() {
    try {
      refreshSources();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(DemoBackups.class).warn("backup sources refresh failed", e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() {
    try {
      dr.close();
    } finally {
      store.close(); // the journal is closed by its owner, after the note store
    }
  }
}
