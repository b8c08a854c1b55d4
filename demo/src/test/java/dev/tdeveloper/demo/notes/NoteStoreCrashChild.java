package dev.tdeveloper.demo.notes;

import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * The child JVM of {@link NoteStoreCrashTest}: creates acme's notes as fast as it can and prints
 * {@code ACK <id> <text>} once each create has returned (acknowledged), until it is killed.
 */
public final class NoteStoreCrashChild {
  private NoteStoreCrashChild() {}

  /** Runs until killed; {@code args[0]} is the directory holding master.key, keys and notes. */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    TenantId acme = TenantId.of("acme");
    LocalKeyManager keys =
        LocalKeyManager.builder(dir.resolve("keys"), MasterKey.fromFile(dir.resolve("master.key")))
            .open();
    if (keys.primary(acme).isEmpty()) {
      keys.rotate(acme);
    }
    NoteStore store =
        new NoteStore(
            dir.resolve("notes"), EnvelopeEncryptor.builder(keys).build(), InstantSource.system());
    store.createSpace(acme);
    System.out.println("READY");
    System.out.flush();
    TenantContext.run(
        acme,
        () -> {
          for (long i = 0; ; i++) {
            Note note = store.create(text(i));
            System.out.println("ACK " + note.id() + " " + i);
            System.out.flush();
            if (i % 7 == 6) {
              store.delete(note.id());
              System.out.println("DEL " + note.id());
              System.out.flush();
            }
          }
        });
  }

  /** The text of the {@code i}th note: long enough that a kill often lands mid-record. */
  static String text(long i) {
    return "note " + i + " " + "x".repeat((int) (i % 500) * 20);
  }
}
