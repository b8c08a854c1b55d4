package dev.tdeveloper.security.crypto.local;

import dev.tdeveloper.security.crypto.internal.Gcm;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * The root of the local key hierarchy: a 256-bit AES key that wraps every tenant's key encryption
 * keys in a {@link LocalKeyManager}'s store. It is read from a file or an environment variable
 * holding the standard base64 encoding of exactly {@value Gcm#KEY_BYTES} random bytes (surrounding
 * whitespace ignored); {@link #generateFile} writes one.
 *
 * <p>The key is never logged: {@link #toString()} and every error message name only where the key
 * came from, never its content. Immutable and thread-safe.
 */
public final class MasterKey {
  private static final int MAX_ENCODED = 1024;

  private final SecretKeySpec key;
  private final String source;

  private MasterKey(SecretKeySpec key, String source) {
    this.key = key;
    this.source = source;
  }

  /**
   * Reads the master key from {@code file}.
   *
   * @throws IllegalArgumentException if the file is missing, unreadable, larger than 1 KiB, or does
   *     not hold the base64 encoding of 32 bytes (the message says which, never the content)
   */
  public static MasterKey fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    String source = "file " + file.toAbsolutePath();
    byte[] encoded;
    try {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("master key " + source + " does not exist");
      }
      if (Files.size(file) > MAX_ENCODED) {
        throw new IllegalArgumentException(
            "master key " + source + " is larger than " + MAX_ENCODED + " bytes");
      }
      encoded = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "master key " + source + " cannot be read: " + e.getClass().getSimpleName(), e);
    }
    return decode(new String(encoded, StandardCharsets.US_ASCII), source);
  }

  /**
   * Reads the master key from the environment variable {@code variable} of this process.
   *
   * @throws IllegalArgumentException if the variable is unset or does not hold the base64 encoding
   *     of 32 bytes
   */
  public static MasterKey fromEnvironment(String variable) {
    return fromEnvironment(variable, System.getenv());
  }

  /**
   * Reads the master key from the variable {@code variable} of {@code environment} (this process's
   * environment, or a map standing in for it).
   *
   * @throws IllegalArgumentException if the variable is unset or does not hold the base64 encoding
   *     of 32 bytes
   */
  public static MasterKey fromEnvironment(String variable, Map<String, String> environment) {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(environment, "environment");
    String source = "environment variable " + variable;
    String value = environment.get(variable);
    if (value == null) {
      throw new IllegalArgumentException("master key " + source + " is not set");
    }
    return decode(value, source);
  }

  /**
   * Writes a new random master key to {@code file} (base64, one line, owner-only permissions where
   * the file system has POSIX permissions), crash-safely.
   *
   * @throws IllegalStateException if {@code file} already exists (a master key is never replaced)
   * @throws UncheckedIOException if it cannot be written
   */
  public static void generateFile(Path file) {
    Objects.requireNonNull(file, "file");
    if (Files.exists(file)) {
      throw new IllegalStateException("master key file " + file + " already exists; not replaced");
    }
    byte[] raw = Gcm.newKey().getEncoded();
    byte[] encoded =
        (Base64.getEncoder().encodeToString(raw) + "\n").getBytes(StandardCharsets.US_ASCII);
    Arrays.fill(raw, (byte) 0);
    try {
      Path temp = DurableFiles.tempOf(file);
      Files.deleteIfExists(temp);
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            temp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      DurableFiles.replace(file, out -> out.write(encoded));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write master key file " + file, e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  private static MasterKey decode(String value, String source) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("master key " + source + " is empty; " + rule());
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: do not chain it.
      throw new IllegalArgumentException(
          "master key " + source + " is not valid base64; " + rule());
    }
    try {
      if (raw.length != Gcm.KEY_BYTES) {
        throw new IllegalArgumentException(
            "master key " + source + " decodes to " + raw.length + " bytes; " + rule());
      }
      return new MasterKey(new SecretKeySpec(raw, "AES"), source);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private static String rule() {
    return "it must hold the base64 encoding of exactly " + Gcm.KEY_BYTES + " random bytes";
  }

  SecretKeySpec key() {
    return key;
  }

  /** Returns where the key came from, never the key. */
  public String source() {
    return source;
  }

  /** Returns {@code MasterKey[<source>]}, never the key. */
  @Override
  public String toString() {
    return "MasterKey[" + source + "]";
  }
}
