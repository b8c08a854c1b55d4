package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.PersonalDataRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLegalHoldsTest extends LegalHoldRegistryContract {
  @TempDir Path dir;
  private final List<FileLegalHolds> opened = new ArrayList<>();

  @Override
  LegalHoldRegistry registry() {
    FileLegalHolds holds = FileLegalHolds.open(dir, clock);
    opened.add(holds);
    return holds;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(FileLegalHolds::close);
  }

  @Test
  void holdsAndTheirReleasesSurviveReopen() {
    LegalHold tenantWide;
    LegalHold released;
    try (FileLegalHolds holds = FileLegalHolds.open(dir, clock)) {
      tenantWide = holds.place(ACME, Optional.empty(), Optional.empty(), "regulator inquiry");
      LegalHold narrow =
          holds.place(
              ACME,
              Optional.of(ALICE.with("userId", "u-42")),
              Optional.of("orders"),
              "alice litigation");
      clock.advance(Duration.ofDays(3));
      released = holds.release(narrow.id(), "case dismissed");
    }
    clock.advance(Duration.ofDays(1));
    try (FileLegalHolds holds = FileLegalHolds.open(dir, clock)) {
      assertThat(holds.forTenant(ACME)).containsExactly(tenantWide, released);
      assertThat(holds.find(released.id()).orElseThrow().releasedAt())
          .contains(clock.instant().minus(Duration.ofDays(1)));
      assertThat(holds.covering(ACME, Optional.of(ALICE), "orders")).containsExactly(tenantWide);
      assertThatThrownBy(() -> holds.release(released.id(), "again"))
          .isInstanceOf(IllegalStateException.class);
      LegalHold later = holds.place(ACME, Optional.empty(), Optional.of("invoices"), "tax");
      assertThat(holds.forTenant(ACME)).containsExactly(tenantWide, released, later);
    }
  }

  @Test
  void aReopenedHoldStillWinsOverErasureAndRetention() {
    try (FileLegalHolds holds = FileLegalHolds.open(dir, clock)) {
      holds.place(ACME, Optional.of(ALICE), Optional.of("orders"), "tax audit 2026");
    }
    InMemoryPersonalDataConnector crm =
        InMemoryPersonalDataConnector.create("crm", Set.of("profile", "orders"));
    crm.store(ALICE, PersonalDataRecord.of("profile", Map.of("email", "alice@example.com")));
    crm.store(ALICE, PersonalDataRecord.of("orders", Map.of("order", "o-1")));
    try (FileLegalHolds holds = FileLegalHolds.open(dir, clock)) {
      PrivacyOutcome outcome =
          PrivacyRequestProcessor.builder()
              .connector(crm)
              .vault(PseudonymVault.inMemory())
              .legalHolds(holds)
              .clock(clock)
              .build()
              .process(
                  PrivacyRequest.builder(PrivacyRequestType.ERASURE, ALICE, clock.instant())
                      .build());
      assertThat(outcome.request().status()).isEqualTo(PrivacyRequestStatus.PARTIALLY_COMPLETED);
      assertThat(crm.collect(ALICE))
          .extracting(PersonalDataRecord::category)
          .containsExactly("orders");
      RetentionPolicy policy =
          RetentionPolicy.retainFor(Period.ofDays(30)).thenDelete().unlessLegalHold();
      Instant now = clock.instant().plus(Duration.ofDays(400));
      assertThat(
              policy
                  .decide(clock.instant(), now, holds.covering(ACME, Optional.of(ALICE), "orders"))
                  .action())
          .isEqualTo(RetentionDecision.Action.HELD);
    }
  }

  @Test
  void theFileKeepsThePlacementAfterItsRelease() throws IOException {
    try (FileLegalHolds holds = FileLegalHolds.open(dir, clock)) {
      LegalHold hold = holds.place(ACME, Optional.empty(), Optional.empty(), "litigation 7");
      long placed = Files.size(dir.resolve(FileLegalHolds.FILE_NAME));
      holds.release(hold.id(), "litigation 7 settled");
      assertThat(Files.size(dir.resolve(FileLegalHolds.FILE_NAME))).isGreaterThan(placed);
    }
    assertThat(PseudonymVaultTest.bytesOf(dir))
        .contains("litigation 7\"")
        .contains("litigation 7 settled");
  }

  @Test
  void refusedInputWritesNothing() throws IOException {
    try (FileLegalHolds holds = FileLegalHolds.open(dir, clock)) {
      holds.place(ACME, Optional.empty(), Optional.empty(), "kept");
      long size = Files.size(dir.resolve(FileLegalHolds.FILE_NAME));
      assertThatThrownBy(() -> holds.place(ACME, Optional.empty(), Optional.empty(), ""))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> holds.release("missing", "x"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(Files.size(dir.resolve(FileLegalHolds.FILE_NAME))).isEqualTo(size);
    }
  }

  @Test
  void aClosedRegistryRefusesChangesAndKeepsAnswering() {
    FileLegalHolds holds = FileLegalHolds.open(dir, clock);
    LegalHold hold = holds.place(ACME, Optional.empty(), Optional.empty(), "kept");
    holds.close();
    assertThatThrownBy(() -> holds.place(ACME, Optional.empty(), Optional.empty(), "late"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> holds.release(hold.id(), "late"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(holds.forTenant(ACME)).containsExactly(hold);
  }

  @Test
  void aSecondRegistryCannotOpenTheSameDirectory() {
    try (FileLegalHolds holds = FileLegalHolds.open(dir, clock)) {
      assertThatThrownBy(() -> FileLegalHolds.open(dir, clock))
          .isInstanceOf(ComplianceException.class)
          .hasMessageContaining("legal hold registry");
    }
  }

  @Test
  void aByteFlippedInsideTheFileFailsTheOpenNamingTheOffset() throws IOException {
    try (FileLegalHolds holds = FileLegalHolds.open(dir, clock)) {
      holds.place(ACME, Optional.empty(), Optional.empty(), "first");
      holds.place(ACME, Optional.empty(), Optional.empty(), "second");
    }
    Path file = dir.resolve(FileLegalHolds.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[30] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> FileLegalHolds.open(dir, clock))
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("corrupt at offset");
  }

  @Test
  void aReleaseOfAnUnknownHoldFailsTheOpen() throws IOException {
    write(
        "{\"v\":1,\"id\":\"h1\",\"k\":\"placed\",\"t\":\"acme\",\"r\":\"x\","
            + "\"at\":\"2026-01-01T00:00:00Z\"}",
        "{\"v\":1,\"id\":\"h2\",\"k\":\"released\",\"at\":\"2026-01-02T00:00:00Z\",\"r\":\"y\"}");
    assertThatThrownBy(() -> FileLegalHolds.open(dir, clock))
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("offset")
        .hasMessageContaining("legal hold h2 is released unplaced");
  }

  @Test
  void aHoldReleasedTwiceInTheFileFailsTheOpen() throws IOException {
    String release =
        "{\"v\":1,\"id\":\"h1\",\"k\":\"released\",\"at\":\"2026-01-02T00:00:00Z\",\"r\":\"y\"}";
    write(
        "{\"v\":1,\"id\":\"h1\",\"k\":\"placed\",\"t\":\"acme\",\"r\":\"x\","
            + "\"at\":\"2026-01-01T00:00:00Z\"}",
        release,
        release);
    assertThatThrownBy(() -> FileLegalHolds.open(dir, clock))
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("legal hold h1 is released but was not active");
  }

  private void write(String... records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(FileLegalHolds.FORMAT.header());
    for (String r : records) {
      out.write(FileLegalHolds.FORMAT.frame(r.getBytes(StandardCharsets.UTF_8)));
    }
    Files.write(dir.resolve(FileLegalHolds.FILE_NAME), out.toByteArray());
  }
}
