package dev.tdeveloper.security.crypto;

import static dev.tdeveloper.security.crypto.Fixture.ACME;
import static dev.tdeveloper.security.crypto.Fixture.bytes;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.CrashPoint;
import java.nio.file.Path;

/**
 * Child JVM of {@link RewrapCrashTest}: writes {@value #RECORDS} ciphertexts under key version 1,
 * rotates to version 2, then rewraps in batches of 10 and blocks after batch 3 until killed.
 */
public final class RewrapCrashChild {
  static final int RECORDS = 60;

  private RewrapCrashChild() {}

  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    Path dir = Path.of(args[0]);
    try (Fixture fx = new Fixture(dir)) {
      FileCiphertextStore store = new FileCiphertextStore(dir.resolve("records"));
      fx.keys.rotate(ACME);
      EnvelopeEncryptor enc = fx.encryptor().build();
      for (int i = 0; i < RECORDS; i++) {
        String id = id(i);
        store.put(ACME, id, enc.encrypt(ACME, bytes("payload " + id), bytes(id)));
      }
      fx.keys.rotate(ACME);
      System.out.println("ROTATED");
      RewrapJob.builder(enc, fx.keys, store, dir.resolve("cursors"))
          .batchSize(10)
          .afterBatch(
              n -> {
                System.out.println("BATCH " + n);
                if (n == 3) {
                  System.out.println("HOLD");
                  System.out.flush();
                  CrashPoint.hold();
                }
              })
          .build()
          .run(ACME);
    }
  }

  static String id(int i) {
    return String.format("r%03d", i);
  }
}
