package dev.tdeveloper.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void fingerprintsMatchPrometheusSignatureTestVectors() {
    // prometheus/common model signature_test.go (TestLabelsToSignature, TestMetricToFingerprint)
    assertThat(Labels.empty().fingerprint())
        .isEqualTo(Long.parseUnsignedLong("14695981039346656037"));
    assertThat(Labels.of("name", "garland, briggs", "fear", "love is not enough").fingerprint())
        .isEqualTo(Long.parseUnsignedLong("5799056148416392346"));
  }

  @Test
  void fingerprintDoesNotDependOnInsertionOrder() {
    Labels a = Labels.of("b", "2", "a", "1");
    Labels b = Labels.of(Map.of("a", "1", "b", "2"));
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    assertThat(a).isEqualTo(b);
    assertThat(a.fingerprintHex()).hasSize(16);
  }

  @Property
  void separatorsKeepNamesAndValuesApart(@ForAll("names") String x, @ForAll("names") String y) {
    // "ab"="c" and "a"="bc" must not collide just because their bytes concatenate alike
    Labels one = Labels.of(x + y, "v");
    Labels two = Labels.of(x, y + "v");
    assertThat(one.fingerprint()).isNotEqualTo(two.fingerprint());
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> names() {
    return net.jqwik.api.Arbitraries.strings()
        .withCharRange('a', 'z')
        .ofMinLength(1)
        .ofMaxLength(8);
  }
}
