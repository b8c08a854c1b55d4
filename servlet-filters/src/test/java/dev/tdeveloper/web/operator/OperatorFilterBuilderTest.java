package dev.tdeveloper.web.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.access.Permission;
import dev.tdeveloper.tenancy.access.Principal;
import dev.tdeveloper.tenancy.access.RolePolicy;
import dev.tdeveloper.tenancy.access.TenantAccessGuard;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorFilterBuilderTest {
  private static final Permission OPS = Permission.of("ops:read");
  private final TenantAccessGuard guard =
      TenantAccessGuard.builder().rolePolicy(RolePolicy.builder().build()).build();
  private final OperatorAuthenticator nobody = request -> Optional.empty();

  @Test
  void requiresAnAuthenticatorAGuardAndARule() {
    assertThatThrownBy(() -> OperatorFilter.builder().guard(guard).require("/ops", OPS).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("authenticator is required");
    assertThatThrownBy(
            () -> OperatorFilter.builder().authenticator(nobody).require("/ops", OPS).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("guard is required");
    assertThatThrownBy(() -> OperatorFilter.builder().authenticator(nobody).guard(guard).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one rule is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "ops", "/ops/../admin", "/%6fps", "/ops?x", ""})
  void refusesPrefixesThatAreNotPlainSegments(String prefix) {
    OperatorFilterBuilder builder = OperatorFilter.builder();

    assertThatThrownBy(() -> builder.require(prefix, OPS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("operator path prefix must be one or more '/segment's");
    assertThat(builder.rules).isEmpty();
  }

  @Test
  void refusesASecondRuleForOnePrefixAndKeepsTheFirst() {
    OperatorFilterBuilder builder = OperatorFilter.builder().require("/ops/", OPS);

    assertThatThrownBy(() -> builder.require("/ops", Permission.of("tenants:admin")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operator path prefix /ops already requires ops:read");
    assertThat(builder.rules).containsEntry("/ops", OPS).hasSize(1);
  }

  @Test
  void refusesSettingAnAuthenticatorOrGuardTwice() {
    OperatorFilterBuilder builder = OperatorFilter.builder().authenticator(nobody).guard(guard);

    assertThatThrownBy(() -> builder.authenticator(nobody))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.guard(guard)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void tokensAreValidatedWithoutEverShowingThem() {
    BearerTokenAuthenticator.Builder builder = BearerTokenAuthenticator.builder();
    Principal ops = Principal.operator("ops", "operator");

    assertThatThrownBy(() -> builder.token("short-secret", ops))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token for principal 'ops' must be 16-512 characters long (value not shown)");
    assertThatThrownBy(() -> builder.token("has spaces in the secret", ops))
        .hasMessageNotContaining("has spaces")
        .hasMessageContaining("printable ASCII without spaces");
    builder.token("0123456789abcdef", ops);
    assertThatThrownBy(() -> builder.token("0123456789abcdef", Principal.operator("other")))
        .hasMessage("token for principal 'other' is already mapped to principal 'ops'");
    assertThat(builder.build().toString())
        .isEqualTo("BearerTokenAuthenticator[1 tokens]")
        .doesNotContain("0123456789abcdef");
    assertThatThrownBy(() -> BearerTokenAuthenticator.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }
}
