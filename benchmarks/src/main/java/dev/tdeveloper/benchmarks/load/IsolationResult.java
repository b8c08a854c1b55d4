package dev.tdeveloper.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@link IsolationChecker} found: how many reads it checked, the violations (none
 * expected) and, per tenant, the metered usage expected from the counted requests against what the
 * demo metered. Isolation is 100% when there was no violation and every tenant's metered {@code
 * api_requests} and {@code notes_created} equal the expected counts exactly, with no request whose
 * metering could not be told. Immutable.
 *
 * @param counts the checks made, by name (listings, notes checked, reads, cross reads...)
 * @param violations how many reads showed a tenant another's data
 * @param examples up to {@value #EXAMPLES} violations, described
 * @param tenants per tenant: id, expected and metered requests and notes, uncertain requests,
 *     whether it is exact and whether it is a mismatch (outside what uncertain requests allow)
 */
public record IsolationResult(
    Map<String, Long> counts,
    long violations,
    List<String> examples,
    List<Map<String, Object>> tenants) {
  /** The most violations described in a result. */
  static final int EXAMPLES = 20;

  /** Copies the parts. */
  public IsolationResult {
    counts = Map.copyOf(counts);
    examples = List.copyOf(examples);
    tenants = List.copyOf(tenants);
  }

  /**
   * Builds the result from {@code checker}'s counts and {@code usage}: per tenant in roster order,
   * {expected requests, metered requests, uncertain requests, expected notes, metered notes}.
   */
  static IsolationResult of(Roster roster, IsolationChecker checker, long[][] usage) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("listings", checker.listings.get());
    counts.put("notesChecked", checker.notesChecked.get());
    counts.put("ownReads", checker.ownReads.get());
    counts.put("crossReads", checker.crossReads.get());
    counts.put("crossReadsNotFound", checker.crossNotFound.get());
    counts.put("usageReads", checker.usageReads.get());
    counts.put("checksDuringLoad", checker.duringLoad.get());
    counts.put("checksRefused", checker.refused.get());
    List<Map<String, Object>> tenants = new ArrayList<>();
    for (int i = 0; i < usage.length; i++) {
      long[] u = usage[i];
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", roster.tenants().get(i).id());
      t.put("expectedRequests", u[0]);
      t.put("meteredRequests", u[1]);
      t.put("uncertainRequests", u[2]);
      t.put("expectedNotes", u[3]);
      t.put("meteredNotes", u[4]);
      t.put("exact", u[0] == u[1] && u[2] == 0 && u[3] == u[4]);
      // Requests of unknown metering (no answer, 5xx) may or may not have been metered.
      t.put("mismatch", u[1] < u[0] || u[1] > u[0] + u[2] || u[4] < u[3] || u[4] > u[3] + u[2]);
      tenants.add(t);
    }
    return new IsolationResult(
        counts, checker.violations.get(), new ArrayList<>(checker.examples), tenants);
  }

  /** Returns how many tenants' metered usage matched exactly. */
  public long exactTenants() {
    return tenants.stream().filter(t -> Boolean.TRUE.equals(t.get("exact"))).count();
  }

  /** Returns how many tenants' metered usage lies outside what their counted requests allow. */
  public long mismatchedTenants() {
    return tenants.stream().filter(t -> Boolean.TRUE.equals(t.get("mismatch"))).count();
  }

  /** Whether no tenant saw another's data and every tenant's usage matched exactly. */
  public boolean passed() {
    return violations == 0 && exactTenants() == tenants.size();
  }

  /** Returns the report section: {@code isolationPercent} is 100 or 0 (passed or not). */
  public Map<String, Object> model() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("isolationPercent", passed() ? 100 : 0);
    m.put("violations", violations);
    m.put("violationExamples", examples);
    m.put("usageExactTenants", exactTenants());
    m.put("usageMismatchTenants", mismatchedTenants());
    m.put("usageUncertainTenants", tenants.size() - exactTenants() - mismatchedTenants());
    m.put("tenantsChecked", tenants.size());
    m.put("checks", counts);
    m.put(
        "usage",
        exactTenants() == tenants.size()
            ? "every tenant's metered api_requests and notes_created equal the counted ones"
            : "mismatches: see tenants");
    m.put("tenants", tenants);
    return m;
  }

  /** Returns a one-line summary of {@code model}'s {@code isolation} entry. */
  @SuppressWarnings("unchecked")
  static String summaryLine(Map<String, Object> model) {
    Map<String, Object> m = (Map<String, Object>) model.getOrDefault("isolation", Map.of());
    return "isolation "
        + m.get("isolationPercent")
        + "%: "
        + m.get("violations")
        + " violations, "
        + m.get("usageExactTenants")
        + "/"
        + m.get("tenantsChecked")
        + " tenants metered exactly, checks "
        + m.get("checks");
  }

  /** Returns the HTML section for {@code model}'s {@code isolation} entry, empty if it has none. */
  @SuppressWarnings("unchecked")
  static String html(Map<String, Object> model) {
    Object section = model.get("isolation");
    if (!(section instanceof Map<?, ?>)) {
      return "";
    }
    Map<String, Object> m = (Map<String, Object>) section;
    StringBuilder s = new StringBuilder("<h2>Isolation under load: ");
    s.append(m.get("isolationPercent")).append("%</h2><p>");
    s.append(m.get("violations")).append(" violations; ");
    s.append(m.get("usageExactTenants")).append(" of ").append(m.get("tenantsChecked"));
    s.append(" tenants metered exactly; checks: ");
    s.append(LoadReport.escape(String.valueOf(m.get("checks")))).append("</p>");
    for (Object example : (List<Object>) m.get("violationExamples")) {
      s.append("<p>violation: ").append(LoadReport.escape(String.valueOf(example))).append("</p>");
    }
    s.append("<table><tr><th>tenant</th><th>requests expected</th><th>metered</th>")
        .append("<th>notes expected</th><th>metered</th><th>uncertain</th><th>exact</th></tr>");
    for (Map<String, Object> t : (List<Map<String, Object>>) m.get("tenants")) {
      s.append("<tr>");
      for (String key :
          List.of(
              "id",
              "expectedRequests",
              "meteredRequests",
              "expectedNotes",
              "meteredNotes",
              "uncertainRequests",
              "exact")) {
        s.append("<td>").append(LoadReport.escape(String.valueOf(t.get(key)))).append("</td>");
      }
      s.append("</tr>");
    }
    return s.append("</table>").toString();
  }
}
