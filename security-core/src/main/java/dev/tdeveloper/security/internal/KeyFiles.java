package dev.tdeveloper.security.internal;

import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Set;

/**
 * Writes key material to files crash-safely ({@link DurableFiles#replace}: a crash leaves the old
 * or the new content whole) and, where the platform has POSIX permissions, readable by the owner
 * only from the first byte: the temporary file is created {@code rw-------} before anything is
 * written to it. Stateless, thread-safe.
 */
public final class KeyFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> PUBLIC =
      PosixFilePermissions.fromString("rw-r--r--");

  private KeyFiles() {}

  /** Creates {@code directory} and its parents if missing, a new one {@code rwx------}. */
  public static void createPrivateDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    if (POSIX) {
      Files.createDirectories(
          directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(directory);
    }
  }

  /**
   * Replaces {@code target} with {@code text}, owner-only; {@code midway} runs when half the bytes
   * are in the temporary file (a test's crash point; {@code () -> {}} otherwise).
   */
  public static void replacePrivate(Path target, String text, Runnable midway) throws IOException {
    replace(target, text, OWNER_ONLY, midway);
  }

  /** Replaces {@code target} with {@code text}, readable by everyone (a certificate). */
  public static void replacePublic(Path target, String text) throws IOException {
    replace(target, text, PUBLIC, () -> {});
  }

  private static void replace(
      Path target, String text, Set<PosixFilePermission> permissions, Runnable midway)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    Path temp = DurableFiles.tempOf(target);
    Files.deleteIfExists(temp); // a stale one may have other permissions
    if (POSIX) {
      FileAttribute<Set<PosixFilePermission>> attribute =
          PosixFilePermissions.asFileAttribute(permissions);
      Files.createFile(temp, attribute);
      Files.setPosixFilePermissions(temp, permissions); // the umask may have narrowed them
    }
    try {
      DurableFiles.replace(
          target,
          out -> {
            int half = bytes.length / 2;
            out.write(bytes, 0, half);
            out.flush();
            midway.run();
            out.write(bytes, half, bytes.length - half);
          });
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Generates an EC key pair on the P-256 curve (secp256r1), the TLS key of choice. */
  public static KeyPair generateEcKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate EC P-256 keys", e);
    }
  }

  /** Returns PEM text: the unencrypted PKCS#8 private key, then the chain, leaf first. */
  public static String pem(PrivateKey key, List<X509Certificate> chain) {
    StringBuilder text = new StringBuilder(Pem.encode("PRIVATE KEY", key.getEncoded()));
    text.append(pem(chain));
    return text.toString();
  }

  /** Returns PEM text: the certificates, in order. */
  public static String pem(List<X509Certificate> certificates) {
    StringBuilder text = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        text.append(Pem.encode("CERTIFICATE", certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(
            "cannot encode the certificate of " + certificate.getSubjectX500Principal(), e);
      }
    }
    return text.toString();
  }
}
