package dev.tdeveloper.tenancy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessValuesTest {
  private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"notes:read", "admin", "billing:invoices:export", "a_b.c-d:x1"})
  void acceptsPermissionTokens(String value) {
    assertThat(Permission.of(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "notes:", ":read", "notes::read", "Notes:read", "notes:*", "a b"})
  void rejectsMalformedPermissionsNamingTheValue(String value) {
    assertThatThrownBy(() -> Permission.of(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permission must be a token")
        .hasMessageContaining("allowed:");
  }

  @Test
  void rejectsOverlongPermission() {
    assertThatThrownBy(() -> Permission.of("a".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(129 characters)");
  }

  @Test
  void roleCopiesItsPermissionsAndPolicyRefusesDuplicates() {
    Role editor = Role.of("editor", "notes:read", "notes:write");
    assertThat(editor.grants(Permission.of("notes:write"))).isTrue();
    assertThatThrownBy(() -> editor.permissions().add(Permission.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> RolePolicy.builder().role(editor).role("editor", "notes:read"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'editor'");
    assertThatThrownBy(() -> Role.of("Editor"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role name");
  }

  @Test
  void principalIsDeepCopiedAndValidated() {
    TenantId acme = TenantId.of("acme");
    Principal alice = new Principal("alice", Map.of(acme, Set.of("viewer")));
    assertThat(alice.isMemberOf(acme)).isTrue();
    assertThat(alice.rolesIn(TenantId.of("globex"))).isEmpty();
    assertThatThrownBy(() -> alice.memberships().get(acme).add("admin"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new Principal(" ", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> new Principal("a\nb", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Principal(null, Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
  }

  @Test
  void operatorGrantNeedsAReasonAndPermissions() {
    Set<Permission> read = Set.of(Permission.of("notes:read"));
    assertThatThrownBy(() -> OperatorGrant.forAllTenants("bob", read, "  ", LATER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> OperatorGrant.forAllTenants("bob", Set.of(), "INC-1", LATER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permissions");
    assertThatThrownBy(() -> new OperatorGrant("bob", null, read, "INC-1", LATER))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tenant");
    OperatorGrant all = OperatorGrant.forAllTenants("bob", read, "INC-1", LATER);
    assertThat(all.tenant()).isEqualTo(Optional.empty());
    assertThat(all.covers(TenantId.of("any"), Permission.of("notes:read"))).isTrue();
    assertThat(all.covers(TenantId.of("any"), Permission.of("notes:write"))).isFalse();
    assertThat(all.isLiveAt(LATER)).isFalse();
  }
}
