package dev.tdeveloper.security.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiDetectorTest {
  private static final PiiDetector DETECTOR = PiiDetector.defaults();

  private static List<String> found(String text, PiiEntity entity) {
    return DETECTOR.detect(text).stream()
        .filter(f -> f.entity() == entity)
        .map(f -> f.textOf(text))
        .toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "EMAIL|write to first.last+tag@mail.example.org today|first.last+tag@mail.example.org",
        "PHONE|call +1 415-555-0132 now|+1 415-555-0132",
        "PHONE|office (415) 555-0132, ask for Bob|(415) 555-0132",
        "PHONE|London +44 20 7946 0958.|+44 20 7946 0958",
        "PHONE|Paris +33 1 23 45 67 89|+33 1 23 45 67 89",
        "PHONE|desk 020 7946 0958|020 7946 0958",
        "PHONE|mobile 4155550132|4155550132",
        "CREDIT_CARD|paid with 4111 1111 1111 1111.|4111 1111 1111 1111",
        "CREDIT_CARD|amex 3782-822463-10005 ok|3782-822463-10005",
        "CREDIT_CARD|card=5555555555554444|5555555555554444",
        "IBAN|IBAN DE89 3704 0044 0532 0130 00 (Acme)|DE89 3704 0044 0532 0130 00",
        "IBAN|to GB82WEST12345698765432|GB82WEST12345698765432",
        "US_SSN|SSN 536-22-1234 on file|536-22-1234",
        "US_SSN|ssn: 536221234|536221234",
        "IP_ADDRESS|login from 203.0.113.7 failed|203.0.113.7",
        "IP_ADDRESS|client 2001:db8::8a2e:370:7334 closed|2001:db8::8a2e:370:7334",
        "IP_ADDRESS|loopback ::1 only|::1",
        "DATE_OF_BIRTH|born on 1985-03-12 in Lyon|1985-03-12",
        "DATE_OF_BIRTH|DOB: 03/12/1985|03/12/1985",
        "AWS_ACCESS_KEY|key AKIAIOSFODNN7EXAMPLE leaked|AKIAIOSFODNN7EXAMPLE",
        "SECRET_TOKEN|api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc|sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "SECRET_TOKEN|sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b as secret|"
            + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
      })
  void findsEachEntity(PiiEntity entity, String text, String expected) {
    assertThat(found(text, entity)).containsExactly(expected);
  }

  @Test
  void findsJwtsWhoseHeaderNamesAnAlgorithm() {
    String jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
            + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    assertThat(found("Authorization: Bearer " + jwt, PiiEntity.JWT)).containsExactly(jwt);
    // eyJ... that decodes to no JSON header is no JWT.
    assertThat(found("x eyJub3RoaW5nIGhlcmU.eyJhIjoxfQ.sig y", PiiEntity.JWT)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "order 4111 1111 1111 1112 declined", // fails Luhn
        "ref 000-12-3456, 666-12-3456, 912-12-3456, 123-00-4567, 123-45-0000, 123-45-6789",
        "IBAN DE88 3704 0044 0532 0130 00", // wrong check digits
        "upgraded to version 4.2.1.0 yesterday", // IPv4-shaped version
        "v1.2.3.4 and 1.2.3.4.5 and 999.1.1.1", // glued, too long, octet out of range
        "invoice dated 2023-04-05", // a date without birth context
        "the word internationalization and getUserAccountSettings",
        "request 550e8400-e29b-41d4-a716-446655440000 done",
        "user at example dot com, @handle, a@b",
        "at 12:30:45 on 2024-01-02, room 1203, ZIP 94105, $1234.56",
      })
  void ignoresHardNegatives(String text) {
    assertThat(DETECTOR.detect(text)).isEmpty();
  }

  @Test
  void contextWordsRaiseTheScoreOfWeakCandidates() {
    assertThat(found("order 536221234 shipped", PiiEntity.US_SSN)).isEmpty();
    assertThat(found("order 4155550132 shipped", PiiEntity.PHONE)).isEmpty();
    PiiFinding weak = DETECTOR.detect("ssn 536221234").get(0);
    PiiFinding strong = DETECTOR.detect("ssn 536-22-1234").get(0);
    assertThat(weak.score()).isLessThan(strong.score());
    PiiDetector custom = PiiDetector.builder().contextWords(PiiEntity.PHONE, "Rufnummer").build();
    assertThat(custom.detect("Rufnummer 4155550132")).hasSize(1);
  }

  @Test
  void contextWordsOfOneFindingDoNotLeakToTheNext() {
    String text = "birthday 1950-01-02, admitted 2020-03-04";
    assertThat(found(text, PiiEntity.DATE_OF_BIRTH)).containsExactly("1950-01-02");
  }

  @Test
  void findingsAreOrderedAndNeverOverlap() {
    String text =
        "User alice@example.com from 10.0.0.1 paid 4111-1111-1111-1111, tel +1 415 555 0132,"
            + " IBAN GB82 WEST 1234 5698 7654 32";
    List<PiiFinding> findings = DETECTOR.detect(text);
    assertThat(findings)
        .extracting(PiiFinding::entity)
        .containsExactly(
            PiiEntity.EMAIL,
            PiiEntity.IP_ADDRESS,
            PiiEntity.CREDIT_CARD,
            PiiEntity.PHONE,
            PiiEntity.IBAN);
    for (int k = 1; k < findings.size(); k++) {
      assertThat(findings.get(k).start()).isGreaterThanOrEqualTo(findings.get(k - 1).end());
    }
  }

  @Test
  void onlyEnabledEntitiesAreFound() {
    PiiDetector emails = PiiDetector.builder().entities(Set.of(PiiEntity.EMAIL)).build();
    assertThat(emails.detect("a@example.com 10.0.0.1"))
        .extracting(PiiFinding::entity)
        .containsExactly(PiiEntity.EMAIL);
  }

  @Test
  void aHigherThresholdDropsWeakerFindings() {
    PiiDetector strict = PiiDetector.builder().threshold(0.95).build();
    assertThat(strict.detect("from 10.0.0.1 key AKIAIOSFODNN7EXAMPLE"))
        .extracting(PiiFinding::entity)
        .containsExactly(PiiEntity.AWS_ACCESS_KEY);
  }

  @Test
  void badSettingsAreRejectedWithTheirNameAndValue() {
    assertThatThrownBy(() -> PiiDetector.builder().threshold(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold")
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> PiiDetector.builder().threshold(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PiiDetector.builder().contextBoost(1.5))
        .hasMessageContaining("contextBoost");
    assertThatThrownBy(() -> PiiDetector.builder().contextWindow(-1))
        .hasMessageContaining("contextWindow");
    assertThatThrownBy(() -> PiiDetector.builder().maxInputChars(0))
        .hasMessageContaining("maxInputChars");
    assertThatThrownBy(() -> PiiDetector.builder().maxFindings(0))
        .hasMessageContaining("maxFindings");
    assertThatThrownBy(() -> PiiDetector.builder().entities(Set.of()))
        .hasMessageContaining("entities");
    assertThatThrownBy(() -> PiiDetector.builder().contextWords(PiiEntity.EMAIL, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PiiDetector.builder().threshold(0.5).threshold(0.6))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DETECTOR.detect(null)).isInstanceOf(NullPointerException.class);
  }
}
