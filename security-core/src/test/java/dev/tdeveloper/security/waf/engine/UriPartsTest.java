package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriPartsTest {
  @Test
  void invalidEscapesStayAsSentAndPlusIsNotASpace() {
    UriParts p = UriParts.parse("/a%zz%4/b+c%");
    assertThat(p.filename()).isEqualTo("/a%zz%4/b+c%");
    assertThat(p.basename()).isEqualTo("b+c%");
  }

  @Test
  void decodesToRawBytesIncludingNul() {
    UriParts p = UriParts.parse("/x%00y%C3%A9%ff");
    assertThat(p.filename()).isEqualTo("/x\u0000y\u00c3\u00a9\u00ff");
  }

  @Test
  void pathEndingWithSlashHasTheWholePathAsBasename() {
    assertThat(UriParts.parse("/dir/").basename()).isEqualTo("/dir/");
    assertThat(UriParts.parse("noslash").basename()).isEqualTo("noslash");
  }

  @Test
  void onlyTheFirstQuestionMarkStartsTheQuery() {
    UriParts p = UriParts.parse("/p?a=1?b=2");
    assertThat(p.filename()).isEqualTo("/p");
    assertThat(p.query()).isEqualTo("a=1?b=2");
  }

  @Test
  void fragmentIsOnlyInTheRawUri() {
    UriParts p = UriParts.parse("/p#x?y");
    assertThat(p.query()).isEmpty();
    assertThat(p.uri()).isEqualTo("/p");
    assertThat(p.raw()).isEqualTo("/p#x?y");
  }

  @Test
  void schemeWithoutSlashesOrPathIsKept() {
    assertThat(UriParts.parse("mailto:a@b").uri()).isEqualTo("mailto:a@b");
    assertThat(UriParts.parse("http://host").uri()).isEqualTo("http://host");
    assertThat(UriParts.parse("https://h:8443/x%41").uri()).isEqualTo("/xA");
  }

  @Test
  void hugeUriIsParsedInLinearTime() {
    String huge = "/" + "%41".repeat(1_000_000) + "?q=" + "x".repeat(1_000_000);
    UriParts p = UriParts.parse(huge);
    assertThat(p.filename()).hasSize(1_000_001);
    assertThat(p.query()).hasSize(1_000_002);
  }
}
