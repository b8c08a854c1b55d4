package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.tenancy.internal.StoreSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configures and opens a {@link LocalSecretStore}. Exactly one master-key source is required:
 * {@link #masterKeyFile}, {@link #masterKeyFromEnvironment} or {@link #masterKey}. A key is 32
 * bytes (AES-256), given either raw or as base64 text (surrounding white space ignored); {@link
 * #generateMasterKeyFile} writes a new one. The key is read at {@link #open()}, held only by the
 * store's cipher, and never logged or put in a message. The clock (stamping new versions) defaults
 * to the system clock. Each setting may be given once.
 *
 * <p>Not thread-safe: configure on one thread.
 */
public final class LocalSecretStoreBuilder {
  private final Path directory;
  private InstantSource clock = InstantSource.system();
  private boolean clockSet;
  private Path keyFile;
  private String keyVariable;
  private byte[] key;
  private Function<String, String> environment = System::getenv;

  LocalSecretStoreBuilder(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Sets the clock stamping new versions.
   *
   * @throws IllegalStateException if already set
   */
  public LocalSecretStoreBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    StoreSettings.requireUnset("clock", clockSet);
    this.clock = clock;
    clockSet = true;
    return this;
  }

  /**
   * Reads the master key from {@code file} at {@link #open()}.
   *
   * @throws IllegalStateException if a master-key source was already set
   */
  public LocalSecretStoreBuilder masterKeyFile(Path file) {
    Objects.requireNonNull(file, "file");
    requireNoKeySource();
    this.keyFile = file;
    return this;
  }

  /**
   * Reads the master key, as base64, from environment variable {@code variable} at {@link #open()}.
   *
   * @throws IllegalArgumentException if {@code variable} is blank
   * @throws IllegalStateException if a master-key source was already set
   */
  public LocalSecretStoreBuilder masterKeyFromEnvironment(String variable) {
    Objects.requireNonNull(variable, "variable");
    if (variable.isBlank()) {
      throw new IllegalArgumentException("the master key's environment variable name is blank");
    }
    requireNoKeySource();
    this.keyVariable = variable;
    return this;
  }

  /**
   * Uses a copy of {@code key} (32 bytes) as the master key; the caller should wipe its array.
   *
   * @throws IllegalArgumentException if it is not 32 bytes
   * @throws IllegalStateException if a master-key source was already set
   */
  public LocalSecretStoreBuilder masterKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != SecretCipher.KEY_BYTES) {
      throw new IllegalArgumentException(
          "the master key must be " + SecretCipher.KEY_BYTES + " bytes, was " + key.length);
    }
    requireNoKeySource();
    this.key = key.clone();
    return this;
  }

  /** For tests: where {@link #masterKeyFromEnvironment} looks variables up. */
  LocalSecretStoreBuilder environment(Function<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return this;
  }

  /**
   * Reads the master key, locks the directory (creating it if needed), replays the journal and
   * opens the store.
   *
   * @throws IllegalStateException if no master-key source was set
   * @throws IllegalArgumentException if the key is missing or not 32 bytes (the message names the
   *     source, never the key)
   * @throws SecretStoreException if the directory is locked or unusable, the file is corrupt, or
   *     the key does not decrypt it
   */
  public LocalSecretStore open() {
    byte[] master = readKey();
    try {
      return new LocalSecretStore(directory, master, clock);
    } finally {
      Arrays.fill(master, (byte) 0);
    }
  }

  /**
   * Writes a new random 32-byte master key, as base64, to {@code file}, which must not exist;
   * readable by its owner only where the file system has POSIX permissions.
   *
   * @throws SecretStoreException if the file exists or cannot be written
   */
  public static void generateMasterKeyFile(Path file) {
    byte[] fresh = new byte[SecretCipher.KEY_BYTES];
    new java.security.SecureRandom().nextBytes(fresh);
    byte[] text = Base64.getEncoder().encode(fresh);
    Arrays.fill(fresh, (byte) 0);
    try {
      Files.createFile(file);
      try {
        Files.setPosixFilePermissions(
            file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's permissions protect the key
      }
      Files.write(file, text);
    } catch (IOException e) {
      throw new SecretStoreException("cannot write master key file " + file + ": " + e, e);
    } finally {
      Arrays.fill(text, (byte) 0);
    }
  }

  private byte[] readKey() {
    if (key != null) {
      return key.clone();
    }
    if (keyFile != null) {
      byte[] content;
      try {
        content = Files.readAllBytes(keyFile);
      } catch (IOException e) {
        throw new SecretStoreException(
            "cannot read master key file " + keyFile + ": " + e.getClass().getSimpleName(), e);
      }
      return decode(content, "master key file " + keyFile);
    }
    if (keyVariable != null) {
      String value = environment.apply(keyVariable);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(
            "environment variable " + keyVariable + " holding the master key is not set");
      }
      return decode(
          value.getBytes(StandardCharsets.US_ASCII), "environment variable " + keyVariable);
    }
    throw new IllegalStateException(
        "a master key is required: set masterKeyFile, masterKeyFromEnvironment or masterKey");
  }

  /** Decodes raw or base64 content, wiping it; the message names the source, never the key. */
  private static byte[] decode(byte[] content, String source) {
    try {
      if (content.length == SecretCipher.KEY_BYTES) {
        return content.clone();
      }
      String text = new String(content, StandardCharsets.US_ASCII).strip();
      byte[] decoded;
      try {
        decoded = Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source
                + " must hold "
                + SecretCipher.KEY_BYTES
                + " bytes, raw or as base64; it is"
                + " neither ("
                + content.length
                + " bytes, not valid base64)");
      }
      if (decoded.length != SecretCipher.KEY_BYTES) {
        Arrays.fill(decoded, (byte) 0);
        throw new IllegalArgumentException(
            source
                + " must hold "
                + SecretCipher.KEY_BYTES
                + " bytes, raw or as base64; it"
                + " decodes to "
                + decoded.length
                + " bytes");
      }
      return decoded;
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  private void requireNoKeySource() {
    if (keyFile != null || keyVariable != null || key != null) {
      throw new IllegalStateException("a master-key source was already set; give exactly one");
    }
  }
}
