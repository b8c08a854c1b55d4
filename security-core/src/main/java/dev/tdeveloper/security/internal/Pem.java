package dev.tdeveloper.security.internal;

import dev.tdeveloper.security.cert.CertificateReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Reads the blocks of a PEM text (RFC 7468): {@code -----BEGIN <label>-----}, base64, {@code
 * -----END <label>-----}; text outside the blocks (such as OpenSSL's "Bag Attributes") is ignored.
 * Problems are reported as {@link IllegalArgumentException}s whose messages never quote the
 * content, which may be a private key. Thread-safe (stateless).
 */
public final class Pem {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  /**
   * One PEM block.
   *
   * @param label what the block says it holds ({@code CERTIFICATE}, {@code PRIVATE KEY}, ...)
   * @param der the decoded bytes
   * @param line the 1-based line of its {@code BEGIN} marker
   */
  public record Block(String label, byte[] der, int line) {
    /** Checks the block. */
    public Block {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(der, "der");
    }

    @Override
    public String toString() {
      return "Block[label=" + label + ", line=" + line + ", " + der.length + " bytes]";
    }
  }

  private Pem() {}

  /**
   * Returns every block of {@code text}, in order.
   *
   * @throws IllegalArgumentException if a block is not terminated, is terminated with another
   *     label, or is not valid base64 (the message names the line and label, never the content)
   */
  public static List<Block> parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.startsWith(BEGIN)) {
        continue;
      }
      String label = label(line, BEGIN, i + 1);
      int begin = i + 1;
      StringBuilder base64 = new StringBuilder();
      boolean ended = false;
      for (i++; i < lines.length; i++) {
        String body = lines[i].strip();
        if (body.startsWith(END)) {
          String endLabel = label(body, END, i + 1);
          if (!endLabel.equals(label)) {
            throw new IllegalArgumentException(
                "PEM block '"
                    + label
                    + "' at line "
                    + begin
                    + " ends with '"
                    + endLabel
                    + "' at line "
                    + (i + 1));
          }
          ended = true;
          break;
        }
        if (body.startsWith(BEGIN)) {
          break;
        }
        if (!body.contains(":")) { // RFC 1421 headers such as Proc-Type carry a colon
          base64.append(body);
        }
      }
      if (!ended) {
        throw new IllegalArgumentException(
            "PEM block '" + label + "' at line " + begin + " has no '" + END + label + "-----'");
      }
      try {
        blocks.add(new Block(label, Base64.getMimeDecoder().decode(base64.toString()), begin));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "PEM block '" + label + "' at line " + begin + " is not valid base64");
      }
    }
    return List.copyOf(blocks);
  }

  /**
   * Reads and parses the PEM file {@code file}; {@code what} names its expected content in
   * messages.
   *
   * @throws CertificateReadException naming the file if it cannot be read or is malformed
   */
  public static List<Block> readFile(Path file, String what) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1); // never fails on binary input
    } catch (NoSuchFileException e) {
      throw new CertificateReadException("PEM file " + file + " (" + what + ") does not exist", e);
    } catch (IOException e) {
      throw new CertificateReadException(
          "cannot read PEM file " + file + " (" + what + "): " + e.getClass().getSimpleName(), e);
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new CertificateReadException("malformed PEM file " + file + ": " + e.getMessage());
    }
  }

  /**
   * Returns {@code der} as one PEM block labelled {@code label}, base64 in lines of 64 characters,
   * ending with a newline.
   */
  public static String encode(String label, byte[] der) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(der, "der");
    return BEGIN
        + label
        + DASHES
        + "\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n"
        + END
        + label
        + DASHES
        + "\n";
  }

  private static String label(String line, String marker, int lineNumber) {
    if (!line.endsWith(DASHES) || line.length() < marker.length() + DASHES.length()) {
      throw new IllegalArgumentException("malformed PEM marker at line " + lineNumber);
    }
    return line.substring(marker.length(), line.length() - DASHES.length());
  }
}
