package dev.tdeveloper.security.cert;

import dev.tdeveloper.security.internal.Pem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads X.509 certificates from PEM files and PKCS#12 and JKS key stores with the JDK's own {@link
 * CertificateFactory} and {@link KeyStore}, and computes their fingerprints. Every failure is a
 * {@link CertificateReadException} naming the file and what is wrong; passwords and key bytes never
 * appear in messages. Thread-safe (stateless).
 */
public final class Certificates {
  private static final HexFormat FINGERPRINT = HexFormat.ofDelimiter(":").withUpperCase();

  private Certificates() {}

  /**
   * Returns the SHA-256 fingerprint of {@code certificate}'s DER encoding as colon-separated
   * upper-case hex ({@code AB:CD:...}), the form {@code keytool -list} and {@code openssl x509
   * -fingerprint -sha256} print.
   */
  public static String sha256Fingerprint(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return FINGERPRINT.formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(
          "cannot fingerprint " + certificate.getSubjectX500Principal(), e);
    }
  }

  /**
   * Reads every {@code CERTIFICATE} block of the PEM file {@code file}, in order (a chain starts
   * with the leaf). Other blocks (a private key kept in the same file) are skipped.
   *
   * @throws CertificateReadException if the file cannot be read, holds no certificate, or holds a
   *     block that is not a valid X.509 certificate
   */
  public static List<X509Certificate> readPem(Path file) {
    Objects.requireNonNull(file, "file");
    List<X509Certificate> certificates = new ArrayList<>();
    for (Pem.Block block : Pem.readFile(file, "certificates")) {
      if (block.label().equals("CERTIFICATE")) {
        certificates.add(parse(block.der(), file, block.line()));
      }
    }
    if (certificates.isEmpty()) {
      throw new CertificateReadException(
          "no certificate in " + file + ": expected a '-----BEGIN CERTIFICATE-----' block");
    }
    return List.copyOf(certificates);
  }

  /**
   * Loads the PKCS#12 key store {@code file} protected by {@code password}.
   *
   * @throws CertificateReadException if the file is missing, is not PKCS#12 (a JKS file is named as
   *     such), or the password is wrong (the message never shows the password)
   */
  public static KeyStore readPkcs12(Path file, char[] password) {
    return readKeyStore(file, password, KeyStoreFormat.PKCS12);
  }

  /**
   * Loads the Java key store (JKS, {@code keytool}'s format before Java 9) {@code file} protected
   * by {@code password}.
   *
   * @throws CertificateReadException if the file is missing, is not JKS (a PKCS#12 or JCEKS file is
   *     named as such), or the password is wrong (the message never shows the password)
   */
  public static KeyStore readJks(Path file, char[] password) {
    return readKeyStore(file, password, KeyStoreFormat.JKS);
  }

  private static KeyStore readKeyStore(Path file, char[] password, KeyStoreFormat expected) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(password, "password");
    String what = expected.display + " key store " + file;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CertificateReadException(what + " does not exist", e);
    } catch (IOException e) {
      throw new CertificateReadException(
          "cannot read " + what + ": " + e.getClass().getSimpleName(), e);
    }
    // The JDK's JKS and PKCS12 key stores each silently read the other format; say which it is.
    KeyStoreFormat actual = KeyStoreFormat.sniff(bytes);
    if (actual != expected) {
      throw new CertificateReadException(
          "cannot read "
              + what
              + ": "
              + (actual == null
                  ? "not a " + expected.display + " file or corrupt"
                  : "it is a " + actual.display + " key store, not " + expected.display));
    }
    try {
      KeyStore store = KeyStore.getInstance(expected.type);
      store.load(new ByteArrayInputStream(bytes), password);
      return store;
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new CertificateReadException(
            "cannot open " + what + ": wrong password", e.getCause());
      }
      throw new CertificateReadException(
          "cannot read " + what + ": not a " + expected.display + " file or corrupt", e);
    } catch (GeneralSecurityException e) {
      throw new CertificateReadException(
          "cannot read " + what + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** Key store formats, told apart by their first bytes. */
  private enum KeyStoreFormat {
    PKCS12("PKCS12", "PKCS#12"),
    JKS("JKS", "JKS"),
    JCEKS("JCEKS", "JCEKS");

    final String type;
    final String display;

    KeyStoreFormat(String type, String display) {
      this.type = type;
      this.display = display;
    }

    /** JKS starts with 0xFEEDFEED, JCEKS with 0xCECECECE, PKCS#12 with a DER SEQUENCE (0x30). */
    static KeyStoreFormat sniff(byte[] bytes) {
      if (bytes.length >= 4) {
        int magic = ByteBuffer.wrap(bytes, 0, 4).getInt();
        if (magic == 0xFEEDFEED) {
          return JKS;
        }
        if (magic == 0xCECECECE) {
          return JCEKS;
        }
      }
      return bytes.length > 0 && bytes[0] == 0x30 ? PKCS12 : null;
    }
  }

  /**
   * Returns the X.509 certificates of {@code store} by alias: the leaf of each private-key entry's
   * chain and each trusted certificate.
   *
   * @param name how to name the store in messages
   * @throws CertificateReadException if the store cannot be listed
   */
  public static Map<String, X509Certificate> inKeyStore(String name, KeyStore store) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(store, "store");
    Map<String, X509Certificate> found = new LinkedHashMap<>();
    try {
      for (String alias : Collections.list(store.aliases())) {
        Certificate certificate = store.getCertificate(alias);
        if (certificate instanceof X509Certificate x509) {
          found.put(alias, x509);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new CertificateReadException("cannot list the certificates of " + name, e);
    }
    return Collections.unmodifiableMap(found);
  }

  private static X509Certificate parse(byte[] der, Path file, int line) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new CertificateReadException(
          "the certificate at line " + line + " of " + file + " is not a valid X.509 certificate",
          e);
    }
  }
}
