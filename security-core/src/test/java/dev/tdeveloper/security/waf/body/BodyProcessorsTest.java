package dev.tdeveloper.security.waf.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyProcessorsTest {
  @Test
  void processorsAreFoundByTheirCtlNamesInAnyCase() {
    BodyProcessors p = BodyProcessors.defaults();
    assertThat(p.byName("URLENCODED")).isPresent();
    assertThat(p.byName("multipart")).isPresent();
    assertThat(p.byName("Json")).isPresent();
    assertThat(p.byName("XML")).isPresent();
    assertThat(p.byName("YAML")).isEmpty();
    assertThat(p.byName("")).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "application/x-www-form-urlencoded|URLENCODED",
        "Application/X-WWW-Form-Urlencoded; charset=UTF-8|URLENCODED",
        "multipart/form-data; boundary=x|MULTIPART",
        "MULTIPART/FORM-DATA|MULTIPART",
        "application/json|~~",
        "text/xml|~~",
        "text/plain|~~",
        "~~|~~"
      })
  void modSecurityPicksOnlyUrlEncodedAndMultipartByItself(String ct, String name) {
    assertThat(BodyProcessors.forContentType(ct))
        .isEqualTo(name.isEmpty() ? Optional.empty() : Optional.of(name));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "application/x-www-form-urlencoded|URLENCODED",
        "multipart/form-data; boundary=x|MULTIPART",
        "application/json|JSON",
        "Application/JSON; charset=utf-8|JSON",
        "application/vnd.api+json|JSON",
        "application/problem+json; charset=utf-8|JSON",
        "text/xml|XML",
        "application/xml; charset=utf-8|XML",
        "application/soap+xml|XML",
        "application/atom+xml|XML",
        "text/plain|~~",
        "text/json|~~",
        "image/svg+xml|~~",
        "~~|~~"
      })
  void recommendedRulesAlsoPickJsonAndXml(String ct, String name) {
    assertThat(BodyProcessors.forContentTypeIncludingJsonAndXml(ct))
        .isEqualTo(name.isEmpty() ? Optional.empty() : Optional.of(name));
  }

  @Test
  void configDefaultsAreModSecuritys() {
    BodyProcessorConfig c = BodyProcessors.defaults().config();
    assertThat(c.argumentSeparator()).isEqualTo('&');
    assertThat(c.uploadFileLimit()).isEqualTo(100);
    assertThat(c.jsonDepthLimit()).isEqualTo(10_000);
  }

  @Test
  void configRejectsOutOfRangeValues() {
    assertThatThrownBy(() -> new BodyProcessorConfig(' ', 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argumentSeparator");
    assertThatThrownBy(() -> new BodyProcessorConfig('&', -1, 1))
        .hasMessageContaining("uploadFileLimit: -1");
    assertThatThrownBy(() -> new BodyProcessorConfig('&', 1, 0))
        .hasMessageContaining("jsonDepthLimit: 0");
    assertThatThrownBy(() -> BodyProcessors.of(null)).isInstanceOf(NullPointerException.class);
  }
}
