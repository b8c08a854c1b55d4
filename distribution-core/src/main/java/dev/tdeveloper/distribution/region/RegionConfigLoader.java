package dev.tdeveloper.distribution.region;

import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.YamlConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a {@code regions.yaml} file into a {@link DistributionConfig}; the format is described in
 * {@code docs/regions-yaml.md}. The file is read by tenancy-core's {@link YamlConfigFiles} with the
 * limits of {@code tenants.yaml} (1 MiB, UTF-8, no aliases or anchors, 32 levels, no duplicate
 * keys, one document).
 *
 * <p>A file that does not parse fails with its syntax error; a file that parses is checked whole,
 * and every bad key or value is reported in one {@link ConfigException} whose {@link
 * ConfigException#problems()} give each one's {@code file:line:column}, field path, value and what
 * is allowed, in file order: unknown keys (with a did-you-mean), wrong types, out-of-range values,
 * duplicate endpoint ids, an endpoint in a zone its region does not list, a region a policy names
 * that the file does not declare, weights that sum to zero, an unknown default policy, a residency
 * policy that allows no region of the catalog for storage, processing or replicas, and a tenant
 * assigned an unknown residency policy or with an invalid id.
 *
 * <p>Thread-safe: holds no state.
 */
public final class RegionConfigLoader {
  private RegionConfigLoader() {}

  /**
   * Loads the file at {@code path}; problems name the file as {@code path.toString()}.
   *
   * @param path the file
   * @return the configuration
   * @throws ConfigException when the file does not exist or cannot be read, or listing every
   *     problem of its content
   */
  public static DistributionConfig load(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(
          "regions configuration "
              + path
              + (Files.exists(path) ? " is not a regular file" : " does not exist")
              + "; expected a regions.yaml file (see docs/regions-yaml.md)");
    }
    String name = path.toString();
    return RegionConfigBinder.bind(
        name, YamlConfigFiles.parse(name, YamlConfigFiles.read(path)).orElse(null));
  }

  /**
   * Parses YAML text named {@code name} in problems.
   *
   * @param name the name problems give the text, {@code regions.yaml} for example
   * @param text the YAML text
   * @return the configuration
   * @throws NullPointerException if an argument is null
   * @throws ConfigException listing every problem of the text
   */
  public static DistributionConfig parse(String name, String text) {
    Objects.requireNonNull(name, "name");
    return RegionConfigBinder.bind(name, YamlConfigFiles.parse(name, text).orElse(null));
  }
}
