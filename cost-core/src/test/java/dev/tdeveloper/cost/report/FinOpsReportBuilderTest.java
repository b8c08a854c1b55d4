package dev.tdeveloper.cost.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.money.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinOpsReportBuilderTest {
  private static FinOpsReportBuilder base() {
    return FinOpsReport.builder()
        .title("t")
        .currency(Money.currency("USD"))
        .period(Reports.START, Reports.END);
  }

  @Test
  void refusesMissingRequiredFields() {
    assertThatThrownBy(() -> FinOpsReport.builder().currency(Money.currency("USD")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("title: not set");
    assertThatThrownBy(() -> FinOpsReport.builder().title("t").build())
        .hasMessageContaining("currency: not set");
    assertThatThrownBy(
            () -> FinOpsReport.builder().title("t").currency(Money.currency("USD")).build())
        .hasMessageContaining("period: not set");
  }

  @Test
  void refusesSettingAValueTwice() {
    assertThatThrownBy(() -> base().title("u"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("title: already set to t");
    assertThatThrownBy(() -> base().topTenants(3).topTenants(4))
        .hasMessageContaining("topTenants: already set to 3");
  }

  @Test
  void refusesBadValuesNamingFieldValueAndWhatIsAllowed() {
    assertThatThrownBy(
            () ->
                FinOpsReport.builder()
                    .title(" ")
                    .currency(Money.currency("USD"))
                    .period(Reports.START, Reports.END)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("title: ' '; allowed: 1 to 200 characters");
    assertThatThrownBy(
            () ->
                FinOpsReport.builder()
                    .title("t")
                    .currency(Money.currency("USD"))
                    .period(Reports.END, Reports.START)
                    .build())
        .hasMessageContaining("period: end 2024-03-01 is not after start 2024-04-01");
    assertThatThrownBy(() -> base().topTenants(0).build())
        .hasMessageContaining("topTenants: 0; allowed: 1 to 20");
    assertThatThrownBy(() -> base().explanationLines(0).build())
        .hasMessageContaining("explanationLines: 0; allowed: 1 to 100000");
  }

  @Test
  void refusesDaysOutsideThePeriodOrGivenTwice() {
    Allocation a = Reports.day(0);
    assertThatThrownBy(() -> base().allocation(LocalDate.of(2024, 4, 1), a).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "allocation day: 2024-04-01; allowed: days in [2024-03-01, 2024-04-01)");
    assertThatThrownBy(
            () -> base().allocation(Reports.START, a).allocation(Reports.START, a).build())
        .hasMessageContaining("allocation day: 2024-03-01 given twice");
  }

  @Test
  void refusesAmountsInAnotherCurrency() {
    FinOpsReportBuilder eur =
        FinOpsReport.builder()
            .title("t")
            .currency(Money.currency("EUR"))
            .period(Reports.START, Reports.END);
    assertThatThrownBy(() -> eur.allocation(Reports.START, Reports.day(0)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allocation of 2024-03-01: currency USD")
        .hasMessageContaining("the report's currency EUR");
    assertThatThrownBy(() -> otherEur().budgets(List.of(Reports.budget())).build())
        .hasMessageContaining("budget 'team <script>alert(1)</script>': currency USD");
    assertThatThrownBy(() -> otherEur().anomalies(List.of(Reports.anomaly())).build())
        .hasMessageContaining("anomaly acme|");
    assertThatThrownBy(() -> otherEur().recommendations(Reports.recommendations()).build())
        .hasMessageContaining("recommendation RIGHTSIZE in eu-west-1: currency USD");
  }

  private static FinOpsReportBuilder otherEur() {
    return FinOpsReport.builder()
        .title("t")
        .currency(Money.currency("EUR"))
        .period(Reports.START, Reports.END);
  }

  @Test
  void refusesTwoUnitEconomicsReportsOfOneMonth() {
    var unit = Reports.unit(List.of(Reports.day(0)));
    assertThatThrownBy(() -> base().unitEconomics(unit).unitEconomics(unit).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unitEconomics: month 2024-03 given twice");
  }

  @Test
  void summaryMatchesTheAllocations() {
    FinOpsReport r = Reports.full();
    Money total = Money.zero(r.currency());
    for (int i = 0; i < 5; i++) {
      total = total.plus(Reports.day(i).total());
    }
    assertThat(r.summary().total()).isEqualTo(total);
    assertThat(r.summary().reconciled()).isTrue();
    assertThat(r.summary().days()).isEqualTo(5);
    assertThat(r.start()).isEqualTo(Reports.START);
    assertThat(r.end()).isEqualTo(Reports.END);
    assertThat(r.title()).isEqualTo("FinOps " + Reports.SCRIPT);
  }
}
