package dev.tdeveloper.security.posture;

import dev.tdeveloper.security.tls.TlsPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;

/**
 * Checks the protocols and cipher suites an endpoint enables (from its {@link TlsPolicy} or {@link
 * SSLParameters}) against the policy's minimum protocol and allowed suites.
 */
final class TlsCheck implements PostureCheck {
  static final String ID = "tls";

  /** Protocols with known breaks or deprecated by RFC 8996: a CRITICAL finding. */
  private static final Set<String> BROKEN =
      Set.of("SSLv2", "SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1");

  private final String endpoint;
  private final Supplier<Enabled> enabled;

  /** What an endpoint enables; a null list means the provider's defaults. */
  record Enabled(List<String> protocols, List<String> cipherSuites) {}

  private TlsCheck(String endpoint, Supplier<Enabled> enabled) {
    this.endpoint = Texts.requireLine("endpoint", endpoint, 100);
    this.enabled = enabled;
  }

  static TlsCheck ofPolicy(String endpoint, Supplier<TlsPolicy> policy) {
    return new TlsCheck(
        endpoint,
        () -> {
          TlsPolicy p = policy.get();
          return new Enabled(p.enabledProtocols(), p.cipherSuites());
        });
  }

  static TlsCheck ofParameters(String endpoint, Supplier<SSLParameters> parameters) {
    return new TlsCheck(
        endpoint,
        () -> {
          SSLParameters p = parameters.get();
          return new Enabled(list(p.getProtocols()), list(p.getCipherSuites()));
        });
  }

  private static List<String> list(String[] values) {
    return values == null ? null : List.copyOf(Arrays.asList(values));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> run(PostureContext context) {
    Enabled now = enabled.get();
    TlsPolicy required = context.policy().tls();
    Subject subject = Subject.platform("tls", endpoint);
    List<Finding> findings = new ArrayList<>();
    if (now.protocols() == null || now.cipherSuites() == null) {
      findings.add(
          new Finding(
              ID + ".provider-defaults",
              Severity.MEDIUM,
              subject,
              "endpoint '"
                  + endpoint
                  + "' leaves its protocols or cipher suites to the provider's defaults",
              "set the enabled protocols and cipher suites from the security policy (TlsPolicy.sslParameters)",
              "provider defaults",
              "explicit protocols and cipher suites"));
    }
    if (now.protocols() != null) {
      List<String> weak =
          now.protocols().stream().filter(p -> !required.enabledProtocols().contains(p)).toList();
      if (!weak.isEmpty()) {
        boolean broken = weak.stream().anyMatch(BROKEN::contains);
        findings.add(
            new Finding(
                ID + ".protocol",
                broken ? Severity.CRITICAL : Severity.HIGH,
                subject,
                "endpoint '"
                    + endpoint
                    + "' enables "
                    + weak
                    + " below the minimum "
                    + required.minimumProtocol(),
                "enable only " + required.enabledProtocols(),
                Texts.limit(String.join(", ", now.protocols())),
                Texts.limit(
                    required.minimumProtocol() + " or newer: " + required.enabledProtocols())));
      }
    }
    if (now.cipherSuites() != null) {
      List<String> extra =
          now.cipherSuites().stream().filter(s -> !required.cipherSuites().contains(s)).toList();
      if (!extra.isEmpty()) {
        findings.add(
            new Finding(
                ID + ".cipher-suites",
                Severity.HIGH,
                subject,
                "endpoint '"
                    + endpoint
                    + "' enables "
                    + extra.size()
                    + " cipher suite(s) the policy does not allow: "
                    + Texts.limit(extra.toString()),
                "enable only the policy's cipher suites",
                Texts.limit(String.join(", ", extra)),
                Texts.limit("only " + required.cipherSuites())));
      }
    }
    return findings;
  }
}
