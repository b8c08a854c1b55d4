package dev.tdeveloper.security.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogMaskerTest {
  private static final PiiMasker HASHING =
      PiiMasker.builder()
          .defaultStrategy(MaskingStrategy.KEYED_HASH)
          .keys(PseudonymKeys.derivedFrom("r".repeat(32).getBytes(StandardCharsets.UTF_8)))
          .build();

  @Test
  void formatsSlf4jPatternsThenMasks() {
    LogMasker log = LogMasker.of(PiiMasker.builder().build());
    assertThat(log.format("user {} from {} failed {} times", "bob@example.com", "10.0.0.1", 3))
        .isEqualTo("user [EMAIL] from [IP_ADDRESS] failed 3 times");
  }

  @Test
  void lazyArgumentsAreMaskedWhenFormatted() {
    LogMasker log = LogMasker.of(PiiMasker.builder().build());
    Object argument = log.lazy("card 4111 1111 1111 1111");
    assertThat(argument.toString()).isEqualTo("card [CREDIT_CARD]");
    assertThat(log.lazy(null).toString()).isEqualTo("null");
  }

  @Test
  void keyedStrategiesUseTheBoundTenantOrTheFallback() {
    LogMasker log = LogMasker.of(HASHING);
    String outside = log.mask("bob@example.com");
    String fallback =
        HASHING.mask(TenantId.of(LogMasker.DEFAULT_FALLBACK_TENANT), "bob@example.com");
    assertThat(outside).isEqualTo(fallback);
    String inside = TenantContext.get(TenantId.of("acme"), () -> log.mask("bob@example.com"));
    assertThat(inside).isEqualTo(HASHING.mask(TenantId.of("acme"), "bob@example.com"));
    assertThat(inside).isNotEqualTo(outside);
  }

  @Test
  void messagesOverTheLimitAreWithheldNotLogged() {
    PiiMasker small =
        PiiMasker.builder().detector(PiiDetector.builder().maxInputChars(64).build()).build();
    String message = "secret bob@example.com " + "x".repeat(100);
    String masked = LogMasker.of(small).mask(message);
    assertThat(masked).startsWith("[message of 123 characters withheld").doesNotContain("bob@");
  }
}
