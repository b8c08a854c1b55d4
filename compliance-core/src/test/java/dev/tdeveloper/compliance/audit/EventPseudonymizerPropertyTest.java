package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link EventPseudonymizer}, which hands the event's checked details to the rebuilt event and
 * checks only the values it replaced, stores exactly what the plain path stored (every personal
 * value replaced, then the whole event copied and checked again by the canonical constructor), and
 * refuses exactly what it refused with the same exception and message: a pseudonymizer returning
 * null, the raw value, a value with a control character, an empty value, or a value with a space
 * where a source IP goes.
 */
class EventPseudonymizerPropertyTest {
  private static final Instant AT = Instant.parse("2026-12-07T00:00:00Z");
  private static final Set<String> NON_PERSONAL = Set.of("anonymous");

  /** An event, the personal detail keys and the seed choosing what the pseudonymizer returns. */
  record Case(AuditEvent event, Set<String> personal, int seed) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<String> texts =
        Arbitraries.strings().withChars("ab1 \u00e9").ofMinLength(1).ofMaxLength(4);
    Arbitrary<SortedMap<String, String>> details =
        Arbitraries.maps(Arbitraries.of("email", "phone", "method", "status", "x-1"), texts)
            .ofMaxSize(5)
            .map(TreeMap::new);
    Arbitrary<AuditEvent> events =
        Combinators.combine(
                Arbitraries.of("anonymous", "alice", "bob@example.com"),
                Arbitraries.of("", "203.0.113.7", "::1"),
                Arbitraries.of("", "acme", "globex"),
                details)
            .as(
                (actor, ip, tenant, d) -> {
                  AuditEvent.Builder b = AuditEvent.builder("http.get", AT).actor(actor);
                  d.forEach(b::detail);
                  if (!ip.isEmpty()) {
                    b.sourceIp(ip);
                  }
                  if (!tenant.isEmpty()) {
                    b.tenant(TenantId.of(tenant));
                  }
                  return b.build();
                });
    return Combinators.combine(
            events,
            Arbitraries.subsetOf("email", "phone", "status", "absent"),
            Arbitraries.integers())
        .as(Case::new);
  }

  @Property(tries = 3000)
  void storesAndRefusesExactlyAsThePlainPath(@ForAll("cases") Case c) {
    Pseudonymizer p = new Choosing(c.seed());
    Object fast =
        outcome(() -> new EventPseudonymizer(p, c.personal(), NON_PERSONAL).apply(c.event()));
    Object plain = outcome(() -> plainApply(p, c.personal(), c.event()));
    assertThat(fast).isEqualTo(plain);
  }

  @Example
  void detailsOfAStoredEventStayUnmodifiableAndReusable() {
    AuditEvent event =
        AuditEvent.builder("http.get", AT).detail("email", "a@b").detail("method", "GET").build();
    AuditEvent stored =
        new EventPseudonymizer(new MapPseudonymizer(), Set.of("email"), Set.of()).apply(event);
    assertThat(stored.details()).containsEntry("method", "GET").doesNotContainValue("a@b");
    assertThatThrownBy(() -> stored.details().put("method", "POST"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> stored.details().entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(event.details()).containsEntry("email", "a@b");
  }

  /** The stored encoding and the event, or the refusal's class and message. */
  private static Object outcome(java.util.function.Supplier<AuditEvent> apply) {
    try {
      AuditEvent e = apply.get();
      return Map.entry(Arrays.toString(AuditEventCodec.encode(e)), e);
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** What the pseudonymizer did before: replace every personal value, rebuild and check it all. */
  private static AuditEvent plainApply(Pseudonymizer p, Set<String> personal, AuditEvent event) {
    String actor =
        NON_PERSONAL.contains(event.actor())
            ? event.actor()
            : plainPseudonym(p, event, "actor", event.actor());
    Optional<String> ip = event.sourceIp().map(v -> plainPseudonym(p, event, "sourceIp", v));
    TreeMap<String, String> details = new TreeMap<>(Map.copyOf(event.details()));
    for (String key : personal) {
      String value = details.get(key);
      if (value != null) {
        details.put(key, plainPseudonym(p, event, "details['" + key + "']", value));
      }
    }
    try {
      return new AuditEvent(
          event.id(),
          event.time(),
          event.tenant(),
          actor,
          event.action(),
          event.resource(),
          event.outcome(),
          ip,
          event.requestId(),
          details);
    } catch (IllegalArgumentException e) {
      throw new ComplianceException(
          "the pseudonymizer returned a value the audit log cannot store: " + e.getMessage(), e);
    }
  }

  private static String plainPseudonym(
      Pseudonymizer p, AuditEvent event, String field, String value) {
    String pseudonym = p.pseudonymize(event.tenant(), value);
    if (pseudonym == null || pseudonym.equals(value)) {
      throw new ComplianceException(
          "the pseudonymizer returned "
              + (pseudonym == null ? "null" : "the raw value")
              + " for the "
              + field
              + " of audit event "
              + event.id()
              + "; the audit log never stores personal data raw");
    }
    return pseudonym;
  }

  /** Returns, per value and seed, a pseudonym or (about one time in three) something refused. */
  private record Choosing(int seed) implements Pseudonymizer {
    @Override
    public String pseudonymize(Optional<TenantId> tenant, String value) {
      int choice = Math.floorMod(Objects.hash(seed, tenant, value), 15);
      return switch (choice) {
        case 10 -> null;
        case 11 -> value;
        case 12 -> "ps-\u0007";
        case 13 -> "";
        case 14 -> "ps " + choice;
        default -> "ps-" + Integer.toHexString(Objects.hash(tenant, value)) + "-" + choice;
      };
    }

    @Override
    public Optional<String> lookup(Optional<TenantId> tenant, String value) {
      return Optional.empty();
    }
  }
}
