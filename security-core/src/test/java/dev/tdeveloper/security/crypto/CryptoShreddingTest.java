package dev.tdeveloper.security.crypto;

import static dev.tdeveloper.security.crypto.Fixture.ACME;
import static dev.tdeveloper.security.crypto.Fixture.GLOBEX;
import static dev.tdeveloper.security.crypto.Fixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.security.spi.KeyVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoShreddingTest {
  @TempDir Path temp;

  @Test
  void shreddingATenantMakesAllItsCiphertextUndecryptableEvenAfterReopening() {
    List<KeyEvent> events = new CopyOnWriteArrayList<>();
    try (Fixture fx = new Fixture(temp)) {
      KeyLifecycle lifecycle =
          KeyLifecycle.builder(fx.keys)
              .clock(fx.clock)
              .listener(
                  e -> {
                    throw new IllegalStateException("a broken audit sink");
                  })
              .listener(events::add)
              .build();
      lifecycle.rotate(ACME);
      lifecycle.rotate(GLOBEX);
      EnvelopeEncryptor enc = fx.encryptor().build();
      List<byte[]> acme = new ArrayList<>();
      acme.add(enc.encrypt(ACME, bytes("v1 data"), new byte[0]));
      lifecycle.rotate(ACME);
      acme.add(enc.encrypt(ACME, bytes("v2 data"), new byte[0]));
      lifecycle.disable(ACME, 1);
      byte[] globex = enc.encrypt(GLOBEX, bytes("globex data"), new byte[0]);

      List<KeyVersion> shredded = lifecycle.shred(ACME);

      assertThat(shredded).extracting(KeyVersion::state).containsOnly(KeyState.DESTROYED);
      assertThat(events)
          .filteredOn(e -> e instanceof KeyEvent.TenantShredded)
          .singleElement()
          .isEqualTo(new KeyEvent.TenantShredded(ACME, List.of(1, 2), fx.clock.instant()));
      assertThat(events)
          .filteredOn(e -> e instanceof KeyEvent.StateChanged s && s.tenant().equals(ACME))
          .extracting(e -> ((KeyEvent.StateChanged) e).previous())
          .containsExactly(KeyState.ENABLED, KeyState.DISABLED, KeyState.ENABLED);
      for (byte[] ct : acme) {
        assertThatThrownBy(() -> enc.decrypt(ACME, ct, new byte[0]))
            .isInstanceOf(KeyUnavailableException.class);
      }
      assertThat(enc.decrypt(GLOBEX, globex, new byte[0])).isEqualTo(bytes("globex data"));

      fx.reopen();
      EnvelopeEncryptor afterRestart = fx.encryptor().build();
      for (byte[] ct : acme) {
        assertThatThrownBy(() -> afterRestart.decrypt(ACME, ct, new byte[0]))
            .isInstanceOf(KeyUnavailableException.class)
            .hasMessageContaining("DESTROYED");
      }
      assertThat(afterRestart.decrypt(GLOBEX, globex, new byte[0])).isEqualTo(bytes("globex data"));
      assertThat(fx.keys.versions(ACME))
          .extracting(KeyVersion::state)
          .containsOnly(KeyState.DESTROYED);
    }
  }

  @Test
  void destroyingTheLastVersionOneByOneAlsoPublishesTheShredding() {
    List<KeyEvent> events = new CopyOnWriteArrayList<>();
    try (Fixture fx = new Fixture(temp)) {
      KeyLifecycle lifecycle =
          KeyLifecycle.builder(fx.keys).clock(fx.clock).listener(events::add).build();
      lifecycle.rotate(ACME);
      lifecycle.rotate(ACME);
      lifecycle.destroy(ACME, 1);
      assertThat(events).noneMatch(e -> e instanceof KeyEvent.TenantShredded);
      lifecycle.destroy(ACME, 2);
      assertThat(events).last().isInstanceOf(KeyEvent.TenantShredded.class);
      assertThat(lifecycle.rotateDue()).as("a shredded tenant is never re-keyed").isEmpty();
    }
  }
}
