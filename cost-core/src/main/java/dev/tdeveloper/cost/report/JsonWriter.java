package dev.tdeveloper.cost.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.allocation.CostLine;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writes a {@link FinOpsReport} as a Jackson tree (the shape is documented on {@link
 * FinOpsReport#toJson()}): the allocation sections here, the others in {@link JsonSections}.
 */
final class JsonWriter {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonWriter() {}

  static String write(FinOpsReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", r.title);
    root.put("currency", r.currency.getCurrencyCode());
    root.put("periodStart", r.start.toString());
    root.put("periodEnd", r.end.toString());
    FinOpsSummary s = r.totals.summary;
    ObjectNode summary = root.putObject("summary");
    summary.put("total", Markup.plain(s.total()));
    summary.put("allocatedToTenants", Markup.plain(s.allocatedToTenants()));
    summary.put("idleShared", Markup.plain(s.idleShared()));
    summary.put("idle", Markup.plain(s.idle()));
    summary.put("unallocated", Markup.plain(s.unallocated()));
    summary.put("idleSharePercent", s.idleSharePercent().toPlainString());
    summary.put("reconciled", s.reconciled());
    summary.put("days", s.days());
    ArrayNode days = root.putArray("days");
    for (DayTotals d : r.totals.days) {
      ObjectNode o = days.addObject();
      o.put("day", d.day().toString());
      o.put("total", Markup.plain(d.total()));
      o.put("allocatedToTenants", Markup.plain(d.tenants()));
      o.put("idleShared", Markup.plain(d.idleShared()));
      o.put("idle", Markup.plain(d.idle()));
      o.put("unallocated", Markup.plain(d.unallocated()));
      o.put("idleSharePercent", d.idleSharePercent().toPlainString());
    }
    ArrayNode tenants = root.putArray("tenants");
    for (TenantTotals t : r.totals.tenants) {
      ObjectNode o = tenants.addObject();
      o.put("tenant", t.tenant().value());
      o.put("total", Markup.plain(t.total()));
      o.put("usage", Markup.plain(t.usage()));
      o.put("idleShare", Markup.plain(t.idleShare()));
      o.put("sharedShare", Markup.plain(t.sharedShare()));
      ArrayNode daily = o.putArray("daily");
      for (Map.Entry<LocalDate, Money> e : t.daily().entrySet()) {
        daily.addObject().put("day", e.getKey().toString()).put("cost", Markup.plain(e.getValue()));
      }
    }
    ArrayNode services = root.putArray("services");
    r.totals.services.forEach(
        (name, cost) -> services.addObject().put("service", name).put("cost", Markup.plain(cost)));
    JsonSections.budgets(root.putArray("budgets"), r.budgets);
    JsonSections.anomalies(root.putArray("anomalies"), r.anomalies);
    JsonSections.recommendations(root, r.recommendations, r.currency);
    JsonSections.unitEconomics(root.putArray("unitEconomics"), r.unitEconomics);
    explanations(root.putArray("explanations"), r);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new CostException("FinOps report: cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static void explanations(ArrayNode out, FinOpsReport r) {
    for (TenantTotals t : r.totals.tenants) {
      ObjectNode o = out.addObject();
      o.put("tenant", t.tenant().value());
      ArrayNode lines = o.putArray("lines");
      for (Map.Entry<LocalDate, Allocation> e : r.allocations.entrySet()) {
        for (CostLine l : e.getValue().explain(t.tenant())) {
          line(lines.addObject(), e.getKey(), l);
        }
      }
    }
  }

  static void line(ObjectNode o, LocalDate day, CostLine l) {
    o.put("day", day.toString());
    o.put("kind", l.kind().name());
    o.put("tenant", l.tenant().map(TenantId::value).orElse(null));
    o.put("asset", l.assetId());
    o.put("service", l.service());
    o.put("region", l.region());
    o.put("resource", l.resource().name());
    o.put("rule", l.rule());
    o.put("share", l.share().toPlainString());
    o.put("quantity", l.quantity().toPlainString());
    o.put("amount", Markup.plain(l.amount()));
    o.put("explanation", l.explanation());
  }
}
