package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The event's text check, with its shortcut for printable ASCII, accepts exactly the texts of the
 * plain definition: 1 to the field's maximum characters, no control character, no unpaired
 * surrogate.
 */
class AuditEventTextPropertyTest {
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withChars(" ~!aZ09/\u001f\u007f\u0080\u009f\u00a0\u00e9\u2028\ud83d\ude00\ufffd")
        .ofMinLength(0)
        .ofMaxLength(10);
  }

  @Property(tries = 3000)
  void acceptsExactlyThePlainDefinition(@ForAll("texts") String resource) {
    boolean accepted;
    try {
      new AuditEvent(
          "id-1",
          Instant.EPOCH,
          Optional.empty(),
          "actor",
          "http.get",
          resource,
          AuditOutcome.SUCCESS,
          Optional.empty(),
          Optional.empty(),
          new TreeMap<>());
      accepted = true;
    } catch (IllegalArgumentException e) {
      accepted = false;
    }
    assertThat(accepted).as(resource).isEqualTo(plain(resource, 512));
  }

  /** The definition, character by character, with no shortcut. */
  private static boolean plain(String value, int max) {
    if (value.isEmpty() || value.length() > max) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
