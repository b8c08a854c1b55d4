package dev.tdeveloper.security.posture;

import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SecurityPolicy} as loaded from a {@code security.yaml} file, with where each field was
 * written, so that a consumer's {@link dev.tdeveloper.tenancy.config.ConfigValidator} can report a
 * value it refuses at its {@code file:line:column}. Immutable and thread-safe.
 *
 * @param source the file's name, as given to the loader
 * @param policy the policy; fields the file leaves out have their defaults
 * @param locations where each field written in the file is, by dotted path (for example {@code
 *     keys.maximumAge})
 */
public record SecurityPolicyFile(
    String source, SecurityPolicy policy, Map<String, ConfigLocation> locations) {
  /** Checks and copies the fields. */
  public SecurityPolicyFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(policy, "policy");
    locations = Map.copyOf(locations);
  }

  /** Returns where field {@code path} is written, if the file sets it. */
  public Optional<ConfigLocation> location(String path) {
    return Optional.ofNullable(locations.get(Objects.requireNonNull(path, "path")));
  }

  /**
   * Returns a problem with field {@code path} (located when the file sets it, so a default that a
   * consumer refuses is reported without a location).
   *
   * @param path the dotted field path, for example {@code tls.minimumProtocol}
   * @param value the offending value as written
   * @param problem what is wrong
   * @param allowed what would be accepted
   */
  public ConfigProblem problem(String path, String value, String problem, String allowed) {
    return new ConfigProblem(
        location(path),
        path,
        Optional.of(Objects.requireNonNull(value, "value")),
        problem,
        Optional.of(Objects.requireNonNull(allowed, "allowed")));
  }
}
