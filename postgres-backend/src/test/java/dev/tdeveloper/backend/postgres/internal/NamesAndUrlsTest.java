package dev.tdeveloper.backend.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import org.junit.jupiter.api.Test;

class NamesAndUrlsTest {
  @Test
  void storageNameTurnsDashesIntoUnderscores() {
    assertThat(Names.storageName("tenant_", TenantId.of("acme-co-2")))
        .isEqualTo("tenant_acme_co_2");
  }

  @Test
  void longStorageNamesAreCutAndEndWithAHashThatKeepsThemApart() {
    String a = "a".repeat(62) + "b";
    String b = "a".repeat(62) + "c";
    String nameA = Names.storageName("tenant_", TenantId.of(a));
    String nameB = Names.storageName("tenant_", TenantId.of(b));
    assertThat(nameA).hasSize(63).startsWith("tenant_aaaa").matches(".*_[0-9a-f]{8}");
    assertThat(nameA).isNotEqualTo(nameB);
    assertThat(Names.storageName("tenant_", TenantId.of(a))).isEqualTo(nameA);
  }

  @Test
  void prefixesAndIdentifiersAreChecked() {
    assertThatThrownBy(() -> Names.requirePrefix("Tenant"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Tenant'");
    assertThatThrownBy(() -> Names.requireIdentifier("applicationRole", "app\"; drop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("applicationRole must match");
    assertThat(Names.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(Names.literal("it's")).isEqualTo("'it''s'");
  }

  @Test
  void withDatabaseKeepsHostsPortsAndParameters() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:5432/app?ssl=true&x=/y", "tenant_a"))
        .isEqualTo("jdbc:postgresql://h:5432/tenant_a?ssl=true&x=/y");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h1:1,h2:2/app", "t"))
        .isEqualTo("jdbc:postgresql://h1:1,h2:2/t");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h", "t"))
        .isEqualTo("jdbc:postgresql://h/t");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h?user=u", "t"))
        .isEqualTo("jdbc:postgresql://h/t?user=u");
    assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://h/app?password=secret", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://h/app")
        .hasMessageNotContaining("secret");
  }
}
