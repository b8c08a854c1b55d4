package dev.tdeveloper.security.waf.seclang;

import dev.tdeveloper.security.waf.EngineMode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The engine directives of a rule set, with ModSecurity v3's defaults where a directive is absent.
 *
 * @param ruleEngine {@code SecRuleEngine}; default {@link EngineMode#ON}
 * @param requestBodyAccess {@code SecRequestBodyAccess}; default false (CRS deployments turn it on)
 * @param requestBodyLimit {@code SecRequestBodyLimit} in bytes; default 13,107,200
 * @param requestBodyNoFilesLimit {@code SecRequestBodyNoFilesLimit} in bytes; default 131,072
 * @param requestBodyLimitReject {@code SecRequestBodyLimitAction}: true for {@code Reject} (the
 *     default), false for {@code ProcessPartial}
 * @param responseBodyAccess {@code SecResponseBodyAccess}; default false
 * @param responseBodyLimit {@code SecResponseBodyLimit} in bytes; default 524,288
 * @param responseBodyLimitReject {@code SecResponseBodyLimitAction}: true for {@code Reject} (the
 *     default), false for {@code ProcessPartial}
 * @param responseBodyMimeTypes {@code SecResponseBodyMimeType}; default {@code text/plain} and
 *     {@code text/html}
 * @param collectionTimeoutSeconds {@code SecCollectionTimeout}; default 3,600
 * @param argumentSeparator {@code SecArgumentSeparator}; default {@code &}
 * @param componentSignatures {@code SecComponentSignature} values in order
 */
public record EngineSettings(
    EngineMode ruleEngine,
    boolean requestBodyAccess,
    long requestBodyLimit,
    long requestBodyNoFilesLimit,
    boolean requestBodyLimitReject,
    boolean responseBodyAccess,
    long responseBodyLimit,
    boolean responseBodyLimitReject,
    Set<String> responseBodyMimeTypes,
    long collectionTimeoutSeconds,
    char argumentSeparator,
    List<String> componentSignatures) {
  /** Validates and copies. */
  public EngineSettings {
    Objects.requireNonNull(ruleEngine, "ruleEngine");
    responseBodyMimeTypes = Set.copyOf(responseBodyMimeTypes);
    componentSignatures = List.copyOf(componentSignatures);
  }

  /**
   * ModSecurity v3's defaults.
   *
   * @return the settings of an empty configuration
   */
  public static EngineSettings defaults() {
    return new EngineSettings(
        EngineMode.ON,
        false,
        13_107_200,
        131_072,
        true,
        false,
        524_288,
        true,
        Set.of("text/plain", "text/html"),
        3_600,
        '&',
        List.of());
  }
}
