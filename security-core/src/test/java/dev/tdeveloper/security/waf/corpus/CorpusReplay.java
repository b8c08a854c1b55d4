package dev.tdeveloper.security.waf.corpus;

import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.security.waf.WafTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Replays corpus requests through a {@link Waf} as a connector would, phases 1, 2 and 5. */
final class CorpusReplay {

  /** CRS's default inbound anomaly threshold: a request scoring this much is blocked. */
  static final int THRESHOLD = 5;

  /** What one request did at one paranoia level. */
  record Outcome(
      CorpusRequest request, int pl, long score, List<Long> ruleIds, List<String> faults) {

    boolean blocked() {
      return score >= THRESHOLD;
    }

    /** Whether some matched rule id starts with this id or prefix. */
    boolean matched(String idOrPrefix) {
      for (long id : ruleIds) {
        if (Long.toString(id).startsWith(idOrPrefix)) {
          return true;
        }
      }
      return false;
    }
  }

  private CorpusReplay() {}

  static Outcome run(Waf waf, CorpusRequest r, int pl) {
    WafTransaction tx = waf.newTransaction(WafPolicy.defaults("corpus").withParanoiaLevel(pl));
    tx.processConnection("203.0.113.7", 51234, "10.0.0.5", 443);
    tx.processUri(r.method(), r.uri(), r.version());
    for (CorpusRequest.Header h : r.headers()) {
      tx.addRequestHeader(h.name(), h.value());
    }
    tx.processRequestHeaders();
    if (tx.interruption().isEmpty()) {
      if (!r.body().isEmpty()) {
        tx.appendRequestBody(r.body().getBytes(StandardCharsets.ISO_8859_1));
      }
      tx.processRequestBody();
    }
    tx.processLogging();
    List<Long> ids = new ArrayList<>();
    List<String> faults = new ArrayList<>();
    for (WafMatch m : tx.matches()) {
      if (m.isError()) {
        faults.add(m.ruleId() + ": " + m.reason());
      } else {
        ids.add(m.ruleId());
      }
    }
    return new Outcome(r, pl, tx.inboundAnomalyScore(), ids, faults);
  }
}
