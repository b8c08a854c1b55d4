package dev.tdeveloper.security.waf;

import dev.tdeveloper.security.waf.seclang.SecLangParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Waf}: rule files in load order (or the CRS layout) and a {@link WafConfig}. Each
 * of {@link #crs} and {@link #config} may be called once. Not thread-safe.
 */
public final class WafBuilder {
  private final List<Path> files = new ArrayList<>();
  private WafConfig config;
  private boolean crs;

  WafBuilder() {}

  /**
   * Adds a rule file (loaded after the ones added before).
   *
   * @param file a SecLang file; its {@code Include}s are followed
   * @return this builder
   * @throws NullPointerException when {@code file} is null
   */
  public WafBuilder ruleFile(Path file) {
    files.add(Objects.requireNonNull(file, "file"));
    return this;
  }

  /**
   * Adds the OWASP CRS in {@code owasp-crs.load} order: {@code crs-setup.conf}, the optional {@code
   * REQUEST-900} exclusions, {@code rules/*.conf} sorted, the optional {@code RESPONSE-999}
   * exclusions.
   *
   * @param rulesDir the CRS directory holding {@code rules/} (Debian: {@code
   *     /usr/share/modsecurity-crs})
   * @param setupDir the directory holding {@code crs-setup.conf} (Debian: {@code
   *     /etc/modsecurity/crs})
   * @return this builder
   * @throws IllegalStateException when called twice
   * @throws WafException when the files are missing
   */
  public WafBuilder crs(Path rulesDir, Path setupDir) {
    if (crs) {
      throw new IllegalStateException("crs: already set");
    }
    crs = true;
    files.addAll(SecLangParser.crsFiles(rulesDir, setupDir));
    return this;
  }

  /**
   * Sets the configuration; default {@link WafConfig#defaults()}.
   *
   * @param value the configuration
   * @return this builder
   * @throws IllegalStateException when called twice
   */
  public WafBuilder config(WafConfig value) {
    Objects.requireNonNull(value, "config");
    if (config != null) {
      throw new IllegalStateException("config: already set");
    }
    config = value;
    return this;
  }

  /**
   * Parses and compiles the rules.
   *
   * @return the WAF
   * @throws WafException naming file:line and the token when a rule cannot be loaded
   * @throws IllegalStateException when no rule file was given
   */
  public Waf build() {
    if (files.isEmpty()) {
      throw new IllegalStateException("rule files: none; allowed: ruleFile(...) or crs(...)");
    }
    long start = System.nanoTime();
    var set = new SecLangParser().parse(List.copyOf(files));
    return new Waf(set, config == null ? WafConfig.defaults() : config, start);
  }
}
