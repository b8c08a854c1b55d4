package dev.tdeveloper.security.waf;

import dev.tdeveloper.security.waf.seclang.SecLangParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Builds a {@link Waf}: rule files in load order (or the CRS layout) and a {@link WafConfig}. Each
 * of {@link #crs}, {@link #config} and the memo's bounds ({@link #valueMemo}, {@link #noValueMemo})
 * may be set once. Not thread-safe.
 */
public final class WafBuilder {
  private final List<Path> files = new ArrayList<>();
  private WafConfig config;
  private boolean crs;
  private MemoBounds memo;
  private Predicate<String> memoNamespaces;

  /**
   * The bounds of the per-tenant memos of per-value work ({@link #valueMemo}).
   *
   * @param tenants the tenants with a memo at once at most (a memo idle for {@link Waf#MEMO_IDLE}
   *     is dropped; no tenant's memo is ever dropped for another's); 0: no memo
   * @param entriesPerTenant the values each tenant's memo keeps at most
   * @param longestValue the longest value kept, in chars
   */
  record MemoBounds(int tenants, int entriesPerTenant, int longestValue) {
    static final MemoBounds DEFAULTS =
        new MemoBounds(DEFAULT_MEMO_TENANTS, DEFAULT_MEMO_ENTRIES, DEFAULT_MEMO_LONGEST);
    static final MemoBounds OFF = new MemoBounds(0, 0, 0);
  }

  /** Default of {@link #valueMemo}: tenants with a memo at most. */
  public static final int DEFAULT_MEMO_TENANTS = 256;

  /** Default of {@link #valueMemo}: values kept per tenant. */
  public static final int DEFAULT_MEMO_ENTRIES = 256;

  /** Default of {@link #valueMemo}: the longest value kept, in chars. */
  public static final int DEFAULT_MEMO_LONGEST = 256;

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
   * Bounds the memo each tenant (policy namespace) keeps of the work that is a pure function of a
   * value's text (its transformations and the rule set's literals in them), so that values
   * repeating from request to request (headers, cookies) are worked out once: decisions are the
   * same with or without it. Tenants never share a memo, so none can displace another's entries or
   * learn by timing what another sent. A tenant keeps its memo until it has been idle for {@link
   * Waf#MEMO_IDLE}: a memo is never taken from one tenant to give to another, so once {@code
   * tenants} memos exist, further tenants work without one until a memo idles out. Requests can
   * name any namespace, so accept only your tenants' with {@link #valueMemoNamespaces}. An entry
   * holds the value, at most twice its length of transformed values and a few small arrays: about
   * {@code 0.3 + 3 * longestValue / 512} KiB at most, so a tenant's memo holds at most about {@code
   * entriesPerTenant} times that. Default {@value #DEFAULT_MEMO_TENANTS} tenants, {@value
   * #DEFAULT_MEMO_ENTRIES} entries, {@value #DEFAULT_MEMO_LONGEST} chars; {@link #noValueMemo}
   * turns it off.
   *
   * @param tenants the tenants with a memo at once at most, 1 to 65,536
   * @param entriesPerTenant the values each tenant's memo keeps, 8 to 1,048,576 (rounded up to a
   *     power of two)
   * @param longestValue the longest value kept, in chars, 1 to 65,536
   * @return this builder
   * @throws IllegalArgumentException when a bound is out of range
   * @throws IllegalStateException when the memo was already set or turned off
   */
  public WafBuilder valueMemo(int tenants, int entriesPerTenant, int longestValue) {
    if (tenants < 1 || tenants > 1 << 16) {
      throw new IllegalArgumentException("tenants: " + tenants + "; allowed: 1 to 65536");
    }
    if (entriesPerTenant < 8 || entriesPerTenant > 1 << 20) {
      throw new IllegalArgumentException(
          "entriesPerTenant: " + entriesPerTenant + "; allowed: 8 to 1048576");
    }
    if (longestValue < 1 || longestValue > 1 << 16) {
      throw new IllegalArgumentException("longestValue: " + longestValue + "; allowed: 1 to 65536");
    }
    return memo(new MemoBounds(tenants, entriesPerTenant, longestValue));
  }

  /**
   * Which policy namespaces get a memo of per-value work ({@link #valueMemo}); default: every one.
   * A namespace comes from the request (the tenant it names), so a client naming many unknown
   * tenants could otherwise take the memos' places before real tenants arrive (never their entries,
   * never a wrong answer); give a test that accepts only tenants you know, e.g. your registry's.
   * The test runs once per transaction of a namespace without a memo, so it must be cheap.
   *
   * @param namespaces accepts the namespaces that may have a memo
   * @return this builder
   * @throws NullPointerException when {@code namespaces} is null
   * @throws IllegalStateException when already set
   */
  public WafBuilder valueMemoNamespaces(Predicate<String> namespaces) {
    Objects.requireNonNull(namespaces, "namespaces");
    if (memoNamespaces != null) {
      throw new IllegalStateException("valueMemoNamespaces: already set");
    }
    memoNamespaces = namespaces;
    return this;
  }

  /**
   * Turns the per-tenant memo of per-value work ({@link #valueMemo}) off: every transaction works
   * every value out afresh.
   *
   * @return this builder
   * @throws IllegalStateException when the memo was already set or turned off
   */
  public WafBuilder noValueMemo() {
    return memo(MemoBounds.OFF);
  }

  private WafBuilder memo(MemoBounds bounds) {
    if (memo != null) {
      throw new IllegalStateException("valueMemo: already set");
    }
    memo = bounds;
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
    return new Waf(
        set,
        config == null ? WafConfig.defaults() : config,
        start,
        memo == null ? MemoBounds.DEFAULTS : memo,
        memoNamespaces == null ? ns -> true : memoNamespaces);
  }
}
