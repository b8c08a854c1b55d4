package dev.tdeveloper.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "acme",
        "acme-corp",
        "a1",
        "0",
        "abcdefghij0123456789abcdefghij0123456789abcdefghij0123456789abc"
      })
  void acceptsLowercaseDnsLabels(String value) {
    assertThat(TenantId.of(value).value()).isEqualTo(value);
  }

  @Test
  void namesUpperCaseCharacterAndIndex() {
    assertThatThrownBy(() -> TenantId.of("Acme"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Acme'")
        .hasMessageContaining("'A' at index 0 is upper case");
  }

  @Test
  void rejectsEmptyTooLongAndDashEdges() {
    assertThatThrownBy(() -> TenantId.of("")).hasMessageContaining("it is empty");
    assertThatThrownBy(() -> TenantId.of("a".repeat(64))).hasMessageContaining("64 characters");
    assertThatThrownBy(() -> TenantId.of("-acme")).hasMessageContaining("starts with '-'");
    assertThatThrownBy(() -> TenantId.of("acme-")).hasMessageContaining("ends with '-'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "%2e", "a.b", "a/b", "acme\u0430", "ａcme", "a b", "a\u0000"})
  void rejectsTraversalEncodedAndConfusableInput(String value) {
    assertThatThrownBy(() -> TenantId.of(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid tenant id");
    assertThat(TenantId.isValid(value)).isFalse();
  }

  @Test
  void escapesAndTruncatesHugeInputInMessage() {
    String huge = "\u0430".repeat(10_000);
    assertThatThrownBy(() -> TenantId.of(huge))
        .hasMessageContaining("\\u0430")
        .hasMessageContaining("(10000 characters)")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1_000));
  }

  @Test
  void rejectsNullWithFieldName() {
    assertThatThrownBy(() -> TenantId.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }
}
