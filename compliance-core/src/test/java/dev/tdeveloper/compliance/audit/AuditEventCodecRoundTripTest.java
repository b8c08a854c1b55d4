package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AuditEventCodecRoundTripTest {
  @Property(tries = 500)
  void decodeInvertsEncode(@ForAll("events") AuditEvent event) {
    byte[] bytes = AuditEventCodec.encode(event);
    assertThat(AuditEventCodec.decode(bytes)).isEqualTo(event);
  }

  @Property(tries = 500)
  void decodedBytesReEncodeIdentically(@ForAll("events") AuditEvent event) {
    byte[] bytes = AuditEventCodec.encode(event);
    assertThat(AuditEventCodec.encode(AuditEventCodec.decode(bytes))).isEqualTo(bytes);
  }

  @Provide
  Arbitrary<AuditEvent> events() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .all()
            .ofMinLength(1)
            .ofMaxLength(40)
            .filter(
                s ->
                    s.chars()
                        .noneMatch(
                            c -> Character.isISOControl(c) || Character.isSurrogate((char) c)));
    Arbitrary<String> emoji = Arbitraries.of("😀", "𝄞", "é", "\"", "\\", "✓");
    Arbitrary<String> mixed = Combinators.combine(text, emoji).as((a, b) -> a + b);
    Arbitrary<Instant> time =
        Arbitraries.longs()
            .between(-10_000_000_000L, 100_000_000_000L)
            .flatMap(
                s ->
                    Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(n -> Instant.ofEpochSecond(s, n)));
    Arbitrary<Optional<TenantId>> tenant =
        Arbitraries.strings()
            .withChars("abcxyz019-")
            .ofMinLength(1)
            .ofMaxLength(10)
            .filter(TenantId::isValid)
            .map(TenantId::of)
            .optional();
    Arbitrary<String> action = Arbitraries.of("note.read", "access.denied", "a", "key-rotated.x_y");
    Arbitrary<Optional<String>> ip =
        Arbitraries.of("10.0.0.1", "::1", "fe80::1%eth0", "ps:AbC+/=").optional();
    Arbitrary<Map<String, String>> details =
        Arbitraries.maps(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8), mixed)
            .ofMaxSize(5);
    return Combinators.combine(
            mixed, time, tenant, mixed, action, mixed, Arbitraries.of(AuditOutcome.class), ip)
        .flatAs(
            (id, t, ten, actor, act, res, out, src) ->
                Combinators.combine(text.optional(), details)
                    .as(
                        (req, det) ->
                            new AuditEvent(
                                id, t, ten, actor, act, res, out, src, req, new TreeMap<>(det))));
  }
}
