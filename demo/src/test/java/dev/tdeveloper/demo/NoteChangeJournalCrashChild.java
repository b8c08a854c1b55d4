package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.FaultyFiles;
import dev.tdeveloper.demo.notes.FaultyFiles.Op;
import dev.tdeveloper.demo.notes.Note;
import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The child JVM of {@link NoteChangeJournalCrashTest}: the demo's wiring (notes over the PITR
 * change journal, one forced log per write) creating and deleting notes of acme and globex in turn
 * as fast as it can, printing {@code ACK <tenant> <id> <i>} and {@code DEL <tenant> <id>} once each
 * call has returned (acknowledged), until it is killed. With {@code faulty} as second argument,
 * acme's notes journal fails every write after its 40th append, as a full disk would (the change
 * journal does not): acme's writes are still acknowledged, committed in the change journal.
 */
public final class NoteChangeJournalCrashChild {
  static final List<TenantId> TENANTS = List.of(TenantId.of("acme"), TenantId.of("globex"));

  private NoteChangeJournalCrashChild() {}

  /**
   * Runs until killed; {@code args[0]} is the data directory (master.key, keys, notes, journal).
   */
  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    Path dir = Path.of(args[0]);
    LocalKeyManager keys =
        LocalKeyManager.builder(dir.resolve("keys"), MasterKey.fromFile(dir.resolve("master.key")))
            .open();
    NoteChangeJournal changes = new NoteChangeJournal(dir, InstantSource.system());
    FaultyFiles files = new FaultyFiles();
    if (args.length > 1 && args[1].equals("faulty")) { // acme's disk fails after 40 appends
      files.failAfter(
          dir.resolve("notes").resolve("acme.notes"), 40, Op.APPEND, Op.FORCE, Op.REWRITE);
    }
    NoteStore store = open(dir, keys, changes, files);
    System.out.println("READY");
    System.out.flush();
    for (long i = 0; ; i++) {
      TenantId tenant = TENANTS.get((int) (i % 2));
      long n = i;
      TenantContext.run(
          tenant,
          () -> {
            Note note = store.create(text(tenant, n));
            System.out.println("ACK " + tenant.value() + " " + note.id() + " " + n);
            System.out.println("FAILURES " + files.failures());
            System.out.flush();
            if (n % 7 == 6) {
              store.delete(note.id());
              System.out.println("DEL " + tenant.value() + " " + note.id());
              System.out.flush();
            }
          });
    }
  }

  /** Opens the notes as the demo does: over the change journal, which checkpoints through them. */
  static NoteStore open(Path dir, LocalKeyManager keys, NoteChangeJournal changes) {
    return open(dir, keys, changes, new FaultyFiles());
  }

  /**
   * Opens the notes as the demo does, through {@code files}: over the change journal, which
   * checkpoints through them.
   */
  static NoteStore open(
      Path dir, LocalKeyManager keys, NoteChangeJournal changes, FaultyFiles files) {
    for (TenantId tenant : TENANTS) {
      if (keys.primary(tenant).isEmpty()) {
        keys.rotate(tenant);
      }
    }
    NoteStore store =
        files.store(
            dir.resolve("notes"),
            EnvelopeEncryptor.builder(keys).build(),
            InstantSource.system(),
            changes,
            Optional.empty());
    changes.checkpointsBy(store::checkpoint);
    TENANTS.forEach(store::createSpace);
    return store;
  }

  /** The text of the {@code i}th note: names its tenant, long enough to cross checkpoints. */
  static String text(TenantId tenant, long i) {
    return tenant.value() + " note " + i + " " + "x".repeat((int) (i % 500) * 20);
  }
}
