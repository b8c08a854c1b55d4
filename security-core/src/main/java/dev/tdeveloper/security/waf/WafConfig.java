package dev.tdeveloper.security.waf;

import dev.tdeveloper.tenancy.time.Ticker;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Waf} runs its rules, on top of what the rule files say. Immutable.
 *
 * @param mode overrides {@code SecRuleEngine} when present
 * @param paranoiaLevel the CRS paranoia level (1 to 4) set as {@code tx.paranoia_level} before the
 *     first rule, unless a tenant policy gives another; default 1
 * @param inboundThreshold {@code tx.inbound_anomaly_score_threshold}, at least 1; default 5
 * @param outboundThreshold {@code tx.outbound_anomaly_score_threshold}, at least 1; default 4
 * @param requestBodyAccess overrides {@code SecRequestBodyAccess}; default true (as {@code
 *     modsecurity.conf-recommended}, which CRS expects)
 * @param requestBodyLimit overrides {@code SecRequestBodyLimit} in bytes when present
 * @param requestBodyLimitReject overrides {@code SecRequestBodyLimitAction} when present (true:
 *     Reject with 413; false: ProcessPartial)
 * @param responseBodyAccess overrides {@code SecResponseBodyAccess} when present
 * @param jsonAndXmlByContentType whether JSON and XML bodies get their processors by {@code
 *     Content-Type}, as the recommended rules 200000/200001 do; default true
 * @param clock wall time for {@code TIME*}
 * @param ticker monotonic time for {@code DURATION} and collection expiry
 */
public record WafConfig(
    Optional<EngineMode> mode,
    int paranoiaLevel,
    int inboundThreshold,
    int outboundThreshold,
    boolean requestBodyAccess,
    Optional<Long> requestBodyLimit,
    Optional<Boolean> requestBodyLimitReject,
    Optional<Boolean> responseBodyAccess,
    boolean jsonAndXmlByContentType,
    InstantSource clock,
    Ticker ticker) {
  /** Validates. */
  public WafConfig {
    Objects.requireNonNull(mode, "mode");
    if (paranoiaLevel < 1 || paranoiaLevel > 4) {
      throw new IllegalArgumentException("paranoiaLevel: " + paranoiaLevel + "; allowed: 1 to 4");
    }
    if (inboundThreshold < 1) {
      throw new IllegalArgumentException(
          "inboundThreshold: " + inboundThreshold + "; allowed: >= 1");
    }
    if (outboundThreshold < 1) {
      throw new IllegalArgumentException(
          "outboundThreshold: " + outboundThreshold + "; allowed: >= 1");
    }
    Objects.requireNonNull(requestBodyLimit, "requestBodyLimit");
    requestBodyLimit.ifPresent(
        l -> {
          if (l < 1) {
            throw new IllegalArgumentException("requestBodyLimit: " + l + "; allowed: >= 1");
          }
        });
    Objects.requireNonNull(requestBodyLimitReject, "requestBodyLimitReject");
    Objects.requireNonNull(responseBodyAccess, "responseBodyAccess");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ticker, "ticker");
  }

  /**
   * The defaults: the rule files' engine mode and body settings, body access on, PL1, thresholds 5
   * and 4, JSON/XML by content type, system clocks.
   *
   * @return the defaults
   */
  public static WafConfig defaults() {
    return new WafConfig(
        Optional.empty(),
        1,
        5,
        4,
        true,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        true,
        InstantSource.system(),
        Ticker.system());
  }

  /**
   * This config with another mode.
   *
   * @param newMode the mode
   * @return a copy
   */
  public WafConfig withMode(EngineMode newMode) {
    return new WafConfig(
        Optional.of(newMode),
        paranoiaLevel,
        inboundThreshold,
        outboundThreshold,
        requestBodyAccess,
        requestBodyLimit,
        requestBodyLimitReject,
        responseBodyAccess,
        jsonAndXmlByContentType,
        clock,
        ticker);
  }

  /**
   * This config with other clocks: injected time for tests, or a shared clock of the application.
   *
   * @param newClock wall time for {@code TIME*}
   * @param newTicker monotonic time for {@code DURATION}, collection and memo expiry
   * @return a copy
   * @throws NullPointerException when either is null
   */
  public WafConfig withClocks(InstantSource newClock, Ticker newTicker) {
    return new WafConfig(
        mode,
        paranoiaLevel,
        inboundThreshold,
        outboundThreshold,
        requestBodyAccess,
        requestBodyLimit,
        requestBodyLimitReject,
        responseBodyAccess,
        jsonAndXmlByContentType,
        newClock,
        newTicker);
  }

  /**
   * This config with another paranoia level.
   *
   * @param level 1 to 4
   * @return a copy
   */
  public WafConfig withParanoiaLevel(int level) {
    return new WafConfig(
        mode,
        level,
        inboundThreshold,
        outboundThreshold,
        requestBodyAccess,
        requestBodyLimit,
        requestBodyLimitReject,
        responseBodyAccess,
        jsonAndXmlByContentType,
        clock,
        ticker);
  }

  /**
   * This config with another request body limit and action.
   *
   * @param limit bytes, at least 1
   * @param reject true for Reject (413), false for ProcessPartial
   * @return a copy
   */
  public WafConfig withRequestBodyLimit(long limit, boolean reject) {
    return new WafConfig(
        mode,
        paranoiaLevel,
        inboundThreshold,
        outboundThreshold,
        requestBodyAccess,
        Optional.of(limit),
        Optional.of(reject),
        responseBodyAccess,
        jsonAndXmlByContentType,
        clock,
        ticker);
  }
}
