package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The event's linear copy of naturally ordered details (no comparator) holds exactly what the plain
 * copy, one {@code put} per entry (a map with a comparator), holds, accepts and refuses the same
 * maps with the same messages (checked in key order whatever the map's order), and never shares the
 * caller's map.
 */
class AuditEventDetailsPropertyTest {
  private static final Instant AT = Instant.parse("2026-12-07T00:00:00Z");

  @Provide
  Arbitrary<Map<String, String>> details() {
    Arbitrary<String> keys =
        Arbitraries.strings().withChars("aZ0._-\u00e9 ").ofMinLength(0).ofMaxLength(6);
    Arbitrary<String> values =
        Arbitraries.strings().withChars("ab \u00e9\n\"\ud83d").ofMinLength(0).ofMaxLength(5);
    return Arbitraries.maps(keys, values).ofMaxSize(8);
  }

  @Property(tries = 2000)
  void copiesAsThePlainPathCopies(@ForAll("details") Map<String, String> entries) {
    Outcome plain = outcome(entries, new TreeMap<>(Comparator.naturalOrder()));
    assertThat(outcome(entries, new TreeMap<>())).isEqualTo(plain);
    assertThat(outcome(entries, new ConcurrentSkipListMap<>())).isEqualTo(plain);
    assertThat(outcome(entries, new TreeMap<>(Comparator.reverseOrder()))).isEqualTo(plain);
  }

  @Example
  void neverSharesTheCallersMap() {
    TreeMap<String, String> mine = new TreeMap<>(Map.of("method", "GET"));
    AuditEvent event = event(mine);
    mine.put("status", "200");
    assertThat(event.details()).containsExactly(Map.entry("method", "GET"));
    assertThatThrownBy(() -> event.details().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Example
  void namesTheDetailInEveryRefusal() {
    TreeMap<String, String> bad = new TreeMap<>(Map.of("status", "2\n0"));
    assertThatThrownBy(() -> event(bad))
        .hasMessage("AuditEvent.details['status'] holds a control character (U+000A) at index 1");
    TreeMap<String, String> reversed =
        new TreeMap<>(Comparator.nullsFirst(Comparator.reverseOrder()));
    reversed.put(null, "x");
    assertThatThrownBy(() -> event(reversed))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("details key");
  }

  /** The event's details or its refusal, from {@code entries} put into {@code map}. */
  private static Outcome outcome(Map<String, String> entries, SortedMap<String, String> map) {
    map.putAll(entries);
    try {
      AuditEvent event = event(map);
      return new Outcome(Optional.of(new TreeMap<>(event.details())), Optional.empty());
    } catch (RuntimeException e) {
      return new Outcome(Optional.empty(), Optional.of(e.getClass() + ": " + e.getMessage()));
    }
  }

  private static AuditEvent event(SortedMap<String, String> details) {
    return new AuditEvent(
        "id-1",
        AT,
        Optional.empty(),
        "actor",
        "http.get",
        "/notes",
        AuditOutcome.SUCCESS,
        Optional.empty(),
        Optional.empty(),
        details);
  }

  private record Outcome(Optional<TreeMap<String, String>> details, Optional<String> refusal) {}
}
