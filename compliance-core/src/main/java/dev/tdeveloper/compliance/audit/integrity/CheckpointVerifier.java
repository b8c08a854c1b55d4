package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.compliance.audit.integrity.CheckpointException.Problem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies C2SP signed notes and the checkpoints they carry against one or more Ed25519 verifier
 * keys ({@code "<name>+<8 hex key hash>+<base64(0x01 || public key)>"}). As in Go's
 * golang.org/x/mod/sumdb/note, signatures by unknown keys are ignored, at least one known key must
 * have signed, and a known key's signature that does not verify fails the note. Immutable and
 * thread-safe.
 */
public final class CheckpointVerifier {
  /** X.509 SubjectPublicKeyInfo prefix of a raw Ed25519 public key (RFC 8410). */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private record Key(String name, int hash, PublicKey key) {}

  private final List<Key> keys;

  private CheckpointVerifier(List<Key> keys) {
    this.keys = keys;
  }

  /**
   * Creates a verifier trusting the given verifier keys.
   *
   * @throws IllegalArgumentException if there is no key or a key is malformed (naming it), or its
   *     key hash does not match its name and public key
   */
  public static CheckpointVerifier of(String... verifierKeys) {
    return of(Arrays.asList(verifierKeys));
  }

  /**
   * Creates a verifier trusting the given verifier keys.
   *
   * @throws IllegalArgumentException as {@link #of(String...)} does
   */
  public static CheckpointVerifier of(List<String> verifierKeys) {
    if (Objects.requireNonNull(verifierKeys, "verifierKeys").isEmpty()) {
      throw new IllegalArgumentException("a checkpoint verifier needs at least one verifier key");
    }
    List<Key> keys = new ArrayList<>();
    for (String vkey : verifierKeys) {
      keys.add(parseKey(Objects.requireNonNull(vkey, "verifierKey")));
    }
    return new CheckpointVerifier(List.copyOf(keys));
  }

  private static Key parseKey(String vkey) {
    int plus = vkey.indexOf('+');
    int second = plus < 0 ? -1 : vkey.indexOf('+', plus + 1);
    if (second < 0) {
      throw badKey(vkey, "expected <name>+<hash>+<key>");
    }
    String name = vkey.substring(0, plus);
    String hash = vkey.substring(plus + 1, second);
    if (!SignedNote.isValidName(name)) {
      throw badKey(vkey, "invalid key name");
    }
    if (!hash.matches("[0-9a-f]{8}")) {
      throw badKey(vkey, "the key hash is not 8 lowercase hex digits");
    }
    byte[] typed;
    try {
      typed = Base64.getDecoder().decode(vkey.substring(second + 1));
    } catch (IllegalArgumentException e) {
      throw badKey(vkey, "the key is not base64");
    }
    if (typed.length != 33 || typed[0] != SignedNote.ED25519) {
      throw badKey(vkey, "not an Ed25519 key (0x01 followed by 32 bytes)");
    }
    byte[] raw = Arrays.copyOfRange(typed, 1, 33);
    int keyHash = SignedNote.keyHash(name, raw);
    if (keyHash != Integer.parseUnsignedInt(hash, 16)) {
      throw badKey(vkey, "the key hash does not match the name and key");
    }
    try {
      byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
      System.arraycopy(raw, 0, x509, X509_PREFIX.length, 32);
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
      return new Key(name, keyHash, key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "verifier key '" + vkey + "' is not a valid Ed25519 key", e);
    }
  }

  private static IllegalArgumentException badKey(String vkey, String why) {
    return new IllegalArgumentException("malformed verifier key '" + vkey + "': " + why);
  }

  /**
   * Verifies a signed checkpoint and returns it.
   *
   * @throws CheckpointException naming the problem: a malformed note or checkpoint, a root hash
   *     that is not 32 bytes, no signature by a known key, or a bad signature
   */
  public Checkpoint verify(String signedNote) {
    return Checkpoint.parse(verifyNote(signedNote));
  }

  /**
   * Verifies any signed note (not only a checkpoint) and returns its text.
   *
   * @throws CheckpointException if the note is malformed, no known key signed it, or a known key's
   *     signature does not verify
   */
  public String verifyNote(String signedNote) {
    SignedNote.Parsed note = SignedNote.parse(Objects.requireNonNull(signedNote, "signedNote"));
    byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
    Set<Key> seen = new HashSet<>();
    for (SignedNote.Signature signature : note.signatures()) {
      for (Key key : keys) {
        if (key.name().equals(signature.name()) && key.hash() == signature.keyHash()) {
          if (!seen.add(key)) {
            throw new CheckpointException(
                Problem.MALFORMED_NOTE, "key " + key.name() + " signed the note twice");
          }
          if (!verifies(key.key(), text, signature.signature())) {
            throw new CheckpointException(
                Problem.BAD_SIGNATURE,
                "the signature of key "
                    + key.name()
                    + " does not verify: the note was altered or not signed by that key");
          }
        }
      }
    }
    if (seen.isEmpty()) {
      throw new CheckpointException(
          Problem.NO_KNOWN_SIGNATURE,
          "no signature by a known key; signed by "
              + note.signatures().stream().map(SignedNote.Signature::name).toList());
    }
    return note.text();
  }

  private static boolean verifies(PublicKey key, byte[] text, byte[] signature) {
    if (signature.length != 64) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(text);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "CheckpointVerifier" + keys.stream().map(Key::name).toList();
  }
}
