package dev.tdeveloper.cost.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.money.Money;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class FinOpsReportHtmlTest {
  private static final Pattern SVG = Pattern.compile("<svg[ >].*?</svg>", Pattern.DOTALL);

  private static List<String> svgs(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = SVG.matcher(html);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void pageHasEverySectionAndLoadsNothingExternal() {
    String html = Reports.full().toHtml();
    for (String id :
        List.of(
            "summary",
            "tenants",
            "idle",
            "services",
            "budgets",
            "anomalies",
            "recommendations",
            "unit-economics",
            "explanations")) {
      assertThat(html).contains("<h2 id=\"" + id + "\">");
    }
    assertThat(html).contains("PASSED").contains("USD 170.10").contains("Content-Security-Policy");
    assertThat(html.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("<img")
        .doesNotContain(" src=")
        .doesNotContain(" href=")
        .doesNotContain("url(")
        .doesNotContainPattern("\\son[a-z]+\\s*=");
  }

  @Test
  void hostileNamesAreEscapedInTablesAndCharts() throws Exception {
    String html = Reports.full().toHtml();
    assertThat(html).doesNotContain("<script").doesNotContain("Storage &\"'");
    assertThat(html)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Storage &amp;&quot;&#39;");
    // The escaped text reads back as the original once parsed: escaped once, not twice.
    String budgets = svgs(html).get(2);
    assertThat(parse(budgets).getDocumentElement().getTextContent())
        .contains("team " + Reports.SCRIPT);
  }

  @Test
  void everyChartIsWellFormedSvg() throws Exception {
    for (FinOpsReport r : List.of(Reports.full(), Reports.empty())) {
      List<String> charts = svgs(r.toHtml());
      assertThat(charts).hasSize(3);
      for (String svg : charts) {
        Document d = parse(svg);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(d.getDocumentElement().getNamespaceURI())
            .isEqualTo("http://www.w3.org/2000/svg");
        assertThat(d.getElementsByTagNameNS("*", "text").getLength()).isPositive();
      }
    }
  }

  @Test
  void costChartStacksTopTenantsOthersAndIdleToTheBill() throws Exception {
    FinOpsReportBuilder b =
        FinOpsReport.builder()
            .title("t")
            .currency(Money.currency("USD"))
            .period(Reports.START, Reports.END)
            .topTenants(1);
    b.allocation(Reports.START, Reports.day(0));
    String chart = svgs(b.build().toHtml()).get(0);
    // day 0: acme 6/24 of 24.00 + 3/10 of 10.00 = 9.00; globex + initech 6.00; idle 19.00
    assertThat(chart)
        .contains("2024-03-01 acme: USD 9.00")
        .contains("2024-03-01 others: USD 6.00")
        .contains("2024-03-01 idle (kept): USD 19.00")
        .doesNotContain(">globex<");
    assertThat(parse(chart).getElementsByTagNameNS("*", "rect").getLength()).isPositive();
  }

  @Test
  void emptyInputsRenderNoneRows() {
    String html = Reports.empty().toHtml();
    assertThat(html)
        .contains("No budgets.")
        .contains("No anomalies.")
        .contains("No recommendations.")
        .contains("No unit economics.")
        .contains("No tenant was charged in the period.")
        .contains("No allocation in the period")
        .contains("USD 0.00")
        .contains("PASSED");
  }

  @Test
  void sameInputGivesTheSameBytesWhateverTheOrderItWasGivenIn() {
    FinOpsReport one = Reports.full();
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    Collections.reverse(order);
    List<Allocation> days = new ArrayList<>();
    FinOpsReportBuilder b =
        FinOpsReport.builder()
            .title("FinOps " + Reports.SCRIPT)
            .currency(Money.currency("USD"))
            .period(Reports.START, Reports.END);
    for (int i : order) {
      Allocation a = Reports.day(i);
      days.add(a);
      b.allocation(Reports.START.plusDays(i), a);
    }
    List<dev.tdeveloper.cost.optimize.Recommendation> recs =
        new ArrayList<>(Reports.recommendations());
    Collections.reverse(recs);
    FinOpsReport two =
        b.recommendations(recs)
            .unitEconomics(Reports.unit(days))
            .anomalies(List.of(Reports.anomaly()))
            .budgets(List.of(Reports.budget()))
            .build();
    assertThat(two.toHtml()).isEqualTo(one.toHtml());
    assertThat(two.toJson()).isEqualTo(one.toJson());
    assertThat(one.toHtml()).isEqualTo(one.toHtml());
  }

  @Test
  void explanationTablesAreCappedAndPointToTheJsonForTheRest() {
    FinOpsReportBuilder b =
        FinOpsReport.builder()
            .title("t")
            .currency(Money.currency("USD"))
            .period(Reports.START, Reports.END)
            .explanationLines(2);
    for (int i = 0; i < 5; i++) {
      b.allocation(Reports.START.plusDays(i), Reports.day(i));
    }
    String html = b.build().toHtml();
    // acme has 14 lines over five days (usage on both assets daily, idle shares on two days)
    assertThat(html).contains("12 more lines in the JSON report.");
    assertThat(html).contains("<summary>globex: USD 26.67</summary>");
  }
}
