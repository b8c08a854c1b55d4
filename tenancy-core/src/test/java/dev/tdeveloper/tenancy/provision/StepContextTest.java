package dev.tdeveloper.tenancy.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StepContextTest {
  private final TreeMap<String, String> data = new TreeMap<>();
  private final StepContext context =
      new StepContext(
          "s1",
          LifecycleOperation.PROVISION,
          Tenant.builder("acme").build(),
          Optional.empty(),
          data);

  @Test
  void storesReadsAndRemovesValues() {
    context.put("db", "acme_db").put("key", "k1");
    context.remove("key");

    assertThat(context.get("db")).contains("acme_db");
    assertThat(context.get("key")).isEmpty();
    assertThat(context.data()).containsExactly(Map.entry("db", "acme_db"));
  }

  @Test
  void refusesBadKeysAndValuesWithoutStoringThem() {
    assertThatThrownBy(() -> context.put(" ", "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> context.put("k".repeat(201), "v"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> context.put("k", "v".repeat(StepContext.MAX_VALUE_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'k'");
    assertThatThrownBy(() -> context.put(null, "v")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> context.put("k", null)).isInstanceOf(NullPointerException.class);

    assertThat(data).isEmpty();
  }

  @Test
  void refusesMoreThanTheMaximumNumberOfEntriesButAllowsReplacing() {
    for (int i = 0; i < StepContext.MAX_ENTRIES; i++) {
      context.put("k" + i, "v");
    }

    assertThatThrownBy(() -> context.put("one-more", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(StepContext.MAX_ENTRIES));
    context.put("k0", "replaced");
    assertThat(context.get("k0")).contains("replaced");
    assertThat(data).hasSize(StepContext.MAX_ENTRIES);
  }
}
