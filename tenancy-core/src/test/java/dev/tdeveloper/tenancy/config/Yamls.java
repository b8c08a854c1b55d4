package dev.tdeveloper.tenancy.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;

/** Loads YAML text in tests, under the name {@code tenants.yaml}. */
final class Yamls {
  /** A small valid file used by several tests. */
  static final String EXAMPLE =
      """
      defaultPlan: free
      defaults:
        ratelimit: { requests-per-second: 5, burst: 10 }
        cache: { max-entries: 1000 }
      plans:
        free:
          settings:
            quota: { notes: { limit: 100, period: CALENDAR_MONTH } }
        pro:
          settings:
            ratelimit: { requests-per-second: 50 }
            quota: { notes: { limit: 10000, period: CALENDAR_MONTH } }
      tenants:
        acme:
          plan: pro
          displayName: Acme Corp
          homeRegion: eu-west-1
          isolation: SCHEMA
          timeZone: Europe/Paris
          attributes: { billing-id: cus_123 }
          settings: { ratelimit: { requests-per-second: 80 } }
        globex:
          plan: pro
      """;

  private Yamls() {}

  static TenantConfig load(String yaml) {
    return TenantConfigLoader.load("tenants.yaml", new StringReader(yaml));
  }

  static ConfigException loadError(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> load(yaml));
  }
}
