package dev.tdeveloper.security.crypto;

import static dev.tdeveloper.security.crypto.Fixture.ACME;
import static dev.tdeveloper.security.crypto.Fixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM ({@code kill -9}) between the steps of a rotation (new version added, rewrap
 * part done) and checks the rewrap resumes from its durable cursor and loses nothing.
 */
class RewrapCrashTest {
  @TempDir Path temp;

  @Test
  void rewrapResumesFromItsCursorAfterACrashAndEveryCiphertextStillDecrypts() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(RewrapCrashChild.class, temp.resolve("child.err"), temp.toString())) {
      child.awaitLine("ROTATED", 60);
      child.awaitLine("HOLD", 60);
      child.kill();
    }
    assertThat(temp.resolve("cursors").resolve("acme.rewrap")).exists();
    assertThat(Files.list(temp.resolve("keys")).map(p -> p.getFileName().toString()))
        .contains("keys.journal");
    try (Fixture fx = new Fixture(temp)) {
      FileCiphertextStore store = new FileCiphertextStore(temp.resolve("records"));
      EnvelopeEncryptor enc = fx.encryptor().build();
      assertThat(fx.keys.primary(ACME).orElseThrow().version()).isEqualTo(2);
      for (int i = 0; i < RewrapCrashChild.RECORDS; i++) {
        int expected = i < 30 ? 2 : 1;
        assertThat(enc.keyVersionOf(store.get(ACME, RewrapCrashChild.id(i))))
            .as(RewrapCrashChild.id(i))
            .isEqualTo(expected);
      }

      RewrapResult result =
          RewrapJob.builder(enc, fx.keys, store, temp.resolve("cursors"))
              .batchSize(10)
              .build()
              .run(ACME);

      assertThat(result)
          .isEqualTo(new RewrapResult(ACME, 2, 30, 30, Optional.of(RewrapCrashChild.id(29))));
      assertThat(temp.resolve("cursors").resolve("acme.rewrap")).doesNotExist();
      fx.keys.destroy(ACME, 1);
      EnvelopeEncryptor fresh = fx.encryptor().build();
      for (int i = 0; i < RewrapCrashChild.RECORDS; i++) {
        String id = RewrapCrashChild.id(i);
        assertThat(fresh.decrypt(ACME, store.get(ACME, id), bytes(id)))
            .isEqualTo(bytes("payload " + id));
      }
      RewrapResult again =
          RewrapJob.builder(enc, fx.keys, store, temp.resolve("cursors")).build().run(ACME);
      assertThat(again.rewrapped()).as("nothing left to move").isZero();
      assertThat(again.examined()).isEqualTo(RewrapCrashChild.RECORDS);
    }
  }
}
