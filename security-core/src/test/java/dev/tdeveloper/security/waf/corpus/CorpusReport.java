package dev.tdeveloper.security.waf.corpus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Rates per paranoia level and the markdown report of a corpus run. */
final class CorpusReport {

  private CorpusReport() {}

  /** Share of outcomes at this level that satisfy {@code test}, in percent. */
  static double rate(
      List<CorpusReplay.Outcome> outcomes, int pl, Predicate<CorpusReplay.Outcome> test) {
    long total = outcomes.stream().filter(o -> o.pl() == pl).count();
    long hit = outcomes.stream().filter(o -> o.pl() == pl).filter(test).count();
    return total == 0 ? 0 : 100.0 * hit / total;
  }

  static String markdown(List<CorpusReplay.Outcome> attacks, List<CorpusReplay.Outcome> benign) {
    StringBuilder sb = new StringBuilder("# WAF corpus: OWASP CRS 3.3.4\n\n");
    sb.append(
        String.format(
            "%d attack and %d benign requests; blocked = inbound anomaly score >= %d.%n%n",
            attacks.size() / 4, benign.size() / 4, CorpusReplay.THRESHOLD));
    sb.append("| PL | detection | false positives |\n|---|---|---|\n");
    for (int pl = 1; pl <= 4; pl++) {
      sb.append(
          String.format(
              "| %d | %.1f %% | %.1f %% |%n",
              pl,
              rate(attacks, pl, CorpusReplay.Outcome::blocked),
              rate(benign, pl, CorpusReplay.Outcome::blocked)));
    }
    sb.append("\n## Detection per attack family\n\n| family | n | PL1 | PL2 | PL3 | PL4 |\n");
    sb.append("|---|---|---|---|---|---|\n");
    appendPerFamily(sb, attacks);
    sb.append("\n## False positives per benign shape\n\n| shape | n | PL1 | PL2 | PL3 | PL4 |\n");
    sb.append("|---|---|---|---|---|---|\n");
    appendPerFamily(sb, benign);
    sb.append("\n## Benign requests blocked at PL1 and PL2 (rule ids)\n\n");
    for (CorpusReplay.Outcome o : benign) {
      if (o.pl() <= 2 && o.blocked()) {
        sb.append(
            String.format(
                "- PL%d %s: score %d, rules %s%n",
                o.pl(), o.request().id(), o.score(), o.ruleIds()));
      }
    }
    sb.append("\n## Attacks not blocked at PL1 (rule ids)\n\n");
    for (CorpusReplay.Outcome o : attacks) {
      if (o.pl() == 1 && !o.blocked()) {
        sb.append(
            String.format("- %s: score %d, rules %s%n", o.request().id(), o.score(), o.ruleIds()));
      }
    }
    return sb.toString();
  }

  private static void appendPerFamily(StringBuilder sb, List<CorpusReplay.Outcome> outcomes) {
    Map<String, int[]> counts = new TreeMap<>();
    for (CorpusReplay.Outcome o : outcomes) {
      int[] c = counts.computeIfAbsent(o.request().family(), k -> new int[5]);
      if (o.pl() == 1) {
        c[0]++;
      }
      if (o.blocked()) {
        c[o.pl()]++;
      }
    }
    counts.forEach(
        (family, c) -> {
          sb.append("| ").append(family).append(" | ").append(c[0]);
          for (int pl = 1; pl <= 4; pl++) {
            sb.append(String.format(" | %.0f %%", 100.0 * c[pl] / c[0]));
          }
          sb.append(" |\n");
        });
  }
}
