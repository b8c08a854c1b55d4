package dev.tdeveloper.security.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tdeveloper.security.tls.TlsPolicy;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityPolicyLoaderTest {
  private static final String GOOD =
      """
      tls:
        minimumProtocol: TLSv1.2
        cipherSuites: [TLS_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]
      keys:
        maximumAge: 30d
        requirePerTenant: false
      secrets:
        maximumAge: PT720H
      certificates:
        minimumDaysLeft: 14
      tenants:
        requireQuota: false
        requireRateLimit: true
      """;

  @Test
  void loadsEveryFieldFromAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("security.yaml"), GOOD);

    SecurityPolicyFile loaded = SecurityPolicyLoader.load(file);

    SecurityPolicy policy = loaded.policy();
    assertThat(policy.tls())
        .isEqualTo(
            new TlsPolicy(
                "TLSv1.2",
                List.of("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")));
    assertThat(policy.keyMaximumAge()).isEqualTo(Duration.ofDays(30));
    assertThat(policy.secretMaximumAge()).isEqualTo(Duration.ofDays(30));
    assertThat(policy.certificateMinimumDaysLeft()).isEqualTo(14);
    assertThat(policy.requireTenantKey()).isFalse();
    assertThat(policy.requireQuota()).isFalse();
    assertThat(policy.requireRateLimit()).isTrue();
    assertThat(loaded.location("keys.maximumAge"))
        .contains(new ConfigLocation(file.toString(), 5, 15));
    assertThat(loaded.location("certificates")).isEmpty();
  }

  @Test
  void anEmptyMappingMeansEveryDefault() {
    SecurityPolicyFile loaded = SecurityPolicyLoader.parse("security.yaml", "{}\n");

    assertThat(loaded.policy()).isEqualTo(SecurityPolicy.defaults());
    assertThat(loaded.policy().minimumTlsProtocol()).isEqualTo("TLSv1.3");
    assertThat(loaded.policy().keyMaximumAge()).isEqualTo(Duration.ofDays(90));
    assertThat(loaded.policy().certificateMinimumDaysLeft()).isEqualTo(30);
    assertThat(loaded.policy().requireQuota()).isTrue();
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThatThrownBy(() -> SecurityPolicyLoader.parse("security.yaml", "# nothing\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("security.yaml:1:1: (root): the file is empty");
  }

  @Test
  void listsEveryBadValueWithItsLocationValueAndAllowedRange() {
    String text =
        """
        tls:
          minimumProtocol: TLSv1.1
        keys:
          maximumAge: 0d
          requirePerTenant: yes
        secrets:
          maximumAge: forever
        certificates:
          minimumDaysLeft: 5000
          warnDays: 3
        Tenants: {}
        """;

    ConfigException e =
        assertThrows(
            ConfigException.class, () -> SecurityPolicyLoader.parse("security.yaml", text));

    List<ConfigProblem> problems = e.problems();
    assertThat(problems)
        .extracting(p -> p.location().orElseThrow().toString(), ConfigProblem::path)
        .containsExactly(
            tuple("security.yaml:2:20", "tls.minimumProtocol"),
            tuple("security.yaml:4:15", "keys.maximumAge"),
            tuple("security.yaml:5:21", "keys.requirePerTenant"),
            tuple("security.yaml:7:15", "secrets.maximumAge"),
            tuple("security.yaml:9:20", "certificates.minimumDaysLeft"),
            tuple("security.yaml:10:3", "certificates.warnDays"),
            tuple("security.yaml:11:1", "Tenants"));
    assertThat(problems.get(1).value()).contains("0d");
    assertThat(problems.get(1).allowed())
        .hasValueSatisfying(a -> assertThat(a).contains("1h to 3650d"));
    assertThat(problems.get(4).allowed()).contains("a whole number of days from 1 to 3650");
    assertThat(problems.get(6).problem()).isEqualTo("unknown key (did you mean 'tenants'?)");
    assertThat(e.getMessage())
        .startsWith("7 problems:")
        .contains(
            "security.yaml:2:20: tls.minimumProtocol: unsupported minimum protocol; value: TLSv1.1; allowed: [TLSv1.3, TLSv1.2]");
  }

  @Test
  void refusesCipherSuitesTheMinimumProtocolCouldNeverUse() {
    String text =
        """
        tls:
          cipherSuites:
            - TLS_AES_128_GCM_SHA256
            - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
            - TLS_AES_128_GCM_SHA256
            - RC4
        """;

    assertThatThrownBy(() -> SecurityPolicyLoader.parse("s.yaml", text))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.location().orElseThrow().line(), ConfigProblem::path)
                    .containsExactly(
                        tuple(4, "tls.cipherSuites[1]"),
                        tuple(5, "tls.cipherSuites[2]"),
                        tuple(6, "tls.cipherSuites[3]")));
  }

  @Test
  void aTls12MinimumNeedsItsCipherSuitesSpelledOut() {
    assertThatThrownBy(
            () -> SecurityPolicyLoader.parse("s.yaml", "tls: { minimumProtocol: TLSv1.2 }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "s.yaml:1:25: tls.minimumProtocol: a TLSv1.2 minimum needs cipherSuites");
  }

  @Test
  void syntaxErrorsAndHostileInputFailWithTheSharedReadersLocations() {
    assertThatThrownBy(() -> SecurityPolicyLoader.parse("s.yaml", "keys:\n  maximumAge: [90d\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("s.yaml:3:1: ");
    assertThatThrownBy(
            () ->
                SecurityPolicyLoader.parse("s.yaml", "keys: &k { maximumAge: 90d }\nsecrets: *k\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("anchors (&k) are not supported");
    assertThatThrownBy(() -> SecurityPolicyLoader.parse("s.yaml", "keys: {}\nkeys: {}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("duplicate key");
    byte[] big = ("# " + "x".repeat(1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SecurityPolicyLoader.parse("s.yaml", big))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void consumersCanLocateAProblemWithAField() {
    SecurityPolicyFile loaded = SecurityPolicyLoader.parse("s.yaml", "keys:\n  maximumAge: 900d\n");

    ConfigProblem problem =
        loaded.problem("keys.maximumAge", "900d", "too long for the KMS", "at most 365d");

    assertThat(problem.message())
        .isEqualTo(
            "s.yaml:2:15: keys.maximumAge: too long for the KMS; value: 900d; allowed: at most 365d");
    assertThat(loaded.problem("secrets.maximumAge", "90d", "x", "y").location())
        .isEqualTo(Optional.empty());
  }
}
