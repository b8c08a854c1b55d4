package dev.tdeveloper.demo;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.Interruption;
import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafConfig;
import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.resolve.TenantResolver;
import dev.tdeveloper.web.tenant.ServletRequestView;
import dev.tdeveloper.web.waf.WafFilter;
import dev.tdeveloper.web.waf.WafFilterEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's WAF: the OWASP CRS 3.3.4 at paranoia level 1 when it is installed, else (with a
 * warning) the bundled baseline set {@value #BASELINE_RESOURCE}, which also runs when the CRS is
 * there but fails to load (the error is logged and shown on {@code /ops}: a demo that refuses to
 * start over a broken rules package is worse than one that says loudly which set runs). Each
 * tenant's paranoia level, mode and threshold come from {@code tenants.yaml} ({@link
 * DemoWafPolicies}). Counts requests inspected, matched, interrupted and faults for {@code /ops},
 * and logs every match with its tenant. With {@link DemoWafOptions#mode()} {@code OFF} no rule is
 * loaded and the filter is not installed. Thread-safe.
 */
final class DemoWaf {
  private static final Logger LOG = LoggerFactory.getLogger(DemoWaf.class);

  /** The bundled rule set, a class-path resource: {@value}. */
  static final String BASELINE_RESOURCE = "/waf/baseline.conf";

  /** The demo's CRS site setup (allowed methods and content types), loaded before the CRS. */
  static final String SETUP_RESOURCE = "/waf/demo-crs-setup.conf";

  /** Which rule set runs. */
  enum RuleSource {
    /** The OWASP CRS from {@link DemoWafOptions#crsDir()}. */
    CRS,
    /** The bundled {@value #BASELINE_RESOURCE}. */
    BASELINE,
    /** None: the WAF is off. */
    NONE
  }

  private final DemoWafOptions options;
  private final Optional<Waf> waf;
  private final RuleSource source;
  private final Optional<String> fallbackReason;
  private final String location;
  final DemoWafPolicies policies;
  private final LongAdder inspected = new LongAdder();
  private final LongAdder matched = new LongAdder();
  private final LongAdder interrupted = new LongAdder();
  private final LongAdder detected = new LongAdder();
  private final LongAdder faults = new LongAdder();

  /**
   * Loads the rules {@code options} select (the baseline set is copied to {@code
   * <dataDir>/waf/baseline.conf} to be read) and the policies of {@code config}.
   *
   * @throws dev.tdeveloper.tenancy.config.ConfigException if a {@code waf.*} setting is bad
   * @throws WafException if the bundled baseline set cannot be loaded (a bug of the demo)
   */
  DemoWaf(DemoWafOptions options, Path dataDir, TenantConfig config) {
    this(options, dataDir, config, id -> Optional.empty());
  }

  /**
   * As {@link #DemoWaf(DemoWafOptions, Path, TenantConfig)}, each tenant's policy on the plan
   * {@code planLookup} answers (the registry's), else on its plan in the file.
   */
  DemoWaf(
      DemoWafOptions options,
      Path dataDir,
      TenantConfig config,
      Function<TenantId, Optional<String>> planLookup) {
    this.options = options;
    this.policies = DemoWafPolicies.of(config, planLookup);
    WafConfig wafConfig = WafConfig.defaults().withMode(options.mode());
    if (options.mode() == EngineMode.OFF) {
      waf = Optional.empty();
      source = RuleSource.NONE;
      fallbackReason = Optional.empty();
      location = "";
      LOG.warn("WAF is off (--waf off): requests reach the notes API uninspected");
      return;
    }
    Optional<String> reason;
    Waf loaded = null;
    if (!Files.isDirectory(options.crsDir().resolve("rules"))) {
      reason =
          Optional.of(
              "OWASP CRS not found in "
                  + options.crsDir()
                  + " (apt-get install modsecurity-crs, or --crs-dir)");
    } else {
      try {
        loaded =
            Waf.builder()
                .ruleFile(extract(dataDir, SETUP_RESOURCE))
                .crs(options.crsDir(), options.crsSetup())
                .config(wafConfig)
                .valueMemoNamespaces(ns -> registered(ns, planLookup))
                .build();
        reason = Optional.empty();
      } catch (WafException | IllegalStateException e) {
        reason = Optional.of("OWASP CRS in " + options.crsDir() + " failed to load: " + e);
      }
    }
    if (loaded != null) {
      waf = Optional.of(loaded);
      source = RuleSource.CRS;
      location = options.crsDir().toString();
      fallbackReason = Optional.empty();
      LOG.info(
          "WAF: OWASP CRS from {} ({} rules, loaded in {} ms), mode {}",
          location,
          loaded.ruleCount(),
          loaded.loadTime().toMillis(),
          options.mode());
      return;
    }
    Path baseline = extract(dataDir, BASELINE_RESOURCE);
    waf = Optional.of(Waf.builder().ruleFile(baseline).config(wafConfig).build());
    source = RuleSource.BASELINE;
    location = "classpath:" + BASELINE_RESOURCE;
    fallbackReason = reason;
    LOG.warn(
        "WAF: {}; running the small bundled baseline rule set instead ({} rules), mode {}",
        reason.orElseThrow(),
        waf.get().ruleCount(),
        options.mode());
  }

  /** Returns the WAF; empty when it is off. */
  Optional<Waf> waf() {
    return waf;
  }

  /** Returns which rule set runs. */
  RuleSource source() {
    return source;
  }

  /**
   * Whether a WAF policy namespace may keep a memo of per-value work: a registered tenant's (or the
   * tenant-less default's), never a name a request made up, which would take a tenant's place.
   */
  static boolean registered(String namespace, Function<TenantId, Optional<String>> planLookup) {
    return namespace.isEmpty()
        || (TenantId.isValid(namespace) && planLookup.apply(TenantId.of(namespace)).isPresent());
  }

  /**
   * Returns the policy of the tenant a request names, resolved with the tenant filter's own {@code
   * resolver} (cheap: a header and the host name, no registry lookup); empty (the WAF's defaults)
   * when it names none or a malformed one, which the tenant filter refuses after the WAF.
   */
  Optional<WafPolicy> policyFor(TenantResolver resolver, HttpServletRequest request) {
    inspected.increment(); // the filter asks once per request it inspects
    try {
      return resolver.resolve(ServletRequestView.of(request)).map(policies::forTenant);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The filter for the notes API, with the tenant policies resolved by {@code resolver} and every
   * event counted and logged; empty when the WAF is off.
   */
  Optional<WafFilter> filter(TenantResolver resolver) {
    return waf.map(
        w ->
            WafFilter.builder()
                .waf(w)
                .policyResolver(request -> policyFor(resolver, request))
                .listener(this::onEvent)
                .build());
  }

  /** Counts and logs one event of the filter (published only for requests with a match). */
  void onEvent(WafFilterEvent event) {
    String tenant = event.tenant().orElse("");
    if (event instanceof WafFilterEvent.Interrupted i) {
      record(tenant, i.requestId(), i.matches(), Optional.of(i.interruption()), Optional.empty());
    } else if (event instanceof WafFilterEvent.Detected d) {
      record(tenant, d.requestId(), d.matches(), Optional.empty(), Optional.of(d.interruption()));
    } else if (event instanceof WafFilterEvent.Matched m) {
      record(tenant, m.requestId(), m.matches(), Optional.empty(), Optional.empty());
    } else if (event instanceof WafFilterEvent.Failed f) {
      faults.increment();
      LOG.warn(
          "WAF failed open: tenant {} request {}: {}",
          tenant.isEmpty() ? "(no tenant)" : tenant,
          f.requestId(),
          DemoLog.masked(f.error().toString()));
    }
  }

  /**
   * Counts and logs one request with matches: every match (with its tenant, the request id and what
   * matched, PII masked) and the decision.
   *
   * @param tenant the tenant namespace of the policy used ({@code ""} when none)
   * @param requestId the request id the client sees
   * @param matches the matches of the request's transaction
   * @param interruption the interruption carried out; empty when the request passed
   * @param wouldInterrupt in detection-only mode, the interruption that was not carried out
   */
  void record(
      String tenant,
      String requestId,
      List<WafMatch> matches,
      Optional<Interruption> interruption,
      Optional<Interruption> wouldInterrupt) {
    String who = tenant.isEmpty() ? "(no tenant)" : tenant;
    boolean anyMatch = false;
    for (WafMatch m : matches) {
      if (m.isError()) {
        faults.increment();
        LOG.warn("WAF fault: tenant {} request {} rule {}: {}", who, requestId, m.ruleId(), m);
        continue;
      }
      anyMatch = true;
      LOG.info(
          "WAF match: tenant {} request {} rule {} '{}' {}: {}",
          who,
          requestId,
          m.ruleId(),
          m.message(),
          m.variableName(),
          DemoLog.excerpt(m.data()));
    }
    if (anyMatch) {
      matched.increment();
    }
    interruption.ifPresent(
        i -> {
          interrupted.increment();
          LOG.warn(
              "WAF blocked: tenant {} request {} by rule {} with {}",
              who,
              requestId,
              i.ruleId(),
              i.status());
        });
    wouldInterrupt.ifPresent(
        i -> {
          detected.increment();
          LOG.warn(
              "WAF would block (detection only): tenant {} request {} by rule {}",
              who,
              requestId,
              i.ruleId());
        });
  }

  /**
   * Returns the {@code /ops} view: rule set and where it comes from (and why the baseline runs),
   * mode, rule counts per file and in total, load time, tenants with their own policy, counters.
   */
  Map<String, Object> status() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("mode", options.mode().name());
    view.put("ruleSet", source.name().toLowerCase(Locale.ROOT));
    view.put("source", location);
    fallbackReason.ifPresent(r -> view.put("fallbackReason", r));
    waf.ifPresent(
        w -> {
          view.put("paranoiaLevel", w.config().paranoiaLevel());
          view.put("inboundThreshold", w.config().inboundThreshold());
          view.put("rules", w.ruleCount());
          Map<String, Integer> files = new LinkedHashMap<>();
          w.rulesPerFile()
              .forEach(
                  (file, count) -> {
                    String name = shortName(file);
                    files.put(files.containsKey(name) ? file : name, count);
                  });
          view.put("rulesPerFile", files);
          view.put("loadTimeMs", w.loadTime().toMillis());
        });
    view.put("tenantPolicies", policies.overrides());
    Map<String, Object> counters = new LinkedHashMap<>();
    counters.put("inspected", inspected.sum());
    counters.put("matched", matched.sum());
    counters.put("interrupted", interrupted.sum());
    counters.put("detectedOnly", detected.sum());
    counters.put("faults", faults.sum());
    view.put("counters", counters);
    return view;
  }

  /** A rule file's name without its directory. */
  private static String shortName(String file) {
    return Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
  }

  /** Copies a bundled rule file to {@code <dataDir>/waf/<name>}, replacing any. */
  private static Path extract(Path dataDir, String resource) {
    Path target = dataDir.resolve("waf").resolve(resource.substring(resource.lastIndexOf('/') + 1));
    try (InputStream in = DemoWaf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the demo jar lacks " + resource);
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
