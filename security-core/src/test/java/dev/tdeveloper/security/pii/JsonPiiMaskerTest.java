package dev.tdeveloper.security.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonPiiMaskerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TenantId ACME = TenantId.of("acme");
  private static final PiiMasker MASKER =
      PiiMasker.builder()
          .keys(PseudonymKeys.derivedFrom("k".repeat(32).getBytes(StandardCharsets.UTF_8)))
          .build();

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json.replace('\'', '"'));
  }

  @Test
  void fieldRulesMatchNamesCaseInsensitivelyAtAnyDepth() throws Exception {
    JsonPiiMasker masker =
        JsonPiiMasker.builder(MASKER)
            .field("password", MaskingStrategy.REDACT)
            .field("customer.*.card", MaskingStrategy.PARTIAL)
            .build();
    JsonNode masked =
        masker.mask(
            ACME,
            tree(
                "{'Password':'hunter2','nested':{'PASSWORD':12345},"
                    + "'customer':{'primary':{'Card':'4111 1111 1111 1111'}},'card':'x'}"));
    assertThat(masked.get("Password").asText()).isEqualTo("[REDACTED]");
    assertThat(masked.at("/nested/PASSWORD").asText()).isEqualTo("[REDACTED]");
    assertThat(masked.at("/customer/primary/Card").asText()).isEqualTo("**** **** **** 1111");
    assertThat(masked.get("card").asText()).isEqualTo("x");
  }

  @Test
  void aRuleOnAContainerMasksEveryScalarBeneathIt() throws Exception {
    JsonPiiMasker masker =
        JsonPiiMasker.builder(MASKER).field("profile", MaskingStrategy.KEYED_HASH).build();
    JsonNode masked =
        masker.mask(ACME, tree("{'profile':{'name':'Bob','tags':['a',{'age':42}],'x':null}}"));
    assertThat(masked.at("/profile/name").asText()).matches("PII_[0-9a-f]{16}");
    assertThat(masked.at("/profile/tags/0").asText()).matches("PII_[0-9a-f]{16}");
    assertThat(masked.at("/profile/tags/1/age").isTextual()).isTrue();
    assertThat(masked.at("/profile/x").isNull()).isTrue();
  }

  @Test
  void contentDetectionMasksFreeTextAndNumbers() throws Exception {
    JsonPiiMasker masker = JsonPiiMasker.builder(MASKER).build();
    JsonNode masked =
        masker.mask(
            ACME, tree("{'note':'mail bob@example.com please','items':[{'ip':'10.0.0.1'}],'n':7}"));
    assertThat(masked.get("note").asText()).isEqualTo("mail [EMAIL] please");
    assertThat(masked.at("/items/0/ip").asText()).isEqualTo("[IP_ADDRESS]");
    assertThat(masked.get("n").asInt()).isEqualTo(7);
    JsonNode untouched =
        JsonPiiMasker.builder(MASKER)
            .contentDetection(false)
            .build()
            .mask(ACME, tree("{'note':'bob@example.com'}"));
    assertThat(untouched.get("note").asText()).isEqualTo("bob@example.com");
  }

  @Test
  void neverMutatesTheInputTree() throws Exception {
    JsonNode input = tree("{'email':'bob@example.com','list':[{'ssn':'536-22-1234'}]}");
    JsonNode before = input.deepCopy();
    JsonNode masked =
        JsonPiiMasker.builder(MASKER)
            .field("email", MaskingStrategy.REDACT)
            .build()
            .mask(ACME, input);
    assertThat(input).isEqualTo(before);
    assertThat(masked).isNotEqualTo(input);
    assertThat(masked.toString()).doesNotContain("bob@example.com").doesNotContain("536-22-1234");
  }

  @Test
  void badRulesAreRejectedWithTheirPattern() {
    JsonPiiMaskerBuilder builder = JsonPiiMasker.builder(PiiMasker.builder().build());
    assertThatThrownBy(() -> builder.field("", MaskingStrategy.REDACT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.field("user..email", MaskingStrategy.REDACT))
        .hasMessageContaining("'user..email'")
        .hasMessageContaining("empty segment");
    assertThatThrownBy(() -> builder.field("user.e*", MaskingStrategy.REDACT))
        .hasMessageContaining("mixes");
    assertThatThrownBy(() -> builder.field("ssn", MaskingStrategy.ENCRYPT))
        .hasMessageContaining("no keys");
    assertThatThrownBy(() -> builder.maxDepth(0)).hasMessageContaining("maxDepth");
  }

  @Test
  void treesDeeperThanTheLimitAreRefused() {
    ArrayNode root = JsonNodeFactory.instance.arrayNode();
    ArrayNode current = root;
    for (int i = 0; i < 20; i++) {
      current = current.addArray();
    }
    JsonPiiMasker shallow = JsonPiiMasker.builder(MASKER).maxDepth(10).build();
    assertThatThrownBy(() -> shallow.mask(ACME, root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDepth=10");
  }

  @Test
  void doubleStarPatternsMatchAnyNumberOfSegments() throws Exception {
    JsonPiiMasker masker =
        JsonPiiMasker.builder(MASKER)
            .contentDetection(false)
            .field("billing.**.iban", MaskingStrategy.REDACT)
            .build();
    JsonNode masked =
        masker.mask(
            ACME, tree("{'billing':{'iban':'a','x':{'y':{'IBAN':'b'}}},'other':{'iban':'c'}}"));
    assertThat(masked.at("/billing/iban").asText()).isEqualTo("[REDACTED]");
    assertThat(masked.at("/billing/x/y/IBAN").asText()).isEqualTo("[REDACTED]");
    assertThat(masked.at("/other/iban").asText()).isEqualTo("c");
  }
}
