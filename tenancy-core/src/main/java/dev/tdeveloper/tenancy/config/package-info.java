/**
 * Layered tenant configuration loaded from a {@code tenants.yaml} file: plans, the tenants known at
 * deploy time, and per-tenant settings resolved from three layers, {@linkplain ConfigLayer#DEFAULTS
 * defaults} &lt;- {@linkplain ConfigLayer#PLAN plan} &lt;- {@linkplain ConfigLayer#TENANT tenant
 * override}. Load a file with {@link dev.tdeveloper.tenancy.config.TenantConfigLoader}, or keep one
 * current with {@link dev.tdeveloper.tenancy.config.ReloadableTenantConfig}; read settings through
 * {@link dev.tdeveloper.tenancy.config.TenantSettings}. The full reference is {@code
 * docs/tenants-yaml.md}.
 *
 * <h2>Format</h2>
 *
 * <pre>{@code
 * defaultPlan: free                 # plan of tenants not listed below; default "free"
 * defaults:                         # settings every tenant gets
 *   ratelimit: { requests-per-second: 5, burst: 10 }
 * plans:                            # plan name -> { settings }
 *   free: { settings: { quota: { notes: { limit: 100, period: CALENDAR_MONTH } } } }
 *   pro:  { settings: { ratelimit: { requests-per-second: 50 } } }
 * tenants:                          # tenant id -> definition, every field optional
 *   acme:
 *     plan: pro                     # default: defaultPlan; must be declared under plans
 *     displayName: Acme Corp        # default: the id; 1-200 characters
 *     homeRegion: eu-west-1         # default: local
 *     isolation: SCHEMA             # DATABASE | SCHEMA | ROW (any case); default ROW
 *     timeZone: Europe/Paris        # a java.time.ZoneId; default UTC
 *     attributes: { billing-id: cus_123 }   # string -> scalar, kept as text
 *     settings: { ratelimit: { requests-per-second: 80 } }
 * }</pre>
 *
 * <p>No other keys are allowed at any level. A key with an empty value counts as an empty mapping.
 * Tenant ids follow {@link dev.tdeveloper.tenancy.TenantId}; plan names match {@code
 * [a-z0-9][a-z0-9._-]{0,62}}. Tenants read from the file are {@link dev.tdeveloper.tenancy.Tenant}s
 * in status {@code ACTIVE}; a tenant not in the file is on the default plan with no overrides.
 *
 * <h2>Settings</h2>
 *
 * <p>A {@code settings} mapping nests sections down to scalars and is flattened into dotted keys
 * ({@code quota: {notes: {limit: 100}}} and {@code quota.notes.limit: 100} are the same key). Each
 * dot-separated part matches {@code [a-z0-9][a-z0-9_-]{0,62}}. Values are strings, integers, floats
 * or booleans (only {@code true}/{@code false}: {@code yes}, {@code on} stay strings); sequences
 * and nulls are refused (leave a key out to inherit it). A key may be set once per layer, and may
 * not be a value in one place and a section in another. Keys are free-form: the code that reads a
 * setting chooses its type through {@link dev.tdeveloper.tenancy.config.TenantSettings}.
 *
 * <h2>Errors and limits</h2>
 *
 * <p>Every problem is a {@link dev.tdeveloper.tenancy.config.ConfigException} reading {@code
 * file:line:column: field.path: problem}: malformed YAML, unknown keys, wrong types, invalid tenant
 * ids or plan names, unknown plans, bad zone ids or isolation modes, duplicate keys (Jackson's
 * {@code STRICT_DUPLICATE_DETECTION}), an empty file. Files over 1 MiB are refused unread; aliases
 * are refused (nothing is expanded, so no alias bombs), as are anchors on collections; nesting is
 * limited to 32 levels; one YAML document per file. Other modules read their own files ({@code
 * security.yaml}, ...) with the same reader and limits through {@link
 * dev.tdeveloper.tenancy.config.YamlConfigFiles}, and bind the {@link
 * dev.tdeveloper.tenancy.config.Node} tree it returns.
 *
 * <h2>Reloading: all consumers or none</h2>
 *
 * <p>Every consumer of the file registers a {@link dev.tdeveloper.tenancy.config.ConfigValidator}
 * on the {@link dev.tdeveloper.tenancy.config.ReloadableTenantConfig.Builder} and a {@link
 * dev.tdeveloper.tenancy.config.ConfigApplier} on the built holder. A reload runs every validator
 * on the parsed candidate and is rejected as a whole, with every {@link
 * dev.tdeveloper.tenancy.config.ConfigProblem} found (file:line:column, field path, value, allowed
 * range), if any reports one; an accepted reload is applied to every consumer, and rolled back for
 * all if one fails. {@link dev.tdeveloper.tenancy.config.ConfigConsumers} holds that rule so other
 * configuration files ({@code regions.yaml}, {@code scaling.yaml}, ...) reuse it.
 *
 * <p>Design choice: the file is read token by token with Jackson's streaming YAML parser into a
 * small tree that records each value's {@code JsonParser.currentTokenLocation()} and field path,
 * and the schema is then checked on that tree. Unlike data binding followed by validation, this
 * keeps a precise location for semantic errors found after parsing (an unknown plan, a setting
 * defined as both value and section) and for typed-access errors long after loading ({@link
 * dev.tdeveloper.tenancy.config.TenantSettings#location(String)}); syntax errors keep the location
 * Jackson and SnakeYAML report, and the field path comes from the parser's context.
 */
package dev.tdeveloper.tenancy.config;
