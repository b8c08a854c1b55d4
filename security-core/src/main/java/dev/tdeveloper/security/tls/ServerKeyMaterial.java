package dev.tdeveloper.security.tls;

import dev.tdeveloper.security.cert.CertificateReadException;
import dev.tdeveloper.security.cert.Certificates;
import dev.tdeveloper.security.internal.Pem;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A TLS server's private key and certificate chain, loaded from a PKCS#12 key store or from PEM
 * files (a certificate chain, leaf first, and an unencrypted PKCS#8 private key) with the JDK's own
 * APIs, or given in memory. Loading checks that the key matches the leaf certificate; every failure
 * is a {@link CertificateReadException} naming the file and what is wrong. Passwords are not kept
 * and, like the key, never appear in {@link #toString()} or messages. Immutable and thread-safe.
 */
public final class ServerKeyMaterial {
  private final String origin;
  private final List<X509Certificate> chain;
  private final KeyManager[] keyManagers;

  private ServerKeyMaterial(String origin, PrivateKey key, List<X509Certificate> chain) {
    this.origin = origin;
    this.chain = List.copyOf(chain);
    KeyMatch.check(key, chain.get(0), origin);
    this.keyManagers = keyManagers(key, chain, origin);
  }

  /**
   * Loads the single private key entry of the PKCS#12 key store {@code file}, whose key is
   * protected by the store's {@code password} (as {@code keytool} and {@code openssl pkcs12
   * -export} make them). The password is not kept; clear yours when done.
   *
   * @throws CertificateReadException if the file is missing, not PKCS#12, the password is wrong, it
   *     holds no or several private keys, or the key does not match its certificate
   */
  public static ServerKeyMaterial fromPkcs12(Path file, char[] password) {
    KeyStore store = Certificates.readPkcs12(file, password);
    String origin = "PKCS#12 key store " + file;
    try {
      List<String> keyAliases = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          keyAliases.add(alias);
        }
      }
      if (keyAliases.size() != 1) {
        throw new CertificateReadException(
            origin
                + " must hold exactly one private key entry, holds "
                + keyAliases.size()
                + (keyAliases.isEmpty() ? "" : " (aliases " + keyAliases + ")"));
      }
      String alias = keyAliases.get(0);
      Key key = store.getKey(alias, password);
      if (!(key instanceof PrivateKey privateKey)) {
        throw new CertificateReadException(
            "entry '" + alias + "' of " + origin + " is a secret key, not a private key");
      }
      Certificate[] certificates = store.getCertificateChain(alias);
      return new ServerKeyMaterial(origin, privateKey, x509Chain(certificates, alias, origin));
    } catch (UnrecoverableKeyException e) {
      throw new CertificateReadException(
          "the private key in " + origin + " is protected by a password other than the store's", e);
    } catch (GeneralSecurityException e) {
      throw new CertificateReadException(
          "cannot read the private key of " + origin + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Loads the certificate chain of the PEM file {@code certificateChain} (leaf first) and the
   * unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}) of the PEM file {@code
   * privateKey}; both may be the same file.
   *
   * @throws CertificateReadException if a file is missing or malformed, holds no certificate, holds
   *     a key in another form (PKCS#1, SEC1 or encrypted: the message says how to convert it), or
   *     the key does not match the leaf certificate
   */
  public static ServerKeyMaterial fromPem(Path certificateChain, Path privateKey) {
    List<X509Certificate> chain = Certificates.readPem(certificateChain);
    List<Pem.Block> blocks = Pem.readFile(privateKey, "private key");
    PrivateKey key = PemKeys.privateKey(blocks, privateKey, chain.get(0));
    return new ServerKeyMaterial(
        "PEM certificate " + certificateChain + " and key " + privateKey, key, chain);
  }

  /**
   * Returns material of {@code key} and {@code chain} (leaf first) held in memory, for instance as
   * a {@code CertificateIssuer} returned them; {@code origin} says where they come from in
   * messages.
   *
   * @throws IllegalArgumentException if {@code chain} is empty
   * @throws CertificateReadException if the key does not match the leaf certificate
   */
  public static ServerKeyMaterial of(PrivateKey key, List<X509Certificate> chain, String origin) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(origin, "origin");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("the certificate chain of " + origin + " is empty");
    }
    return new ServerKeyMaterial(origin, key, chain);
  }

  /** Returns the server's (leaf) certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Returns the certificate chain, leaf first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** Returns the SHA-256 fingerprint of the server's certificate ({@code AB:CD:...}). */
  public String sha256Fingerprint() {
    return Certificates.sha256Fingerprint(certificate());
  }

  /** Returns where the material was loaded from (files, never secrets). */
  public String origin() {
    return origin;
  }

  /**
   * Returns a new server {@code SSLContext} presenting this material, after checking that it
   * supports everything {@code policy} requires. The context's defaults are the JVM's: apply {@link
   * TlsPolicy#sslParameters(SSLContext)} to each server socket or engine, or give the policy's
   * lists to the server framework.
   *
   * @throws TlsConfigurationException if the JVM cannot satisfy {@code policy}
   */
  public SSLContext sslContext(TlsPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.clone(), null, null);
      policy.sslParameters(context);
      return context;
    } catch (GeneralSecurityException e) {
      throw new TlsConfigurationException("cannot create a TLS context for " + origin, e);
    }
  }

  private static List<X509Certificate> x509Chain(
      Certificate[] certificates, String alias, String origin) {
    if (certificates == null || certificates.length == 0) {
      throw new CertificateReadException(
          "entry '" + alias + "' of " + origin + " has no certificate chain");
    }
    List<X509Certificate> chain = new ArrayList<>();
    for (Certificate certificate : certificates) {
      if (!(certificate instanceof X509Certificate x509)) {
        throw new CertificateReadException(
            "entry '" + alias + "' of " + origin + " holds a non-X.509 certificate");
      }
      chain.add(x509);
    }
    return chain;
  }

  /** Key managers over an in-memory store protected by a random password that is then cleared. */
  private static KeyManager[] keyManagers(
      PrivateKey key, List<X509Certificate> chain, String origin) {
    char[] password = new char[32];
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('!' + random.nextInt(94));
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new TlsConfigurationException("cannot build key managers for " + origin, e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  @Override
  public String toString() {
    return "ServerKeyMaterial[subject="
        + certificate().getSubjectX500Principal().getName()
        + ", sha256="
        + sha256Fingerprint()
        + ", from "
        + origin
        + "]";
  }
}
