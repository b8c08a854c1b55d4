package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.spi.ErasureStrategy;
import dev.tdeveloper.compliance.spi.PersonalDataRecord;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyRequestProcessorTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final DataSubject ALICE =
      DataSubject.of(ACME, "email", "alice@example.com").with("userId", "u-alice-42");
  private static final DataSubject BOB = DataSubject.of(ACME, "email", "bob@example.com");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final List<PrivacyEvent> events = new ArrayList<>();
  private final InMemoryPersonalDataConnector crm =
      InMemoryPersonalDataConnector.create("crm", Set.of("profile", "orders"));
  private final InMemoryPersonalDataConnector mail =
      InMemoryPersonalDataConnector.create("mail", Set.of("newsletter"));

  private PrivacyRequestProcessorBuilder builder(PseudonymVault vault) {
    return PrivacyRequestProcessor.builder()
        .connector(crm)
        .connector(mail)
        .vault(vault)
        .clock(clock)
        .listener(events::add);
  }

  private void seed(DataSubject s, String email) {
    crm.store(s, PersonalDataRecord.of("profile", Map.of("email", email, "name", "N " + email)));
    crm.store(s, PersonalDataRecord.of("orders", Map.of("order", "o-1", "email", email)));
    mail.store(s, PersonalDataRecord.of("newsletter", Map.of("address", email)));
  }

  private static PrivacyRequest request(PrivacyRequestType type, DataSubject s) {
    return PrivacyRequest.builder(type, s, java.time.Instant.parse("2026-01-01T00:00:00Z")).build();
  }

  @Test
  void erasureLeavesNoTraceInConnectors() throws Exception {
    seed(ALICE, "alice@example.com");
    seed(BOB, "bob@example.com");
    try (FilePseudonymVault vault = FilePseudonymVault.open(dir)) {
      vault.pseudonymize(Optional.of(ACME), "alice@example.com"); // as the audit log would have
      PrivacyOutcome outcome =
          builder(vault).build().process(request(PrivacyRequestType.ERASURE, ALICE));

      assertThat(outcome.request().status()).isEqualTo(PrivacyRequestStatus.COMPLETED);
      assertThat(crm.collect(ALICE)).isEmpty();
      assertThat(mail.collect(ALICE)).isEmpty();
      assertThat(crm.collect(BOB)).hasSize(2);
      assertThat(vault.lookup(Optional.of(ACME), "alice@example.com")).isEmpty();
      assertThat(vault.lookup(Optional.of(ACME), "u-alice-42")).isEmpty();
      assertThat(PseudonymVaultTest.bytesOf(dir)).doesNotContain("alice@example.com", "u-alice-42");
      assertThat(outcome.event().forgotten()).isTrue();
    }
  }

  @Test
  void erasureEventsCarryPseudonymsOnly() {
    seed(ALICE, "alice@example.com");
    crm.store(ALICE, PersonalDataRecord.of("profile", Map.of("email", "alice@example.com")));
    PseudonymVault vault = PseudonymVault.inMemory();
    String pseudonym = vault.pseudonymize(Optional.of(ACME), "alice@example.com");
    PrivacyRequestProcessor processor =
        builder(vault)
            .hook(
                PrivacyHook.post(
                    "notify",
                    r -> {
                      throw new IllegalStateException(
                          "processor for alice@example.com unreachable");
                    }))
            .build();

    PrivacyOutcome outcome = processor.process(request(PrivacyRequestType.ERASURE, ALICE));

    assertThat(events).hasSize(1);
    PrivacyEvent event = events.get(0);
    assertThat(event.subjectPseudonyms())
        .contains(pseudonym)
        .hasSize(2)
        .allMatch(p -> p.matches("psn_[a-z2-7]{26}"));
    AuditEvent audit = event.toAuditEvent();
    List<String> strings =
        new ArrayList<>(
            List.of(
                event.requestId(),
                event.toString(),
                audit.toString(),
                audit.actor(),
                audit.action(),
                audit.resource()));
    strings.addAll(event.results());
    strings.addAll(audit.details().values());
    strings.addAll(outcome.request().history().stream().map(StatusChange::reason).toList());
    strings.addAll(outcome.results().stream().map(ConnectorResult::detail).toList());
    assertThat(strings)
        .allSatisfy(
            s -> assertThat(s.toLowerCase()).doesNotContain("alice@example.com", "u-alice-42"));
    assertThat(audit.action()).isEqualTo("privacy.erasure.partially-completed");
    assertThat(audit.details().get("subjects")).contains(pseudonym);
  }

  @Test
  void runsPreHooksThenAccessThenErasureThenPostHooks() {
    List<String> calls = new ArrayList<>();
    RecordingConnector a = new RecordingConnector("a", calls);
    RecordingConnector b = new RecordingConnector("b", calls);
    PrivacyRequestProcessor processor =
        PrivacyRequestProcessor.builder()
            .connector(a)
            .connector(b)
            .vault(PseudonymVault.inMemory())
            .clock(clock)
            .hook(PrivacyHook.post("notify", r -> calls.add("post notify")))
            .hook(PrivacyHook.pre("verify-identity", r -> calls.add("pre verify-identity")))
            .build();

    processor.process(request(PrivacyRequestType.ERASURE, ALICE));

    assertThat(calls)
        .containsExactly(
            "pre verify-identity",
            "collect a",
            "collect b",
            "erase a DELETE",
            "collect a",
            "erase b DELETE",
            "collect b",
            "post notify");
  }

  @Test
  void aFailingPreHookRejectsTheRequestAndNothingRuns() {
    seed(ALICE, "alice@example.com");
    PrivacyOutcome outcome =
        builder(PseudonymVault.inMemory())
            .hook(
                PrivacyHook.pre(
                    "verify-identity",
                    r -> {
                      throw new SecurityException("identity of alice@example.com not verified");
                    }))
            .build()
            .process(request(PrivacyRequestType.ERASURE, ALICE));

    assertThat(outcome.request().status()).isEqualTo(PrivacyRequestStatus.REJECTED);
    assertThat(outcome.request().history().get(2).reason())
        .contains("verify-identity")
        .contains("not verified")
        .doesNotContain("alice@example.com");
    assertThat(crm.collect(ALICE)).hasSize(2);
  }

  @Test
  void aFailingConnectorIsReportedAndTheOthersStillRun() {
    seed(ALICE, "alice@example.com");
    RecordingConnector broken = new RecordingConnector("billing", new ArrayList<>());
    broken.failErase = true;
    PseudonymVault vault = PseudonymVault.inMemory();
    PrivacyOutcome outcome =
        builder(vault)
            .connector(broken)
            .build()
            .process(request(PrivacyRequestType.ERASURE, ALICE));

    assertThat(outcome.request().status()).isEqualTo(PrivacyRequestStatus.PARTIALLY_COMPLETED);
    assertThat(outcome.request().history().get(2).reason())
        .contains("erasure billing: FAILED")
        .contains("disk full")
        .doesNotContain("alice@example.com");
    assertThat(crm.collect(ALICE)).isEmpty();
    assertThat(vault.lookup(Optional.of(ACME), "alice@example.com"))
        .as("a partial erasure keeps the pseudonyms for the retry")
        .isPresent();
  }

  @Test
  void everyConnectorFailingFailsTheRequest() {
    RecordingConnector broken = new RecordingConnector("billing", new ArrayList<>());
    broken.failErase = true;
    broken.failCollect = true;
    PrivacyOutcome outcome =
        PrivacyRequestProcessor.builder()
            .connector(broken)
            .vault(PseudonymVault.inMemory())
            .clock(clock)
            .build()
            .process(request(PrivacyRequestType.ERASURE, ALICE));
    assertThat(outcome.request().status()).isEqualTo(PrivacyRequestStatus.FAILED);
  }

  @Test
  void legalHoldWinsOverErasure() {
    seed(ALICE, "alice@example.com");
    LegalHolds holds = new LegalHolds(clock);
    LegalHold hold = holds.place(ACME, Optional.of(ALICE), Optional.of("orders"), "tax audit 2026");
    PseudonymVault vault = PseudonymVault.inMemory();
    PrivacyOutcome outcome =
        builder(vault)
            .legalHolds(holds)
            .build()
            .process(request(PrivacyRequestType.ERASURE, ALICE));

    assertThat(outcome.request().status()).isEqualTo(PrivacyRequestStatus.PARTIALLY_COMPLETED);
    assertThat(crm.collect(ALICE))
        .extracting(PersonalDataRecord::category)
        .containsExactly("orders");
    assertThat(mail.collect(ALICE)).isEmpty();
    assertThat(outcome.request().history().get(2).reason())
        .contains("held [orders]")
        .contains("tax audit 2026")
        .contains(hold.id());
    assertThat(outcome.event().forgotten()).isFalse();
  }

  @Test
  void aTenantWideHoldRejectsTheErasureAndAnotherTenantsHoldDoesNot() {
    seed(ALICE, "alice@example.com");
    LegalHolds holds = new LegalHolds(clock);
    holds.place(GLOBEX, Optional.empty(), Optional.empty(), "globex litigation");
    holds.place(ACME, Optional.empty(), Optional.empty(), "acme litigation");
    PrivacyOutcome outcome =
        builder(PseudonymVault.inMemory())
            .legalHolds(holds)
            .build()
            .process(request(PrivacyRequestType.ERASURE, ALICE));
    assertThat(outcome.request().status()).isEqualTo(PrivacyRequestStatus.PARTIALLY_COMPLETED);
    assertThat(outcome.results())
        .filteredOn(r -> r.phase().equals("erasure"))
        .allMatch(r -> r.status() == ConnectorResult.Status.HELD);
    assertThat(outcome.request().history().get(2).reason())
        .contains("acme litigation")
        .doesNotContain("globex");
    assertThat(crm.collect(ALICE)).hasSize(2);
  }

  @Test
  void accessProducesAMachineReadableBundleOfThisTenantOnly() throws Exception {
    seed(ALICE, "alice@example.com");
    DataSubject aliceAtGlobex = DataSubject.of(GLOBEX, "email", "alice@example.com");
    crm.store(aliceAtGlobex, PersonalDataRecord.of("profile", Map.of("name", "Globex Alice")));
    PrivacyOutcome outcome =
        builder(PseudonymVault.inMemory())
            .build()
            .process(request(PrivacyRequestType.ACCESS, ALICE));

    JsonNode bundle = new ObjectMapper().readTree(outcome.bundle().orElseThrow());
    assertThat(bundle.get("format").asText()).isEqualTo(AccessBundle.ACCESS_FORMAT);
    assertThat(bundle.get("requestId").asText()).isEqualTo(outcome.request().id());
    assertThat(bundle.get("subject").get("tenant").asText()).isEqualTo("acme");
    assertThat(bundle.get("connectors")).hasSize(2);
    assertThat(bundle.get("connectors").get(0).get("records")).hasSize(2);
    assertThat(bundle.toString()).doesNotContain("Globex Alice");
    assertThat(crm.collect(ALICE)).hasSize(2);
  }

  @Test
  void portabilityGroupsRecordsByCategory() throws Exception {
    seed(ALICE, "alice@example.com");
    PrivacyOutcome outcome =
        builder(PseudonymVault.inMemory())
            .build()
            .process(request(PrivacyRequestType.PORTABILITY, ALICE));
    JsonNode bundle = new ObjectMapper().readTree(outcome.bundle().orElseThrow());
    assertThat(bundle.get("format").asText()).isEqualTo(AccessBundle.PORTABILITY_FORMAT);
    assertThat(bundle.get("data").get("newsletter").get(0).get("address").asText())
        .isEqualTo("alice@example.com");
    assertThat(bundle.get("data").get("orders")).hasSize(1);
  }

  @Test
  void rectificationRestrictionAndObjectionReachEveryConnector() {
    seed(ALICE, "alice@example.com");
    PrivacyRequestProcessor processor = builder(PseudonymVault.inMemory()).build();
    PrivacyOutcome fixed =
        processor.process(
            PrivacyRequest.builder(PrivacyRequestType.RECTIFICATION, ALICE, clock.instant())
                .correct("name", "Alice Liddell")
                .build());
    assertThat(fixed.request().status()).isEqualTo(PrivacyRequestStatus.COMPLETED);
    assertThat(crm.collect(ALICE)).anyMatch(r -> "Alice Liddell".equals(r.fields().get("name")));

    processor.process(
        PrivacyRequest.builder(PrivacyRequestType.RESTRICTION, ALICE, clock.instant())
            .purpose("profiling")
            .build());
    processor.process(
        PrivacyRequest.builder(PrivacyRequestType.OBJECTION, ALICE, clock.instant())
            .purpose("marketing")
            .build());
    assertThat(crm.restrictions(ALICE)).containsExactlyInAnyOrder("profiling", "marketing");
    assertThat(mail.restrictions(ALICE)).containsExactlyInAnyOrder("profiling", "marketing");
    assertThat(crm.restrictions(BOB)).isEmpty();
  }

  @Test
  void badConfigurationAndRequestsFailClearly() {
    PrivacyRequestProcessor processor = builder(PseudonymVault.inMemory()).build();
    PrivacyRequest done = processor.process(request(PrivacyRequestType.ACCESS, ALICE)).request();
    assertThatThrownBy(() -> processor.process(done))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only RECEIVED");
    assertThatThrownBy(
            () -> PrivacyRequestProcessor.builder().vault(PseudonymVault.inMemory()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one connector");
    assertThatThrownBy(() -> PrivacyRequestProcessor.builder().connector(crm).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a vault");
    assertThatThrownBy(() -> PrivacyRequestProcessor.builder().connector(crm).connector(crm))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already used");
    assertThatThrownBy(
            () ->
                PrivacyRequestProcessor.builder()
                    .erasurePreference(ErasureStrategy.MASK, ErasureStrategy.MASK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct");
  }
}
