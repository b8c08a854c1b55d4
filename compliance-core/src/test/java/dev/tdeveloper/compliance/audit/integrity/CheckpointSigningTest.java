package dev.tdeveloper.compliance.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.integrity.CheckpointException.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSigningTest {
  /** golang.org/x/mod/sumdb/note test data: the keys, the text and its signatures. */
  private static final String PETER_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

  private static final String PETER_SKEY_BASE64 = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  private static final String ENOCH_VKEY =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  private static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  private static final String PETER_SIG =
      "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  private static final String ENOCH_SIG =
      "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  /** The example of c2sp.org/signed-note. */
  private static final String SPEC_VKEY =
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

  private static final String SPEC_NOTE =
      "This is an example message.\n\n\u2014 example.com/foo"
          + " Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

  @TempDir Path dir;

  private static final byte[] ROOT = MerkleHashes.leaf(new byte[] {1, 2, 3});

  @Test
  void verifiesTheGoSumdbNoteTestVector() {
    CheckpointVerifier verifier = CheckpointVerifier.of(PETER_VKEY);
    assertThat(verifier.verifyNote(GO_TEXT + "\n" + PETER_SIG)).isEqualTo(GO_TEXT);
  }

  @Test
  void verifiesTheC2spSignedNoteExample() {
    assertThat(CheckpointVerifier.of(SPEC_VKEY).verifyNote(SPEC_NOTE))
        .isEqualTo("This is an example message.\n");
  }

  @Test
  void ignoresSignaturesOfUnknownKeysAndChecksEveryKnownOne() {
    String both = GO_TEXT + "\n" + PETER_SIG + ENOCH_SIG;
    assertThat(CheckpointVerifier.of(PETER_VKEY).verifyNote(both)).isEqualTo(GO_TEXT);
    assertThat(CheckpointVerifier.of(ENOCH_VKEY).verifyNote(both)).isEqualTo(GO_TEXT);
    assertThat(CheckpointVerifier.of(PETER_VKEY, ENOCH_VKEY).verifyNote(both)).isEqualTo(GO_TEXT);
    assertThatThrownBy(() -> CheckpointVerifier.of(SPEC_VKEY).verifyNote(both))
        .isInstanceOfSatisfying(
            CheckpointException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.NO_KNOWN_SIGNATURE))
        .hasMessageContaining("PeterNeumann");
  }

  @Test
  void aKeyLoadedFromTheGoSeedReproducesTheGoSignatureExactly() throws Exception {
    byte[] typed = Base64.getDecoder().decode(PETER_SKEY_BASE64);
    assertThat(typed[0]).isEqualTo((byte) 1);
    byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420");
    byte[] der = Arrays.copyOf(pkcs8, pkcs8.length + 32);
    System.arraycopy(typed, 1, der, pkcs8.length, 32);
    Path file = dir.resolve("peter.key");
    Files.write(file, der);

    CheckpointSigner signer = CheckpointSigner.load("PeterNeumann", file);

    assertThat(signer.verifierKey()).isEqualTo(PETER_VKEY);
    assertThat(signer.signText(GO_TEXT)).isEqualTo(GO_TEXT + "\n" + PETER_SIG);
  }

  @Test
  void signedCheckpointRoundTripsThroughTheVerifier() {
    CheckpointSigner signer = CheckpointSigner.generate("audit.example.com/acme");
    Checkpoint checkpoint = Checkpoint.of("audit.example.com/acme", 42, ROOT, List.of("ext one"));
    String note = signer.sign(checkpoint);

    assertThat(note)
        .startsWith(
            "audit.example.com/acme\n42\n"
                + Base64.getEncoder().encodeToString(ROOT)
                + "\next one\n\n\u2014 audit.example.com/acme ");
    assertThat(CheckpointVerifier.of(signer.verifierKey()).verify(note)).isEqualTo(checkpoint);
    assertThat(Checkpoint.parseUnverified(note)).isEqualTo(checkpoint);
  }

  @Test
  void refusesAnAlteredCheckpointAsBadSignature() {
    CheckpointSigner signer = CheckpointSigner.generate("log");
    String note = signer.sign(Checkpoint.of("log", 42, ROOT));
    String altered = note.replace("\n42\n", "\n41\n");
    assertProblem(
        () -> CheckpointVerifier.of(signer.verifierKey()).verify(altered), Problem.BAD_SIGNATURE);
  }

  @Test
  void refusesAnotherKeyWithTheSameName() {
    CheckpointSigner signer = CheckpointSigner.generate("log");
    CheckpointSigner impostor = CheckpointSigner.generate("log");
    String note = impostor.sign(Checkpoint.of("log", 1, ROOT));
    assertProblem(
        () -> CheckpointVerifier.of(signer.verifierKey()).verify(note), Problem.NO_KNOWN_SIGNATURE);
  }

  @Test
  void refusesMalformedNotes() {
    CheckpointSigner signer = CheckpointSigner.generate("log");
    CheckpointVerifier verifier = CheckpointVerifier.of(signer.verifierKey());
    String note = signer.sign(Checkpoint.of("log", 7, ROOT));
    assertProblem(() -> verifier.verify(note.replace("\n", "\r\n")), Problem.MALFORMED_NOTE);
    assertProblem(
        () -> verifier.verify(note.substring(0, note.length() - 1)), Problem.MALFORMED_NOTE);
    assertProblem(() -> verifier.verify(note.replace("\n\n", "\n")), Problem.MALFORMED_NOTE);
    assertProblem(() -> verifier.verify(note.replace("\u2014 ", "- ")), Problem.MALFORMED_NOTE);
    assertProblem(
        () -> verifier.verify(note.replace("log\n7", "l\u0007g\n7")), Problem.MALFORMED_NOTE);
    assertProblem(
        () -> verifier.verify(note + note.substring(note.indexOf('\u2014'))),
        Problem.MALFORMED_NOTE);
    assertProblem(
        () -> verifier.verify(Checkpoint.of("log", 7, ROOT).text() + "\n"), Problem.MALFORMED_NOTE);
  }

  @Test
  void refusesSignedTextThatIsNoCanonicalCheckpoint() {
    CheckpointSigner signer = CheckpointSigner.generate("log");
    CheckpointVerifier verifier = CheckpointVerifier.of(signer.verifierKey());
    String root = Base64.getEncoder().encodeToString(ROOT);
    for (String size : List.of("07", "+7", "-1", "7 ", "", "x", "99999999999999999999")) {
      String note = signer.signText("log\n" + size + "\n" + root + "\n");
      assertProblem(() -> verifier.verify(note), Problem.MALFORMED_CHECKPOINT);
    }
    assertProblem(() -> verifier.verify(signer.signText("log\n7\n")), Problem.MALFORMED_CHECKPOINT);
    assertProblem(
        () -> verifier.verify(signer.signText("log\n7\n" + root.replace("=", "") + "\n")),
        Problem.MALFORMED_CHECKPOINT);
    String shortRoot = Base64.getEncoder().encodeToString(new byte[31]);
    assertProblem(
        () -> verifier.verify(signer.signText("log\n7\n" + shortRoot + "\n")),
        Problem.BAD_ROOT_LENGTH);
  }

  @Test
  void savesTheKeyOwnerOnlyAndNeverOverwritesIt() throws Exception {
    CheckpointSigner signer = CheckpointSigner.generate("log");
    Path file = dir.resolve("keys").resolve("checkpoint.key");
    Files.createDirectories(file.getParent());
    signer.save(file);

    CheckpointSigner loaded = CheckpointSigner.load("log", file);
    assertThat(loaded.verifierKey()).isEqualTo(signer.verifierKey());
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    assertThatThrownBy(() -> CheckpointSigner.generate("log").save(file))
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("refusing to overwrite");
    assertThat(CheckpointSigner.load("log", file).verifierKey()).isEqualTo(signer.verifierKey());
    assertThat(Files.exists(file.resolveSibling("checkpoint.key.tmp"))).isFalse();
  }

  @Test
  void refusesAFileThatHoldsNoKey() throws Exception {
    Path file = Files.writeString(dir.resolve("not.key"), "hello");
    assertThatThrownBy(() -> CheckpointSigner.load("log", file))
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("not an Ed25519 PKCS#8 private key");
  }

  @Test
  void refusesMalformedVerifierKeysAndNames() {
    assertThatThrownBy(() -> CheckpointVerifier.of(PETER_VKEY.replace("c74f20a3", "c74f20a4")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> CheckpointVerifier.of("PeterNeumann+c74f20a3"))
        .hasMessageContaining("expected <name>+<hash>+<key>");
    assertThatThrownBy(() -> CheckpointVerifier.of(PETER_VKEY.replace("+ARpc", "+AhpC")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CheckpointVerifier.of(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> CheckpointSigner.generate("bad name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad name");
    assertThatThrownBy(() -> CheckpointSigner.generate("a+b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Checkpoint.of("two\nlines", 1, ROOT)).hasMessageContaining("origin");
    assertThatThrownBy(() -> Checkpoint.of("log", -1, ROOT)).hasMessageContaining("got -1");
    assertThatThrownBy(() -> Checkpoint.of("log", 1, new byte[31])).hasMessageContaining("got 31");
    assertThatThrownBy(() -> Checkpoint.of("log", 1, ROOT, List.of("")))
        .hasMessageContaining("extension line 0");
  }

  private static void assertProblem(Runnable call, Problem problem) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            CheckpointException.class, e -> assertThat(e.problem()).isEqualTo(problem));
  }
}
