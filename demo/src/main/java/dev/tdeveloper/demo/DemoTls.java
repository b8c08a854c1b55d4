package dev.tdeveloper.demo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the demo serves TLS: {@link Off} (plain HTTP, the default), or TLS 1.3 with a certificate
 * from the local development CA ({@link LocalCa}), from a PKCS#12 key store ({@link Pkcs12}) or
 * from PEM files ({@link Pem}). Immutable; {@link #toString()} never shows a password.
 */
public sealed interface DemoTls {
  /** Returns whether TLS is on. */
  default boolean enabled() {
    return !(this instanceof Off);
  }

  /** Plain HTTP. */
  record Off() implements DemoTls {}

  /**
   * TLS with a certificate for localhost issued by a local development CA kept under {@code
   * <data>/tls/ca}, and renewed (without a restart) once two thirds of its lifetime have passed.
   */
  record LocalCa() implements DemoTls {}

  /**
   * TLS with the single private key entry of a PKCS#12 key store.
   *
   * @param keyStore the {@code .p12} file
   * @param password its password (copied in and out; never shown)
   */
  record Pkcs12(Path keyStore, char[] password) implements DemoTls {
    /** Copies the password. */
    public Pkcs12 {
      Objects.requireNonNull(keyStore, "keyStore");
      password = Objects.requireNonNull(password, "password").clone();
    }

    @Override
    public char[] password() {
      return password.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Pkcs12 p
          && p.keyStore.equals(keyStore)
          && java.util.Arrays.equals(p.password, password);
    }

    @Override
    public int hashCode() {
      return keyStore.hashCode();
    }

    @Override
    public String toString() {
      return "Pkcs12[keyStore=" + keyStore + ", password=(not shown)]";
    }
  }

  /**
   * TLS with a PEM certificate chain (leaf first) and an unencrypted PKCS#8 private key.
   *
   * @param certificateChain the certificate file
   * @param privateKey the key file (may be the same file)
   */
  record Pem(Path certificateChain, Path privateKey) implements DemoTls {
    /** Checks the paths. */
    public Pem {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }
}
