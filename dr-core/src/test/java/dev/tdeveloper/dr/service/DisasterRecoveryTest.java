package dev.tdeveloper.dr.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.backup.BackupType;
import dev.tdeveloper.dr.backup.VerifyReport;
import dev.tdeveloper.dr.crypto.AesGcmChunkCipher;
import dev.tdeveloper.dr.crypto.MasterKey;
import dev.tdeveloper.dr.drill.DrillResult;
import dev.tdeveloper.dr.pitr.FileChangeJournal;
import dev.tdeveloper.dr.pitr.JournaledFiles;
import dev.tdeveloper.dr.policy.BackupOutcome;
import dev.tdeveloper.dr.policy.BackupPolicy;
import dev.tdeveloper.dr.policy.Retention;
import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.store.LocalBackupStore;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: local store, AES-GCM chunks and the file journal, wired by the facade. */
class DisasterRecoveryTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final BackupScope GLOBEX = BackupScope.of(TenantId.of("globex"));

  @TempDir Path temp;
  private final ManualClock clock = new ManualClock(T0);
  private final List<Object> events = new ArrayList<>();
  private LocalBackupStore store;
  private FileChangeJournal journal;
  private DisasterRecovery dr;
  private final Map<BackupScope, JournaledFiles> files = new java.util.HashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    store = LocalBackupStore.open(temp.resolve("backups"));
    journal = FileChangeJournal.builder(temp.resolve("journal")).open();
    dr = build(temp.resolve("drills.log"));
    for (BackupScope scope : List.of(ACME, GLOBEX)) {
      Path root = Files.createDirectories(temp.resolve("data").resolve(scope.key()));
      files.put(
          scope,
          JournaledFiles.builder()
              .root(root)
              .journal(journal)
              .scope(scope)
              .source("notes")
              .clock(clock)
              .build());
      dr.register(DirectorySource.of("notes", scope, root));
    }
  }

  private DisasterRecovery build(Path history) {
    return DisasterRecovery.builder()
        .store(store)
        .cipher(AesGcmChunkCipher.create(MasterKey.generate()))
        .journal(journal)
        .clock(clock)
        .ticker(clock)
        .scratchRoot(temp.resolve("scratch"))
        .drillHistory(history)
        .policy(policy())
        .listener(events::add)
        .build();
  }

  private static BackupPolicy policy() {
    return BackupPolicy.builder()
        .name("notes-every-minute")
        .sources("notes")
        .schedule("* * * * *")
        .type(BackupType.INCREMENTAL)
        .fullEvery(3)
        .retention(Retention.keepLast(2))
        .targetStore("local")
        .rpo(Duration.ofMinutes(2))
        .rto(Duration.ofMinutes(1))
        .build();
  }

  @AfterEach
  void tearDown() {
    dr.close();
    journal.close();
    store.close();
  }

  private void write(BackupScope scope, String path, String text) {
    clock.advance(Duration.ofSeconds(1));
    files.get(scope).write(path, text.getBytes(UTF_8));
  }

  private List<String> runPolicy() {
    clock.advance(Duration.ofSeconds(1));
    BackupOutcome outcome = dr.runPolicy("notes-every-minute");
    assertThat(outcome).isInstanceOf(BackupOutcome.Completed.class);
    return ((BackupOutcome.Completed) outcome).backupIds();
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        tree.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return tree;
  }

  private SourceStatus status(BackupScope scope) {
    return dr.status(scope).get(0);
  }

  @Test
  void policyRunBacksUpEverySourceVerifiesAndShowsTheLiveRpo() {
    write(ACME, "a.txt", "acme one");
    write(GLOBEX, "g.txt", "globex one");
    List<String> ids = runPolicy();
    Instant backedUp = clock.instant();

    assertThat(ids).hasSize(2);
    clock.advance(Duration.ofSeconds(30));
    SourceStatus acme = status(ACME);
    assertThat(acme.backups()).isEqualTo(1);
    assertThat(acme.lastVerifiedPoint()).contains(backedUp);
    assertThat(acme.rpo()).contains(Duration.ofSeconds(30));
    assertThat(acme.rpoBreached()).isFalse();
    assertThat(acme.rtoBreached()).as("no drill yet proves the RTO").isTrue();
    assertThat(acme.toJson()).containsEntry("rpoMillis", 30_000L).containsEntry("tenant", "acme");

    clock.advance(Duration.ofMinutes(2));
    assertThat(status(ACME).rpoBreached()).isTrue();
  }

  @Test
  void incrementalRunsFollowTheFullEveryCount() {
    List<BackupType> types = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      write(ACME, "a.txt", "version " + i);
      runPolicy();
      List<BackupManifest> backups = dr.backups(ACME, "notes");
      types.add(backups.get(backups.size() - 1).type());
    }
    assertThat(types)
        .containsExactly(
            BackupType.FULL, BackupType.INCREMENTAL, BackupType.INCREMENTAL, BackupType.FULL);
  }

  @Test
  void retentionDeletesOldBackupsAndGarbageCollectionFreesTheirChunks() {
    String gone = "only in the first backup " + "x".repeat(200);
    write(ACME, "old.txt", gone);
    String first =
        runPolicy().stream()
            .filter(id -> dr.backups(ACME, "notes").stream().anyMatch(m -> m.backupId().equals(id)))
            .findFirst()
            .orElseThrow();
    files.get(ACME).delete("old.txt");
    write(ACME, "b.txt", "second");
    runPolicy();
    assertThat(store.hasChunk(ACME, sha256(gone))).isTrue();

    write(ACME, "c.txt", "third");
    runPolicy();

    List<String> kept = dr.backups(ACME, "notes").stream().map(BackupManifest::backupId).toList();
    assertThat(kept).hasSize(2).doesNotContain(first);
    assertThat(store.hasChunk(ACME, sha256(gone))).isFalse();
    long oldestBase = dr.backups(ACME, "notes").get(0).journalSequence().getAsLong();
    List<Long> sequences = new ArrayList<>();
    journal.read(ACME, 0, r -> sequences.add(r.sequence()));
    assertThat(sequences).isNotEmpty().allMatch(s -> s >= oldestBase);
  }

  @Test
  void recoveryToAnInstantBetweenBackupsEqualsTheStateAtThatInstant() throws IOException {
    write(ACME, "a.txt", "a1");
    runPolicy();
    write(ACME, "b.txt", "b1");
    write(ACME, "a.txt", "a2");
    Instant between = clock.instant();
    Map<String, String> atBetween = tree(files.get(ACME).root());
    write(ACME, "dir/c.txt", "c1");
    files.get(ACME).delete("b.txt");
    runPolicy();
    write(ACME, "a.txt", "a3");

    dr.restoreToInstant(ACME, "notes", between, temp.resolve("r1"));
    assertThat(tree(temp.resolve("r1"))).isEqualTo(atBetween).containsEntry("a.txt", "a2");
    dr.restoreToInstant(ACME, "notes", clock.instant(), temp.resolve("r2"));
    assertThat(tree(temp.resolve("r2"))).isEqualTo(tree(files.get(ACME).root()));
  }

  @Test
  void recoveryBeforeTheFirstBackupIsRefused() {
    write(ACME, "a.txt", "a1");
    Instant before = clock.instant();
    runPolicy();
    assertThatThrownBy(() -> dr.restoreToInstant(ACME, "notes", before, temp.resolve("r")))
        .isInstanceOf(DrException.class)
        .hasMessageContaining("before the oldest base backup");
  }

  @Test
  void aDrillRecordsItsRtoInTheMonitorAndSurvivesARestart() {
    write(ACME, "a.txt", "a1");
    runPolicy();
    DrillResult result = dr.drill(ACME, "notes");

    assertThat(result.succeeded()).isTrue();
    assertThat(status(ACME).rto()).contains(Duration.ZERO);
    assertThat(status(ACME).rtoBreached()).isFalse();
    assertThat(status(ACME).lastDrill()).contains(result);

    dr.close();
    dr = build(temp.resolve("drills.log"));
    dr.register(DirectorySource.of("notes", ACME, files.get(ACME).root()));
    assertThat(status(ACME).rto()).contains(Duration.ZERO);
  }

  @Test
  void verifyAllNamesAMissingChunkAndMarksTheBackupFailed() {
    String text = "lost " + "y".repeat(100);
    write(ACME, "a.txt", text);
    runPolicy();
    store.deleteChunk(ACME, sha256(text));

    List<VerifyReport> reports = dr.verifyAll();

    VerifyReport acme = reports.stream().filter(r -> r.scope().equals(ACME)).findFirst().get();
    assertThat(acme.ok()).isFalse();
    assertThat(acme.missingChunks()).extracting(p -> p.chunkId()).containsExactly(sha256(text));
    assertThat(reports.stream().filter(r -> r.scope().equals(GLOBEX))).allMatch(VerifyReport::ok);
  }

  @Test
  void oneTenantsRecoveryNeverSeesAnothersFiles() throws IOException {
    write(ACME, "acme-secret.txt", "acme");
    write(GLOBEX, "globex-secret.txt", "globex");
    runPolicy();
    write(GLOBEX, "globex-later.txt", "globex 2");

    dr.restoreToInstant(ACME, "notes", clock.instant(), temp.resolve("acme"));
    dr.restoreToInstant(GLOBEX, "notes", clock.instant(), temp.resolve("globex"));

    assertThat(tree(temp.resolve("acme"))).containsOnlyKeys("acme-secret.txt");
    assertThat(tree(temp.resolve("globex")))
        .containsOnlyKeys("globex-secret.txt", "globex-later.txt");
    dr.drill(ACME, "notes");
    assertThat(status(GLOBEX).lastDrill()).isEmpty();
  }

  @Test
  void badSettingsAndRequestsAreRefusedByName() {
    assertThatThrownBy(() -> DisasterRecovery.builder().store(store).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cipher")
        .hasMessageContaining("journal")
        .hasMessageContaining("at least one policy");
    assertThatThrownBy(() -> DisasterRecovery.builder().policy(policy()).policy(policy()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already added");
    assertThatThrownBy(() -> dr.runPolicy("nightly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notes-every-minute");
    assertThatThrownBy(() -> dr.drill(ACME, "orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orders");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
