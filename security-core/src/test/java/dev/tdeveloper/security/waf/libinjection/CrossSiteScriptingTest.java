package dev.tdeveloper.security.waf.libinjection;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CrossSiteScriptingTest {
  @Test
  void flagsBlacklistedTagsWhateverTheirCase() {
    assertThat(CrossSiteScripting.detect("<sCrIpT>")).isTrue();
    assertThat(CrossSiteScripting.detect("<svganything>")).isTrue();
    assertThat(CrossSiteScripting.detect("<scr\0ipt>")).isTrue();
    assertThat(CrossSiteScripting.detect("<b>")).isFalse();
  }

  @Test
  void flagsEventHandlersWithAValueOnly() {
    assertThat(CrossSiteScripting.detect("<img onerror=x>")).isTrue();
    assertThat(CrossSiteScripting.detect("<img onerror>")).isFalse();
    assertThat(CrossSiteScripting.detect("<img onion=x>")).isFalse();
  }

  @Test
  void readsUrlSchemesAsBrowsersDo() {
    assertThat(CrossSiteScripting.detect("<a href='\tjava\nscript:x'>")).isTrue();
    assertThat(CrossSiteScripting.detect("<a href='&#X6a;avascript&#58;x'>")).isTrue();
    assertThat(CrossSiteScripting.detect("<a href='https://x/javascript:'>")).isFalse();
    assertThat(CrossSiteScripting.detect("<img src='data:image/gif;base64,R0lG'>")).isFalse();
    assertThat(CrossSiteScripting.detect("<img src='data:image/svg+xml,<svg>'>")).isTrue();
  }

  @Test
  void readsValuesThatBreakOutOfEachQuoteContext() {
    assertThat(CrossSiteScripting.detect("x' onclick='y")).isTrue();
    assertThat(CrossSiteScripting.detect("x\" onclick=\"y")).isTrue();
    assertThat(CrossSiteScripting.detect("x` onclick=y")).isTrue();
    assertThat(CrossSiteScripting.detect("x onclick=y")).isTrue();
  }

  @Test
  void flagsAttributeNameIndirection() {
    assertThat(CrossSiteScripting.detect("<set attributeName=' href ' to=x>")).isTrue();
    assertThat(CrossSiteScripting.detect("<set attributeName=width to=x>")).isFalse();
  }

  @Test
  void flagsDoctypesAndIeComments() {
    assertThat(CrossSiteScripting.detect("<!doctype html>")).isTrue();
    assertThat(CrossSiteScripting.detect("<!--[if IE]>x<![endif]-->")).isTrue();
    assertThat(CrossSiteScripting.detect("<!-- `x` -->")).isTrue();
    assertThat(CrossSiteScripting.detect("<!-- plain -->")).isFalse();
  }

  @Test
  void nothingToFindInEmptyValues() {
    assertThat(CrossSiteScripting.detect("")).isFalse();
    assertThat(CrossSiteScripting.detect("<")).isFalse();
    assertThat(CrossSiteScripting.detect("<a href=")).isFalse();
    assertThat(CrossSiteScripting.detect("&#")).isFalse();
  }

  @Test
  void staysLinearOnHugeValues() {
    String huge = "<a b=".repeat(100_000) + "<x y='" + "&#".repeat(100_000);
    assertThat(CrossSiteScripting.detect(huge)).isFalse();
    assertThat(CrossSiteScripting.detect("a ".repeat(200_000) + "<script>")).isTrue();
  }

  @Property
  void neverThrowsOnAnyByteString(
      @ForAll @StringLength(max = 60) @CharRange(from = 0, to = 255) String s) {
    CrossSiteScripting.detect(s);
  }
}
