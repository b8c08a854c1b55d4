package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs checkpoints with an Ed25519 key (the JDK's own) as C2SP signed notes. The private key is
 * kept in a PKCS#8 file, written crash-safely and, where the filesystem has POSIX permissions,
 * readable by its owner only; keep it away from the log directory. Immutable and thread-safe.
 */
public final class CheckpointSigner {
  private static final String ALGORITHM = "Ed25519";

  private final String name;
  private final PrivateKey privateKey;
  private final byte[] publicKey;
  private final int keyHash;

  private CheckpointSigner(String name, PrivateKey privateKey, byte[] publicKey) {
    this.name = name;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyHash = SignedNote.keyHash(name, publicKey);
  }

  /**
   * Generates a new key named {@code name}, usually the log's origin.
   *
   * @throws IllegalArgumentException if the name is empty or holds whitespace or '+'
   */
  public static CheckpointSigner generate(String name) {
    checkName(name);
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      return new CheckpointSigner(name, pair.getPrivate(), rawPublicKey(pair));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + ALGORITHM + " keys", e);
    }
  }

  /**
   * Loads the key saved by {@link #save} from {@code file} (PKCS#8, DER).
   *
   * @throws IllegalArgumentException if the name is invalid
   * @throws ComplianceException if the file cannot be read or holds no Ed25519 private key
   */
  public static CheckpointSigner load(String name, Path file) {
    checkName(name);
    byte[] der;
    try {
      der = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ComplianceException("cannot read checkpoint signing key " + file + ": " + e, e);
    }
    try {
      PrivateKey key =
          KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
      byte[] seed =
          ((EdECPrivateKey) key)
              .getBytes()
              .orElseThrow(() -> new GeneralSecurityException("the key has no private bytes"));
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
      KeyPair pair = generator.generateKeyPair();
      Arrays.fill(seed, (byte) 0);
      checkPair(key, pair);
      return new CheckpointSigner(name, key, rawPublicKey(pair));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new ComplianceException(
          "checkpoint signing key " + file + " is not an Ed25519 PKCS#8 private key: " + e, e);
    }
  }

  /**
   * Saves the private key to {@code file} (PKCS#8, DER) crash-safely: written to a temporary file
   * created owner-only where POSIX permissions exist, forced, then renamed into place.
   *
   * @throws ComplianceException if the file exists already (a key is never overwritten) or cannot
   *     be written
   */
  public void save(Path file) {
    Objects.requireNonNull(file, "file");
    if (Files.exists(file)) {
      throw new ComplianceException(
          "refusing to overwrite the existing checkpoint signing key " + file);
    }
    Path temp = DurableFiles.tempOf(file);
    try {
      Files.deleteIfExists(temp);
      if (Files.getFileStore(DurableFiles.parentOf(file)).supportsFileAttributeView("posix")) {
        Files.createFile(
            temp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      byte[] der = privateKey.getEncoded();
      DurableFiles.replace(file, out -> out.write(der));
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new ComplianceException("cannot save checkpoint signing key " + file + ": " + e, e);
    }
  }

  /** Returns the key's name. */
  public String name() {
    return name;
  }

  /** Returns the verifier key, {@code "<name>+<8 hex key hash>+<base64(0x01 || key)>"}. */
  public String verifierKey() {
    byte[] typed = new byte[33];
    typed[0] = SignedNote.ED25519;
    System.arraycopy(publicKey, 0, typed, 1, 32);
    return String.format("%s+%08x+%s", name, keyHash, Base64.getEncoder().encodeToString(typed));
  }

  /** Returns the signed note of {@code checkpoint}: its text, a blank line, this signature. */
  public String sign(Checkpoint checkpoint) {
    return signText(Objects.requireNonNull(checkpoint, "checkpoint").text());
  }

  /** Signs any note text that ends with a newline. */
  String signText(String text) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(privateKey);
      signature.update(text.getBytes(StandardCharsets.UTF_8));
      return text + "\n" + SignedNote.signatureLine(name, keyHash, signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot sign with " + ALGORITHM, e);
    }
  }

  /** Signs a probe with the loaded key and verifies it with the derived public key. */
  private static void checkPair(PrivateKey key, KeyPair pair) throws GeneralSecurityException {
    byte[] probe = "checkpoint signer self-test".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance(ALGORITHM);
    signer.initSign(key);
    signer.update(probe);
    Signature verifier = Signature.getInstance(ALGORITHM);
    verifier.initVerify(pair.getPublic());
    verifier.update(probe);
    if (!verifier.verify(signer.sign())) {
      throw new GeneralSecurityException("the derived public key does not match the private key");
    }
  }

  private static byte[] rawPublicKey(KeyPair pair) {
    byte[] x509 = pair.getPublic().getEncoded();
    return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
  }

  private static void checkName(String name) {
    if (!SignedNote.isValidName(Objects.requireNonNull(name, "name"))) {
      throw new IllegalArgumentException(
          "checkpoint key name must be non-empty without whitespace or '+', got '" + name + "'");
    }
  }

  @Override
  public String toString() {
    return "CheckpointSigner[" + verifierKey() + "]";
  }

  /** Hands the key generator the saved seed, so it derives the matching public key. */
  private static final class FixedSeed extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    FixedSeed(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("expected a request for the 32-byte seed");
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }
}
