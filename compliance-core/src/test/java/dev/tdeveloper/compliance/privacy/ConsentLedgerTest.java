package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentLedgerTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final PseudonymVault vault = PseudonymVault.inMemory();

  private ConsentLedger ledger(String kind) {
    return kind.equals("memory")
        ? ConsentLedger.inMemory(vault, clock)
        : FileConsentLedger.open(dir, vault, clock);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void currentAnswersTheLatestStateAndHistoryEveryEntry(String kind) {
    ConsentLedger ledger = ledger(kind);
    ledger.grant(ACME, "alice@example.com", "marketing", "v1", "signup-form v3");
    ledger.grant(ACME, "alice@example.com", "analytics", "v1", "cookie banner");
    ConsentRecord withdrawn =
        ledger.withdraw(ACME, "alice@example.com", "marketing", "v2", "preferences page");

    assertThat(ledger.current(ACME, "alice@example.com", "marketing")).contains(withdrawn);
    assertThat(ledger.current(ACME, "alice@example.com", "analytics").orElseThrow().granted())
        .isTrue();
    assertThat(ledger.history(ACME, "alice@example.com")).hasSize(3);
    assertThat(ledger.verify().intact()).isTrue();
    assertThat(ledger.head()).isEqualTo(withdrawn.hash());
    assertThat(withdrawn.subject()).startsWith("psn_");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void tenantsNeverSeeEachOthersConsents(String kind) {
    ConsentLedger ledger = ledger(kind);
    ledger.grant(ACME, "alice@example.com", "marketing", "v1", "form");
    assertThat(ledger.current(GLOBEX, "alice@example.com", "marketing")).isEmpty();
    assertThat(ledger.history(GLOBEX, "alice@example.com")).isEmpty();
    ledger.withdraw(GLOBEX, "alice@example.com", "marketing", "v1", "form");
    assertThat(ledger.current(ACME, "alice@example.com", "marketing").orElseThrow().granted())
        .isTrue();
  }

  @Test
  void storesNoRawIdentifierAndForgettingUnlinksTheSubject() throws IOException {
    try (FileConsentLedger ledger = FileConsentLedger.open(dir, vault, clock)) {
      ledger.grant(ACME, "alice@example.com", "marketing", "v1", "form");
      assertThat(PseudonymVaultTest.bytesOf(dir)).doesNotContain("alice@example.com");
      vault.forget(java.util.Optional.of(ACME), "alice@example.com");
      assertThat(ledger.history(ACME, "alice@example.com")).isEmpty();
      assertThat(ledger.verify().intact()).isTrue();
    }
  }

  @Test
  void entriesSurviveReopening() {
    ConsentRecord last;
    try (FileConsentLedger ledger = FileConsentLedger.open(dir, vault, clock)) {
      ledger.grant(ACME, "alice@example.com", "marketing", "v1", "form");
      last = ledger.withdraw(ACME, "alice@example.com", "marketing", "v1", "form");
    }
    try (FileConsentLedger ledger = FileConsentLedger.open(dir, vault, clock)) {
      assertThat(ledger.size()).isEqualTo(2);
      assertThat(ledger.current(ACME, "alice@example.com", "marketing")).contains(last);
      assertThat(ledger.grant(ACME, "bob@example.com", "marketing", "v1", "form").index())
          .isEqualTo(2);
      assertThat(ledger.verify().intact()).isTrue();
    }
  }

  @Test
  void verifyNamesTheFirstTamperedEntry() throws IOException {
    try (FileConsentLedger ledger = FileConsentLedger.open(dir, vault, clock)) {
      for (int i = 0; i < 4; i++) {
        ledger.grant(ACME, "user-" + i, "marketing", "v1", "form");
      }
    }
    List<byte[]> payloads = payloads(dir.resolve(FileConsentLedger.FILE_NAME));
    String edited =
        new String(payloads.get(2), StandardCharsets.UTF_8)
            .replace("\"p\":\"marketing\"", "\"p\":\"analytics\"");
    payloads.set(2, edited.getBytes(StandardCharsets.UTF_8));
    rewrite(dir.resolve(FileConsentLedger.FILE_NAME), payloads);

    try (FileConsentLedger ledger = FileConsentLedger.open(dir, vault, clock)) {
      ConsentVerification result = ledger.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBadIndex()).hasValue(2);
      assertThat(result.problem()).contains("entry 2").contains("hash does not match");
    }
    payloads.remove(1);
    rewrite(dir.resolve(FileConsentLedger.FILE_NAME), payloads);
    try (FileConsentLedger ledger = FileConsentLedger.open(dir, vault, clock)) {
      assertThat(ledger.verify().firstBadIndex()).hasValue(1);
    }
  }

  @Test
  void aByteFlippedInsideTheFileFailsTheOpenNamingTheOffset() throws IOException {
    try (FileConsentLedger ledger = FileConsentLedger.open(dir, vault, clock)) {
      ledger.grant(ACME, "a", "marketing", "v1", "form");
      ledger.grant(ACME, "b", "marketing", "v1", "form");
    }
    Path file = dir.resolve(FileConsentLedger.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[30] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> FileConsentLedger.open(dir, vault, clock))
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("corrupt at offset");
  }

  @Test
  void badInputIsRefusedAndRecordsNothing() {
    ConsentLedger ledger = ledger("memory");
    assertThatThrownBy(() -> ledger.grant(ACME, "a", "bad purpose", "v1", "form"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("purpose");
    assertThatThrownBy(() -> ledger.grant(ACME, "a", "marketing", "", "form"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policyVersion");
    assertThatThrownBy(() -> ledger.grant(ACME, " ", "marketing", "v1", "form"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subject");
    assertThat(ledger.size()).isZero();
    assertThat(vault.size()).isZero();
  }

  private static List<byte[]> payloads(Path file) throws IOException {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
    in.position(8);
    List<byte[]> out = new ArrayList<>();
    while (in.remaining() > 0) {
      int length = in.getInt();
      in.getInt();
      byte[] payload = new byte[length];
      in.get(payload);
      out.add(payload);
    }
    return out;
  }

  private static void rewrite(Path file, List<byte[]> payloads) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(FileConsentLedger.FORMAT.header());
    for (byte[] p : payloads) {
      out.write(FileConsentLedger.FORMAT.frame(p));
    }
    Files.write(file, out.toByteArray());
  }
}
