package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PseudonymVaultTest {
  private static final Optional<TenantId> A = Optional.of(TenantId.of("tenant-a"));
  private static final Optional<TenantId> B = Optional.of(TenantId.of("tenant-b"));

  @TempDir Path dir;

  private PseudonymVault vault(String kind) {
    return kind.equals("memory") ? PseudonymVault.inMemory() : FilePseudonymVault.open(dir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void pseudonymsAreStableRandomAndShapedAsDocumented(String kind) {
    PseudonymVault vault = vault(kind);
    String p = vault.pseudonymize(A, "alice@example.com");
    assertThat(p).matches("psn_[a-z2-7]{26}");
    assertThat(vault.pseudonymize(A, "alice@example.com")).isEqualTo(p);
    assertThat(vault.lookup(A, "alice@example.com")).contains(p);
    assertThat(vault.reidentify(A, p)).contains("alice@example.com");
    assertThat(vault.pseudonymize(A, "bob@example.com")).isNotEqualTo(p);
    assertThat(vault.lookup(A, "carol@example.com")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void tenantsAndPlatformNeverShareOrForgetEachOthersPseudonyms(String kind) {
    PseudonymVault vault = vault(kind);
    String inA = vault.pseudonymize(A, "alice@example.com");
    String inB = vault.pseudonymize(B, "alice@example.com");
    String platform = vault.pseudonymize(Optional.empty(), "alice@example.com");
    assertThat(Stream.of(inA, inB, platform).distinct()).hasSize(3);
    assertThat(vault.reidentify(B, inA)).isEmpty();

    assertThat(vault.forget(A, "alice@example.com")).contains(inA);

    assertThat(vault.lookup(A, "alice@example.com")).isEmpty();
    assertThat(vault.lookup(B, "alice@example.com")).contains(inB);
    assertThat(vault.lookup(Optional.empty(), "alice@example.com")).contains(platform);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void forgetUnlinksAndANewPseudonymizeYieldsANewPseudonym(String kind) {
    PseudonymVault vault = vault(kind);
    String old = vault.pseudonymize(A, "alice@example.com");

    assertThat(vault.forget(A, "alice@example.com")).contains(old);

    assertThat(vault.lookup(A, "alice@example.com")).isEmpty();
    assertThat(vault.reidentify(A, old)).isEmpty();
    assertThat(vault.forget(A, "alice@example.com")).isEmpty();
    assertThat(vault.pseudonymize(A, "alice@example.com")).isNotEqualTo(old);
  }

  @Test
  void forgetRemovesTheRawValueFromEveryFileAndSurvivesReopening() throws IOException {
    String kept;
    try (FilePseudonymVault vault = FilePseudonymVault.open(dir)) {
      vault.pseudonymize(A, "alice@example.com");
      kept = vault.pseudonymize(A, "bob@example.com");
      assertThat(bytesOf(dir)).contains("alice@example.com");
      vault.forget(A, "alice@example.com");
      assertThat(bytesOf(dir)).doesNotContain("alice@example.com").contains("bob@example.com");
    }
    try (FilePseudonymVault vault = FilePseudonymVault.open(dir)) {
      assertThat(vault.lookup(A, "alice@example.com")).isEmpty();
      assertThat(vault.lookup(A, "bob@example.com")).contains(kept);
      assertThat(vault.size()).isEqualTo(1);
    }
  }

  @Test
  void aSecondOpenOfTheSameDirectoryIsRefused() {
    try (FilePseudonymVault vault = FilePseudonymVault.open(dir)) {
      assertThatThrownBy(() -> FilePseudonymVault.open(dir))
          .isInstanceOf(ComplianceException.class)
          .hasMessageContaining("already open elsewhere");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void badValuesAreRefusedWithoutShowingThemAndChangeNothing(String kind) {
    PseudonymVault vault = vault(kind);
    assertThatThrownBy(() -> vault.pseudonymize(A, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value must be 1 to");
    assertThatThrownBy(() -> vault.pseudonymize(A, "secret\nline"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> vault.pseudonymize(A, "x".repeat(4097)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vault.pseudonymize(null, "x"))
        .isInstanceOf(NullPointerException.class);
    assertThat(vault.size()).isZero();
  }

  @Test
  void base32EncodesRfc4648Vectors() {
    assertThat(VaultIndex.base32(new byte[16])).isEqualTo("a".repeat(26));
    byte[] ones = new byte[16];
    java.util.Arrays.fill(ones, (byte) 0xff);
    assertThat(VaultIndex.base32(ones)).isEqualTo("7".repeat(25) + "4");
  }

  static String bytesOf(Path directory) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return all.toString();
  }
}
