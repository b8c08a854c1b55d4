package dev.tdeveloper.security.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.pii.eval.LabelledText;
import dev.tdeveloper.security.pii.eval.PiiCorpus;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PiiMaskerTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final byte[] ROOT =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final PseudonymKeys KEYS = PseudonymKeys.derivedFrom(ROOT);

  private static PiiMasker masker(MaskingStrategy strategy) {
    return PiiMasker.builder().defaultStrategy(strategy).keys(KEYS).build();
  }

  @Test
  void redactsWithTheEntityName() {
    assertThat(masker(MaskingStrategy.REDACT).mask(ACME, "mail bob@example.com from 10.0.0.1"))
        .isEqualTo("mail [EMAIL] from [IP_ADDRESS]");
  }

  @Test
  void partialKeepsTheLastFourAndTheSeparators() {
    PiiMasker partial = masker(MaskingStrategy.PARTIAL);
    assertThat(partial.mask(ACME, "card 4111-1111-1111-1111."))
        .isEqualTo("card ****-****-****-1111.");
    assertThat(partial.maskValue(ACME, PiiEntity.US_SSN, "1234567")).isEqualTo("*******");
  }

  @Test
  void keyedHashesAreStablePerTenantAndDifferAcrossTenants() {
    PiiMasker hashing = masker(MaskingStrategy.KEYED_HASH);
    String once = hashing.mask(ACME, "bob@example.com");
    assertThat(once).matches("EMAIL_[0-9a-f]{16}");
    assertThat(hashing.mask(ACME, "bob@example.com")).isEqualTo(once);
    assertThat(masker(MaskingStrategy.KEYED_HASH).mask(ACME, "bob@example.com")).isEqualTo(once);
    assertThat(hashing.mask(GLOBEX, "bob@example.com")).isNotEqualTo(once);
    assertThat(hashing.mask(ACME, "rob@example.com")).isNotEqualTo(once);
  }

  @Test
  void keyedHashMatchesHmacSha256OfTheDerivedKey() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(KEYS.key(ACME, PseudonymKeys.Purpose.PSEUDONYM));
    byte[] digest = mac.doFinal("EMAIL:bob@example.com".getBytes(StandardCharsets.UTF_8));
    String expected = "EMAIL_" + HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
    assertThat(masker(MaskingStrategy.KEYED_HASH).mask(ACME, "bob@example.com"))
        .isEqualTo(expected);
  }

  @Test
  void tokensKeepTheFormatAndRevealOnlyForTheirTenant() {
    PiiMasker tokens = masker(MaskingStrategy.TOKENIZE);
    String card = tokens.maskValue(ACME, PiiEntity.CREDIT_CARD, "4111-1111-1111-1111");
    assertThat(card).matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}").isNotEqualTo("4111-1111-1111-1111");
    String email = tokens.maskValue(ACME, PiiEntity.EMAIL, "Bob.Smith@example.com");
    assertThat(email).matches("[A-Z][a-z]{2}\\.[A-Z][a-z]{4}@[a-z]{7}\\.[a-z]{3}");
    assertThat(tokens.maskValue(ACME, PiiEntity.EMAIL, "Bob.Smith@example.com")).isEqualTo(email);
    assertThat(tokens.reveal(ACME, card)).contains("4111-1111-1111-1111");
    assertThat(tokens.reveal(GLOBEX, card)).isEmpty();
  }

  @Test
  void encryptionRoundTripsForItsTenantOnly() {
    PiiMasker encrypting = masker(MaskingStrategy.ENCRYPT);
    String masked = encrypting.maskValue(ACME, PiiEntity.US_SSN, "536-22-1234");
    assertThat(masked).startsWith("enc:").doesNotContain("536");
    assertThat(encrypting.maskValue(ACME, PiiEntity.US_SSN, "536-22-1234")).isNotEqualTo(masked);
    assertThat(encrypting.reveal(ACME, masked)).contains("536-22-1234");
    assertThat(encrypting.reveal(GLOBEX, masked)).isEmpty();
    String tampered = masked.substring(0, masked.length() - 2) + "AA";
    assertThat(encrypting.reveal(ACME, tampered)).isEmpty();
    assertThat(encrypting.reveal(ACME, "enc:%%%")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = MaskingStrategy.class,
      names = {"REDACT", "KEYED_HASH", "TOKENIZE", "ENCRYPT"})
  void maskedOutputNeverContainsADetectedValue(MaskingStrategy strategy) {
    PiiMasker masking = masker(strategy);
    int checked = 0;
    for (LabelledText labelled : PiiCorpus.generate(11, 1500)) {
      String masked = masking.mask(ACME, labelled.text());
      for (PiiFinding finding : PiiDetector.defaults().detect(labelled.text())) {
        assertThat(masked).as(labelled.text()).doesNotContain(finding.textOf(labelled.text()));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void partialMaskingNeverShowsAWholeDetectedValue() {
    PiiMasker partial = masker(MaskingStrategy.PARTIAL);
    for (LabelledText labelled : PiiCorpus.generate(12, 800)) {
      String masked = partial.mask(ACME, labelled.text());
      for (PiiFinding finding : PiiDetector.defaults().detect(labelled.text())) {
        assertThat(masked).as(labelled.text()).doesNotContain(finding.textOf(labelled.text()));
      }
    }
  }

  @Test
  void keyedStrategiesNeedKeys() {
    assertThatThrownBy(
            () -> PiiMasker.builder().strategy(PiiEntity.EMAIL, MaskingStrategy.KEYED_HASH).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KEYED_HASH")
        .hasMessageContaining("EMAIL");
    assertThatThrownBy(() -> PiiMasker.builder().defaultStrategy(MaskingStrategy.ENCRYPT).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                PiiMasker.builder()
                    .strategy(PiiEntity.EMAIL, MaskingStrategy.REDACT)
                    .strategy(PiiEntity.EMAIL, MaskingStrategy.PARTIAL))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PseudonymKeys.derivedFrom(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32");
  }

  @Test
  void toStringNeverShowsKeysOrValues() {
    TokenVault vault = TokenVault.inMemory();
    String token = vault.tokenize(ACME, "4111111111111111");
    String keyText =
        HexFormat.of().formatHex(KEYS.key(ACME, PseudonymKeys.Purpose.ENCRYPTION).getEncoded());
    assertThat(KEYS.toString()).doesNotContain("0123456789abcdef").doesNotContain(keyText);
    assertThat(vault.toString()).doesNotContain("4111111111111111").doesNotContain(token);
    PiiMasker masking = PiiMasker.builder().keys(KEYS).tokenVault(vault).build();
    assertThat(masking.toString()).doesNotContain("0123456789abcdef").doesNotContain(token);
  }

  @Test
  void textWithoutFindingsIsReturnedUnchanged() {
    assertThat(masker(MaskingStrategy.REDACT).mask(ACME, "nothing to see"))
        .isEqualTo("nothing to see");
    assertThat(List.of(KEYS.key(ACME, PseudonymKeys.Purpose.ENCRYPTION).getEncoded().length))
        .containsExactly(32);
  }
}
