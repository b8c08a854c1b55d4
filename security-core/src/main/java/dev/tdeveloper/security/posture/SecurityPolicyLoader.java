package dev.tdeveloper.security.posture;

import dev.tdeveloper.security.tls.TlsPolicy;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.YamlConfigFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a {@code security.yaml} file into a {@link SecurityPolicyFile}; the format is described in
 * {@code docs/security-yaml.md}. The file is read by tenancy-core's {@link YamlConfigFiles}, with
 * the limits of {@code tenants.yaml} (1 MiB, no aliases or anchors, 32 levels, no duplicate keys).
 *
 * <p>A file that does not parse fails with its syntax error; a file that parses is checked whole,
 * and every bad key or value is reported in one {@link ConfigException} whose {@link
 * ConfigException#problems()} give each one's {@code file:line:column}, field path, value and
 * allowed range. Thread-safe: holds no state.
 */
public final class SecurityPolicyLoader {
  /** The keys of the root mapping. */
  static final List<String> SECTIONS = List.of("tls", "keys", "secrets", "certificates", "tenants");

  private SecurityPolicyLoader() {}

  /**
   * Loads the file at {@code path}; problems name the file as {@code path.toString()}.
   *
   * @throws ConfigException listing every problem of the file
   */
  public static SecurityPolicyFile load(Path path) {
    Objects.requireNonNull(path, "path");
    return parse(path.toString(), YamlConfigFiles.read(path));
  }

  /**
   * Parses file content named {@code name} in problems.
   *
   * @throws ConfigException listing every problem of the content
   */
  public static SecurityPolicyFile parse(String name, byte[] content) {
    Objects.requireNonNull(name, "name");
    return bind(name, YamlConfigFiles.parse(name, content).orElse(null));
  }

  /**
   * Parses YAML text named {@code name} in problems.
   *
   * @throws ConfigException listing every problem of the text
   */
  public static SecurityPolicyFile parse(String name, String text) {
    Objects.requireNonNull(name, "name");
    return bind(name, YamlConfigFiles.parse(name, text).orElse(null));
  }

  private static SecurityPolicyFile bind(String name, Node root) {
    if (root == null) {
      throw new ConfigException(
          new ConfigLocation(name, 1, 1),
          "(root)",
          "the file is empty; expected a mapping with keys " + SECTIONS + " ({} for all defaults)");
    }
    Binding b = new Binding();
    Map<String, Node.MapNode> sections = b.sections(root);
    SecurityPolicy.Builder policy = SecurityPolicy.builder();
    Node.MapNode tls = sections.get("tls");
    if (tls != null) {
      b.keys(tls, List.of("minimumProtocol", "cipherSuites"));
      tls(b, tls).ifPresent(policy::tls);
    }
    Node.MapNode keys = sections.get("keys");
    if (keys != null) {
      b.keys(keys, List.of("maximumAge", "requirePerTenant"));
      b.age(keys, "maximumAge").ifPresent(policy::keyMaximumAge);
      b.bool(keys, "requirePerTenant").ifPresent(policy::requireTenantKey);
    }
    Node.MapNode secrets = sections.get("secrets");
    if (secrets != null) {
      b.keys(secrets, List.of("maximumAge"));
      b.age(secrets, "maximumAge").ifPresent(policy::secretMaximumAge);
    }
    Node.MapNode certificates = sections.get("certificates");
    if (certificates != null) {
      b.keys(certificates, List.of("minimumDaysLeft"));
      b.days(certificates, "minimumDaysLeft").ifPresent(policy::certificateMinimumDaysLeft);
    }
    Node.MapNode tenants = sections.get("tenants");
    if (tenants != null) {
      b.keys(tenants, List.of("requireQuota", "requireRateLimit"));
      b.bool(tenants, "requireQuota").ifPresent(policy::requireQuota);
      b.bool(tenants, "requireRateLimit").ifPresent(policy::requireRateLimit);
    }
    if (!b.problems.isEmpty()) {
      List<ConfigProblem> problems = new ArrayList<>(b.problems);
      problems.sort(ConfigProblem.IN_FILE_ORDER);
      throw new ConfigException(problems);
    }
    return new SecurityPolicyFile(name, policy.build(), b.locations);
  }

  private static Optional<TlsPolicy> tls(Binding b, Node.MapNode tls) {
    String minimum = b.text(tls, "minimumProtocol").orElse(TlsPolicy.TLS_1_3);
    String allowedProtocols = "[" + TlsPolicy.TLS_1_3 + ", " + TlsPolicy.TLS_1_2 + "]";
    Node minimumNode = tls.values().get("minimumProtocol");
    boolean minimumOk = minimum.equals(TlsPolicy.TLS_1_3) || minimum.equals(TlsPolicy.TLS_1_2);
    if (!minimumOk && minimumNode instanceof Node.ScalarNode) {
      b.problem(minimumNode, "unsupported minimum protocol", allowedProtocols);
    }
    List<String> suites = b.cipherSuites(tls, minimum).orElse(null);
    if (!minimumOk || b.failed(tls, "minimumProtocol") || b.failed(tls, "cipherSuites")) {
      return Optional.empty();
    }
    if (suites == null && minimum.equals(TlsPolicy.TLS_1_2)) {
      b.problem(
          minimumNode,
          "a " + TlsPolicy.TLS_1_2 + " minimum needs cipherSuites listing a TLS 1.2 suite",
          "set tls.cipherSuites, or minimumProtocol " + TlsPolicy.TLS_1_3);
      return Optional.empty();
    }
    try {
      return Optional.of(
          new TlsPolicy(minimum, suites == null ? TlsPolicy.DEFAULT_CIPHER_SUITES : suites));
    } catch (IllegalArgumentException e) {
      Node at = tls.values().getOrDefault("cipherSuites", tls);
      b.problem(at, e.getMessage(), "a valid TLS policy: see docs/security-yaml.md");
      return Optional.empty();
    }
  }

  /** Collects problems and locations while binding one file. */
  private static final class Binding extends TreeBinding {
    final Map<String, ConfigLocation> locations = new LinkedHashMap<>();

    Map<String, Node.MapNode> sections(Node root) {
      Map<String, Node.MapNode> sections = new LinkedHashMap<>();
      Node.MapNode map = mapping(root).orElse(null);
      if (map == null) {
        return sections;
      }
      keys(map, SECTIONS);
      map.values()
          .forEach(
              (key, value) -> {
                if (SECTIONS.contains(key)) {
                  mapping(value).ifPresent(m -> sections.put(key, m));
                }
              });
      return sections;
    }

    @Override
    void found(Node node) {
      locations.put(node.path(), node.location());
    }
  }
}
