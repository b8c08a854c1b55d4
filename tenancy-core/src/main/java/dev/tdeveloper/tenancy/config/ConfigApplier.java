package dev.tdeveloper.tenancy.config;

/**
 * Puts an accepted configuration in force in one consumer (swaps its rate limits, provisions the
 * tenants it newly lists, ...). Appliers run only on configurations every {@link ConfigValidator}
 * accepted, in registration order, on one thread at a time.
 *
 * <p>An applier that throws makes the whole reload fail: the configuration in force stays the
 * previous one for everyone, and every applier that already took the new configuration (the one
 * that threw included) is called again with the previous one. An applier must therefore accept
 * being called again with a configuration it already applied; an effect that re-applying the
 * previous configuration cannot undo (such as provisioning a tenant) belongs in an applier
 * registered last.
 *
 * @param <C> the configuration type, for example {@link TenantConfig}
 */
@FunctionalInterface
public interface ConfigApplier<C> {
  /**
   * Puts {@code config} in force in this consumer.
   *
   * @throws RuntimeException if it cannot; the reload then fails and is rolled back
   */
  void apply(C config);
}
