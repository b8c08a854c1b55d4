package dev.tdeveloper.distribution.residency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.region.DistributionConfig;
import dev.tdeveloper.distribution.region.Jurisdiction;
import dev.tdeveloper.distribution.region.RegionConfigLoader;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.region.UnknownRegionException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResidencyEnforcerTest {
  static final TenantId ACME = TenantId.of("acme"); // eu-only
  static final TenantId BUNDESBANK = TenantId.of("bundesbank"); // de-sovereign
  static final TenantId NOBODY = TenantId.of("nobody"); // not assigned
  static final RegionId IRELAND = RegionId.of("eu-west-1");
  static final RegionId FRANKFURT = RegionId.of("eu-central-1");
  static final RegionId VIRGINIA = RegionId.of("us-east-1");
  static final RegionId OREGON = RegionId.of("us-west-2");
  static final RegionId SINGAPORE = RegionId.of("ap-southeast-1");
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  static DistributionConfig sample() {
    try {
      return RegionConfigLoader.load(
          Path.of(ResidencyEnforcerTest.class.getResource("/regions.yaml").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  final List<ResidencyViolationEvent> events = new CopyOnWriteArrayList<>();
  final ManualClock clock = new ManualClock(T0);
  final ResidencyEnforcer enforcer =
      ResidencyEnforcer.builder(sample()).listener(events::add).clock(clock).build();

  @ParameterizedTest
  @EnumSource(DataPurpose.class)
  void euOnlyTenantIsRefusedInAUsRegionForEachPurpose(DataPurpose purpose) {
    ResidencyDecision d = enforcer.check(ACME, purpose, VIRGINIA);
    assertThat(d).isInstanceOf(ResidencyDecision.Violation.class);
    assertThat(d.allowed()).isFalse();
    assertThat(events).isEmpty();

    assertThatThrownBy(() -> enforcer.require(ACME, purpose, VIRGINIA, "write note 42"))
        .isInstanceOf(ResidencyViolationException.class)
        .hasMessage(
            "residency: tenant acme may not use region us-east-1 for "
                + purpose.name().toLowerCase(java.util.Locale.ROOT)
                + " (policy eu-only allows jurisdictions [EU])");
    assertThat(events)
        .containsExactly(
            new ResidencyViolationEvent(T0, ACME, purpose, VIRGINIA, "eu-only", "write note 42"));

    assertThat(enforcer.check(ACME, purpose, IRELAND).allowed()).isTrue();
    enforcer.require(ACME, purpose, FRANKFURT, "write note 42");
    assertThat(events).hasSize(1);
    assertThat(enforcer.allowedRegions(ACME, purpose)).containsExactly(IRELAND, FRANKFURT);
  }

  @Test
  void sovereigntyKeepsStorageInOneCountry() {
    assertThat(enforcer.allowedRegions(BUNDESBANK, DataPurpose.STORAGE)).containsExactly(FRANKFURT);
    assertThat(enforcer.allowedRegions(BUNDESBANK, DataPurpose.PROCESSING))
        .containsExactly(IRELAND, FRANKFURT);
    assertThat(enforcer.allowedRegions(BUNDESBANK, DataPurpose.REPLICA)).containsExactly(FRANKFURT);
    ResidencyViolationException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ResidencyViolationException.class,
            () -> enforcer.require(BUNDESBANK, DataPurpose.STORAGE, IRELAND, "store ledger"));
    assertThat(e.tenant()).isEqualTo(BUNDESBANK);
    assertThat(e.purpose()).isEqualTo(DataPurpose.STORAGE);
    assertThat(e.region()).isEqualTo(IRELAND);
    assertThat(e.policy()).isEqualTo("de-sovereign");
    assertThat(e).hasMessageContaining("allows jurisdictions [DE]");
  }

  @Test
  void aTenantWithoutAssignmentIsUnrestricted() {
    assertThat(enforcer.policyFor(NOBODY)).isEqualTo(ResidencyPolicy.unrestricted());
    for (DataPurpose p : DataPurpose.values()) {
      assertThat(enforcer.allowedRegions(NOBODY, p))
          .containsExactly(IRELAND, FRANKFURT, VIRGINIA, OREGON, SINGAPORE);
      enforcer.require(NOBODY, p, SINGAPORE, "anything");
    }
    assertThat(enforcer.policyFor(TenantId.of("initech")))
        .isEqualTo(ResidencyPolicy.unrestricted());
    assertThat(events).isEmpty();
  }

  @Test
  void anUnknownRegionIsAnErrorNotAnAnswer() {
    assertThatThrownBy(() -> enforcer.check(NOBODY, DataPurpose.STORAGE, RegionId.of("mars-1")))
        .isInstanceOf(UnknownRegionException.class);
  }

  @Test
  void aThrowingListenerDoesNotHideTheRefusal() {
    ResidencyEnforcer e =
        ResidencyEnforcer.builder(sample())
            .listener(
                ev -> {
                  throw new IllegalStateException("audit down");
                })
            .listener(events::add)
            .build();
    assertThatThrownBy(() -> e.require(ACME, DataPurpose.REPLICA, OREGON, "replicate"))
        .isInstanceOf(ResidencyViolationException.class);
    assertThat(events).hasSize(1);
  }

  @Test
  void builderChecksPoliciesAgainstTheCatalog() {
    var catalog = sample().catalog();
    assertThatThrownBy(
            () ->
                ResidencyEnforcer.builder(catalog)
                    .policy(ResidencyPolicy.within("apac", Jurisdiction.of("AU"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaves no region of the catalog for storage");
    ResidencyPolicy mars =
        new ResidencyPolicy(
            "mars",
            Placement.anywhere(),
            Placement.anywhere(),
            Placement.only(Set.of(RegionId.of("mars-1"))));
    assertThatThrownBy(() -> ResidencyEnforcer.builder(catalog).policy(mars))
        .hasMessageContaining("names unknown region mars-1");
    assertThatThrownBy(() -> ResidencyEnforcer.builder(catalog).assign(ACME, "eu-only"))
        .hasMessageContaining("unknown residency policy 'eu-only'");
    assertThatThrownBy(
            () ->
                ResidencyEnforcer.builder(catalog)
                    .policy(ResidencyPolicy.within("unrestricted", Jurisdiction.of("EU"))))
        .hasMessageContaining("already taken");
    assertThatThrownBy(() -> ResidencyEnforcer.builder(catalog).clock(clock).clock(clock))
        .isInstanceOf(IllegalStateException.class);

    ResidencyEnforcer built =
        ResidencyEnforcer.builder(catalog)
            .policy(ResidencyPolicy.within("us", Jurisdiction.of("US")))
            .assign(ACME, "us")
            .build();
    assertThat(built.allowedRegions(ACME, DataPurpose.STORAGE)).containsExactly(VIRGINIA, OREGON);
    assertThat(built.policies()).containsOnlyKeys("us");
    assertThat(built.catalog()).isSameAs(catalog);
  }

  @Test
  void isAResidencyPoliciesLookup() {
    ResidencyPolicies lookup = enforcer;
    assertThat(lookup.policyFor(ACME).name()).isEqualTo("eu-only");
  }
}
