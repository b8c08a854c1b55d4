package dev.tdeveloper.security.waf.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.seclang.SecLangNames;
import org.junit.jupiter.api.Test;

class TransformationsTest {
  @Test
  void everyTransformationNameAndAliasResolves() {
    for (String name : SecLangNames.TRANSFORMATIONS) {
      assertThat(Transformations.byName(name)).as(name).isPresent();
    }
    for (String alias : SecLangNames.TRANSFORMATION_ALIASES.keySet()) {
      assertThat(Transformations.byName(alias)).as(alias).isPresent();
    }
  }

  @Test
  void aliasesResolveToTheSameTransformation() {
    SecLangNames.TRANSFORMATION_ALIASES.forEach(
        (alias, name) ->
            assertThat(Transformations.byName(alias))
                .containsSame(Transformations.byName(name).orElseThrow()));
  }

  @Test
  void unknownAndWrongCaseNamesDoNotResolve() {
    assertThat(Transformations.byName("rot13")).isEmpty();
    assertThat(Transformations.byName("")).isEmpty();
    // libmodsecurity matches transformation names case-sensitively.
    assertThat(Transformations.byName("base64decode")).isEmpty();
    assertThat(Transformations.byName("LOWERCASE")).isEmpty();
  }

  @Test
  void noneIsTheIdentity() {
    String value = "A%20b";
    assertThat(Transformations.byName("none").orElseThrow().apply(value)).isSameAs(value);
  }

  @Test
  void everyTransformationHandlesTheEmptyValue() {
    for (String name : SecLangNames.TRANSFORMATIONS) {
      String out = Tfn.apply(name, "");
      switch (name) {
        case "length" -> assertThat(out).isEqualTo("0");
        case "md5" -> assertThat(out).hasSize(16);
        case "sha1" -> assertThat(out).hasSize(20);
        default -> assertThat(out).as(name).isEmpty();
      }
    }
  }

  @Test
  void everyTransformationCopesWithAOneMegabyteValue() {
    StringBuilder b = new StringBuilder(1 << 20);
    String chunk = "%u0041%41&#x3c;\\x41\\u0041/*c*/ ../\0\u00C3\u00A9\u00FF+0x41 --#";
    while (b.length() < (1 << 20)) {
      b.append(chunk);
    }
    String big = b.toString();
    for (String name : SecLangNames.TRANSFORMATIONS) {
      String out = Tfn.apply(name, big);
      assertThat(out).as(name).isNotNull();
      assertThat(out.chars().allMatch(c -> c <= 0xFF)).as(name).isTrue();
    }
    assertThat(Tfn.apply("urlDecodeUni", big)).startsWith("AA&#x3c;\\x41\\u0041/*c*/ ../\0\u00C3");
    assertThat(Tfn.apply("length", big)).isEqualTo(Integer.toString(big.length()));
  }

  @Test
  void transformationsReturnTheInputInstanceWhenNothingChanges() {
    String plain = "plain_value-123";
    for (String name :
        new String[] {
          "lowercase",
          "urlDecode",
          "urlDecodeUni",
          "htmlEntityDecode",
          "jsDecode",
          "cssDecode",
          "cmdLine",
          "compressWhitespace",
          "removeWhitespace",
          "removeNulls",
          "replaceNulls",
          "removeComments",
          "replaceComments",
          "normalizePath",
          "normalizePathWin",
          "trim",
          "trimLeft",
          "trimRight",
          "utf8toUnicode",
          "escapeSeqDecode",
          "sqlHexDecode",
          "parityZero7bit",
          "removeCommentsChar"
        }) {
      assertThat(Tfn.apply(name, plain)).as(name).isSameAs(plain);
    }
  }
}
