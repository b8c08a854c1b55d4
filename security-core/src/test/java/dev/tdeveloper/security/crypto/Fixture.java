package dev.tdeveloper.security.crypto;

import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A local key manager in a directory, with a manual clock, for the crypto tests. */
final class Fixture implements AutoCloseable {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");

  final Path directory;
  final ManualClock clock;
  final MasterKey master;
  LocalKeyManager keys;

  Fixture(Path directory) {
    this(directory, new ManualClock());
  }

  Fixture(Path directory, ManualClock clock) {
    this.directory = directory;
    this.clock = clock;
    Path file = directory.resolve("master.key");
    if (!Files.exists(file)) {
      MasterKey.generateFile(file);
    }
    this.master = MasterKey.fromFile(file);
    this.keys = open();
  }

  LocalKeyManager open() {
    return LocalKeyManager.builder(directory.resolve("keys"), master).clock(clock).open();
  }

  void reopen() {
    keys.close();
    keys = open();
  }

  EnvelopeEncryptorBuilder encryptor() {
    return EnvelopeEncryptor.builder(keys).ticker(clock);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    keys.close();
  }
}
