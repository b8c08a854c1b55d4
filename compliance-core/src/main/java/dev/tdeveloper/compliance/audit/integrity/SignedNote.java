package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.compliance.audit.integrity.CheckpointException.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The C2SP signed-note format (c2sp.org/signed-note): the text, a blank line, then one line per
 * signature, {@code "— <key name> <base64(4-byte key hash || signature)>\n"}. Key hashes of Ed25519
 * keys are the first 4 bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)}. Stateless.
 */
final class SignedNote {
  /** The algorithm byte of Ed25519 keys. */
  static final byte ED25519 = 0x01;

  /** The most signature lines a note may carry, as Go's implementation allows: {@value}. */
  static final int MAX_SIGNATURES = 100;

  private static final String SIGNATURE_PREFIX = "\u2014 ";

  /** A signature line: who claims to have signed, the key hash and the signature bytes. */
  record Signature(String name, int keyHash, byte[] signature) {}

  /** A note split into its text (ending with a newline) and its signature lines. */
  record Parsed(String text, List<Signature> signatures) {}

  private SignedNote() {}

  /** Returns whether {@code name} may name a key: not empty, no whitespace, no '+'. */
  static boolean isValidName(String name) {
    if (name.isEmpty() || name.indexOf('+') >= 0) {
      return false;
    }
    return name.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }

  /** Returns the 4-byte key hash of an Ed25519 public key, as a big-endian int. */
  static int keyHash(String name, byte[] publicKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(ED25519);
      sha.update(publicKey);
      return ByteBuffer.wrap(sha.digest()).getInt();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** Returns the signature line for {@code signature} (64 bytes) by key {@code name}. */
  static String signatureLine(String name, int keyHash, byte[] signature) {
    byte[] blob = ByteBuffer.allocate(4 + signature.length).putInt(keyHash).put(signature).array();
    return SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
  }

  /**
   * Splits a signed note strictly: valid UTF-8 text without control characters other than newlines
   * (so no CR), the text ending with a newline, a blank line, and 1 to {@value #MAX_SIGNATURES}
   * well-formed signature lines each ending with a newline.
   *
   * @throws CheckpointException with {@link Problem#MALFORMED_NOTE} naming what is wrong
   */
  static Parsed parse(String note) {
    for (int i = 0; i < note.length(); i++) {
      char c = note.charAt(i);
      if ((c < 0x20 && c != '\n') || c == 0x7f || Character.isSurrogate(c) && !validPair(note, i)) {
        throw malformed(
            String.format("control or invalid character U+%04X at offset %d", (int) c, i));
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    if (!note.endsWith("\n")) {
      throw malformed("the note does not end with a newline");
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw malformed("no blank line between the text and the signatures");
    }
    String text = note.substring(0, split + 1);
    String[] lines = note.substring(split + 2).split("\n", -1);
    int count = lines.length - 1;
    if (count == 0) {
      throw malformed("the note has no signature line");
    }
    if (count > MAX_SIGNATURES) {
      throw malformed("the note has " + count + " signature lines, at most " + MAX_SIGNATURES);
    }
    List<Signature> signatures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      signatures.add(parseLine(lines[i], i + 1));
    }
    return new Parsed(text, List.copyOf(signatures));
  }

  private static Signature parseLine(String line, int number) {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
      throw malformed("signature line " + number + " does not start with an em dash and a space");
    }
    String rest = line.substring(SIGNATURE_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw malformed("signature line " + number + " has no space between name and signature");
    }
    String name = rest.substring(0, space);
    String encoded = rest.substring(space + 1);
    if (!isValidName(name)) {
      throw malformed("signature line " + number + " has an invalid key name '" + name + "'");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw malformed("signature line " + number + " is not base64");
    }
    if (blob.length < 5 || !Base64.getEncoder().encodeToString(blob).equals(encoded)) {
      throw malformed("signature line " + number + " is not canonical base64 of 5 or more bytes");
    }
    byte[] signature = new byte[blob.length - 4];
    System.arraycopy(blob, 4, signature, 0, signature.length);
    return new Signature(name, ByteBuffer.wrap(blob).getInt(), signature);
  }

  private static boolean validPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static CheckpointException malformed(String message) {
    return new CheckpointException(Problem.MALFORMED_NOTE, "malformed signed note: " + message);
  }
}
