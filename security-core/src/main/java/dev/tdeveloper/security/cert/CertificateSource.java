package dev.tdeveloper.security.cert;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Where a {@link CertificateMonitor} finds certificates. A file source reads its file again on
 * every {@link #load()}, so a certificate replaced on disk is seen at the next check.
 * Implementations must be thread-safe; the factories' are.
 */
public interface CertificateSource {
  /** Returns the name used in statuses, events and messages (a file path, a key store's name). */
  String name();

  /**
   * Returns the certificates to watch by entry: the key store alias, or {@code #0}, {@code #1}, ...
   * for the position in a PEM file or a list. The map keeps that order and may not be modified.
   *
   * @throws CertificateReadException if the certificates cannot be read now
   */
  Map<String, X509Certificate> load();

  /** Returns a source of the fixed {@code certificates}, named {@code name}. */
  static CertificateSource of(String name, List<X509Certificate> certificates) {
    Objects.requireNonNull(name, "name");
    Map<String, X509Certificate> byPosition = byPosition(certificates);
    return source(
        name,
        () -> byPosition,
        "CertificateSource[" + name + ", " + byPosition.size() + " certificates]");
  }

  /**
   * Returns a source of the certificates in {@code store} (see {@link Certificates#inKeyStore}),
   * listed again on every load; the caller must not modify the store while the monitor runs.
   */
  static CertificateSource keyStore(String name, KeyStore store) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(store, "store");
    return source(
        name,
        () -> Certificates.inKeyStore(name, store),
        "CertificateSource[key store " + name + "]");
  }

  /** Returns a source reading every certificate of the PEM file {@code file} on each load. */
  static CertificateSource pemFile(Path file) {
    Objects.requireNonNull(file, "file");
    return source(
        file.toString(),
        () -> byPosition(Certificates.readPem(file)),
        "CertificateSource[PEM " + file + "]");
  }

  /**
   * Returns a source opening the PKCS#12 key store {@code file} with {@code password} on each load.
   * The password is copied (clear yours when done) and never shown.
   */
  static CertificateSource pkcs12File(Path file, char[] password) {
    return keyStoreFile(file, password, "PKCS#12", Certificates::readPkcs12);
  }

  /**
   * Returns a source opening the JKS key store {@code file} with {@code password} on each load. The
   * password is copied (clear yours when done) and never shown.
   */
  static CertificateSource jksFile(Path file, char[] password) {
    return keyStoreFile(file, password, "JKS", Certificates::readJks);
  }

  private static CertificateSource keyStoreFile(
      Path file, char[] password, String type, BiFunction<Path, char[], KeyStore> read) {
    Objects.requireNonNull(file, "file");
    char[] copy = Objects.requireNonNull(password, "password").clone();
    return source(
        file.toString(),
        () -> Certificates.inKeyStore(file.toString(), read.apply(file, copy.clone())),
        "CertificateSource[" + type + " " + file + "]");
  }

  private static CertificateSource source(
      String name, Supplier<Map<String, X509Certificate>> load, String shown) {
    return new CertificateSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Map<String, X509Certificate> load() {
        return load.get();
      }

      @Override
      public String toString() {
        return shown;
      }
    };
  }

  private static Map<String, X509Certificate> byPosition(List<X509Certificate> certificates) {
    Map<String, X509Certificate> map = new LinkedHashMap<>();
    for (X509Certificate certificate : List.copyOf(certificates)) {
      map.put("#" + map.size(), certificate);
    }
    return Collections.unmodifiableMap(map);
  }
}
