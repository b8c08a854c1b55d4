package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link AuditLogger#submit} (encoding and leaf hash on the writer thread) stores exactly what
 * {@link AuditLogger#log} stores: for any events, logged through any mix of the two, the same
 * sequence numbers, canonical bytes, leaf hashes, keyed-chain values and observed leaves as the
 * same events all logged with {@code log}, and the same leaf hashes as the receipts of {@code log}.
 */
class AuditLoggerSubmitPropertyTest {
  private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
  private static final byte[] KEY = new byte[32];

  /** One event and whether the mixed logger submits it (else logs it). */
  record Step(AuditEvent event, boolean submit) {}

  @Provide
  Arbitrary<List<Step>> plans() {
    Arbitrary<String> texts =
        Arbitraries.strings().withChars("ab1 \u00e9\"\\/\u2028").ofMinLength(1).ofMaxLength(5);
    Arbitrary<AuditEvent> events =
        Combinators.combine(
                Arbitraries.of("anonymous", "alice", "bob@example.com"),
                Arbitraries.of("", "203.0.113.7", "2001:db8::1"),
                Arbitraries.of("", "acme", "globex"),
                Arbitraries.maps(Arbitraries.of("email", "method", "status"), texts).ofMaxSize(3),
                Arbitraries.integers().between(0, 100_000))
            .as(
                (actor, ip, tenant, details, second) -> {
                  AuditEvent.Builder b =
                      AuditEvent.builder("http.get", AT.plusSeconds(second))
                          .id("e" + second)
                          .actor(actor)
                          .resource("/notes/" + second)
                          .requestId("r" + second);
                  details.forEach(b::detail);
                  if (!ip.isEmpty()) {
                    b.sourceIp(ip);
                  }
                  if (!tenant.isEmpty()) {
                    b.tenant(TenantId.of(tenant));
                  }
                  return b.build();
                });
    return Combinators.combine(events, Arbitraries.of(true, false))
        .as(Step::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }

  @Property(tries = 200)
  void submitStoresWhatLogStores(@ForAll("plans") List<Step> plan) {
    Run plain = run(plan, (logger, step) -> logger.log(step.event()).leafHash());
    Run mixed =
        run(
            plan,
            (logger, step) -> {
              if (step.submit()) {
                logger.submit(step.event());
                return new byte[0];
              }
              return logger.log(step.event()).leafHash();
            });
    assertThat(mixed.records).hasSameSizeAs(plain.records).hasSize(plan.size());
    for (int i = 0; i < plan.size(); i++) {
      AuditRecord a = plain.records.get(i);
      AuditRecord b = mixed.records.get(i);
      assertThat(b.sequence()).isEqualTo(a.sequence()).isEqualTo(i);
      assertThat(b.eventBytes()).isEqualTo(a.eventBytes());
      assertThat(b.leafHash()).isEqualTo(a.leafHash()).isEqualTo(plain.receipts.get(i));
      assertThat(b.chain()).isEqualTo(a.chain());
      assertThat(mixed.observed.get(i)).isEqualTo(a.leafHash());
      if (!plan.get(i).submit()) {
        assertThat(mixed.receipts.get(i)).isEqualTo(a.leafHash());
      }
    }
    assertThat(plain.observed).hasSize(plan.size());
  }

  @Property(tries = 50)
  void submitReturnsTheNextSequence(@ForAll("plans") List<Step> plan) {
    try (AuditLogger logger = AuditLogger.builder().sink(new TestSink()).build()) {
      for (int i = 0; i < plan.size(); i++) {
        assertThat(logger.submit(plan.get(i).event())).isEqualTo(i);
        assertThat(logger.size()).isEqualTo(i + 1);
      }
    }
  }

  private record Run(List<AuditRecord> records, List<byte[]> receipts, List<byte[]> observed) {}

  private static Run run(List<Step> plan, BiFunction<AuditLogger, Step, byte[]> append) {
    TestSink sink = new TestSink();
    List<byte[]> observed = new CopyOnWriteArrayList<>();
    List<byte[]> receipts = new ArrayList<>();
    AuditLogger logger =
        AuditLogger.builder()
            .sink(sink)
            .pseudonymizer(new MapPseudonymizer())
            .personalDetails("email")
            .nonPersonalActors("anonymous")
            .keyedChain(KeyedChain.withKey(KEY))
            .leafObserver((sequence, leaf) -> observed.add(leaf))
            .build();
    for (Step step : plan) {
      receipts.add(append.apply(logger, step));
    }
    logger.close();
    return new Run(sink.records(), receipts, observed);
  }
}
