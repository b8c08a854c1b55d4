package dev.tdeveloper.cost.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageCsvTest {
  @TempDir Path dir;

  @Test
  void readsRecordsWithColumnsInAnyOrderAndQuotedFields() throws IOException {
    String text =
        "used,requested,tenant,workload,asset_id,resource,start,end\r\n"
            + "0.5,2,acme,\"api, v2\",node-1,vcpu,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z\r\n"
            + "\r\n"
            + "12.000000001,,globex,db,vol-1,STORAGE,2026-01-01T00:00:00Z,2026-02-01T00:00:00Z\n";
    Path file = dir.resolve("usage.csv");
    Files.writeString(file, text);

    List<UsageRecord> records = UsageCsv.read(file);

    assertThat(records).hasSize(2);
    assertThat(records.get(0).workload()).isEqualTo("api, v2");
    assertThat(records.get(0).chargedQuantity()).isEqualByComparingTo("2");
    assertThat(records.get(1).tenant()).isEqualTo(TenantId.of("globex"));
    assertThat(records.get(1).resource()).isEqualTo(ResourceType.STORAGE);
    assertThat(records.get(1).requested()).isEqualByComparingTo("0");
    assertThat(records.get(1).used()).isEqualTo(new BigDecimal("12.000000001"));
  }

  @Test
  void reportsEveryBadValueWithItsRowAndColumn() {
    String text =
        String.join(
            "\n",
            "tenant,workload,asset_id,resource,start,end,requested,used",
            "Acme!,api,node-1,cpu,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,1,1",
            "acme,api,node-1,vcpu,2026-13-01T00:00:00Z,2026-01-01T01:00:00Z,-1,x",
            "acme,api,node-1,vcpu,2026-01-01T01:00:00Z,2026-01-01T01:00:00Z,1,1",
            "acme,api,node-1,vcpu",
            "acme,,node-1,ram,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,1,1");

    assertThatThrownBy(() -> UsageCsv.parse("usage.csv", text))
        .isInstanceOf(UsageCsvException.class)
        .satisfies(
            e -> {
              List<String> messages =
                  ((UsageCsvException) e)
                      .problems().stream().map(UsageCsvException.Problem::message).toList();
              assertThat(messages).hasSize(8);
              assertThat(messages.get(0)).startsWith("usage.csv: row 2, column 1 (tenant):");
              assertThat(messages.get(1))
                  .startsWith(
                      "usage.csv: row 2, column 4 (resource): resource: unknown resource"
                          + " 'cpu'");
              assertThat(messages.get(2))
                  .isEqualTo(
                      "usage.csv: row 3, column 5 (start): not an ISO-8601 instant;"
                          + " value: 2026-13-01T00:00:00Z; allowed: an ISO-8601 instant such as"
                          + " 2026-01-01T00:00:00Z");
              assertThat(messages.get(3))
                  .isEqualTo(
                      "usage.csv: row 3, column 7 (requested): negative quantity; value: -1;"
                          + " allowed: a decimal >= 0, or blank for 0");
              assertThat(messages.get(4))
                  .isEqualTo(
                      "usage.csv: row 3, column 8 (used): not a decimal number; value: x;"
                          + " allowed: a decimal >= 0");
              assertThat(messages.get(5))
                  .isEqualTo(
                      "usage.csv: row 4, column 6 (end): end is not after start"
                          + " 2026-01-01T01:00:00Z; value: 2026-01-01T01:00:00Z; allowed: an"
                          + " instant after start (end-exclusive)");
              assertThat(messages.get(6))
                  .isEqualTo(
                      "usage.csv: row 5: wrong number of fields; value: 4 fields; allowed: 8"
                          + " fields, as the header");
              assertThat(messages.get(7))
                  .startsWith("usage.csv: row 6, column 2 (workload): blank");
              assertThat(e.getMessage()).startsWith("usage csv: 8 problems:");
            });
  }

  @Test
  void reportsAMissingUnknownOrRepeatedHeaderColumn() {
    assertThatThrownBy(
            () -> UsageCsv.parse("h.csv", "tenant,workload,asset,resource,start,end,used,used\n"))
        .isInstanceOf(UsageCsvException.class)
        .hasMessageContaining("h.csv: row 1, column 3 (asset): unknown column")
        .hasMessageContaining("h.csv: row 1, column 8 (used): column given twice")
        .hasMessageContaining("h.csv: row 1: missing column asset_id")
        .hasMessageContaining("h.csv: row 1: missing column requested");
    assertThatThrownBy(() -> UsageCsv.parse("e.csv", ""))
        .hasMessageStartingWith("usage csv: e.csv: row 1: no header row");
  }

  @Test
  void rowsCountLinesOfQuotedFieldsSpanningLinesAndAnUnclosedQuoteIsLocated() {
    String text =
        "tenant,workload,asset_id,resource,start,end,requested,used\n"
            + "acme,\"multi\nline\",n,vcpu,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,1,1\n"
            + "acme,api,n,vcpu,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,1,oops\n"
            + "acme,\"never closed,n";

    assertThatThrownBy(() -> UsageCsv.parse("q.csv", text))
        .isInstanceOf(UsageCsvException.class)
        .hasMessageContaining("q.csv: row 4, column 8 (used): not a decimal number; value: oops")
        .hasMessageContaining("q.csv: row 5: quoted field not closed before the end of the file");
  }

  @Test
  void listsAtMostAHundredProblemsAndCountsTheRest() {
    StringBuilder text = new StringBuilder(String.join(",", UsageCsv.COLUMNS)).append('\n');
    for (int i = 0; i < 150; i++) {
      text.append("acme,api,n,vcpu,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,1,bad\n");
    }

    assertThatThrownBy(() -> UsageCsv.parse("big.csv", text.toString()))
        .isInstanceOf(UsageCsvException.class)
        .hasMessageStartingWith("usage csv: 150 problems:")
        .hasMessageEndingWith("... and 50 more")
        .satisfies(e -> assertThat(((UsageCsvException) e).problems()).hasSize(100));
  }

  @Test
  void skipsAByteOrderMarkBeforeTheHeaderOfAFile() throws IOException {
    Path file = dir.resolve("bom.csv");
    Files.writeString(
        file,
        "\uFEFF"
            + String.join(",", UsageCsv.COLUMNS)
            + "\r\nacme,api,n,vcpu,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,1,2\r\n");

    assertThat(UsageCsv.read(file))
        .singleElement()
        .satisfies(r -> assertThat(r.used()).isEqualTo("2"));
  }

  @Test
  void refusesTextAfterAClosingQuoteAndANonUtf8File() throws IOException {
    String text =
        String.join(",", UsageCsv.COLUMNS)
            + "\nacme,\"api\"x,n,vcpu,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,1,1\n";
    assertThatThrownBy(() -> UsageCsv.parse("s.csv", text))
        .isInstanceOf(UsageCsvException.class)
        .hasMessageStartingWith(
            "usage csv: s.csv: row 2: text after the closing quote of a field (line 2, column");
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(
        latin1,
        (String.join(",", UsageCsv.COLUMNS) + "\ncaf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> UsageCsv.read(latin1))
        .isInstanceOf(UsageCsvException.class)
        .hasMessageContaining("cannot be read");
  }

  @Test
  void refusesARecordLongerThanTheLimitNamingItsLine() {
    String header = String.join(",", UsageCsv.COLUMNS) + "\n";
    String oneLongField = header + "x".repeat(UsageCsv.MAX_RECORD_CHARS + 1) + "\n";
    String manyFields = header + "\n" + "y,".repeat(UsageCsv.MAX_RECORD_CHARS / 2 + 1) + "\n";

    assertThatThrownBy(() -> UsageCsv.parse("l.csv", oneLongField))
        .hasMessage(
            "usage csv: l.csv: row 2: record longer than 1048576 characters; value: (unreadable);"
                + " allowed: RFC 4180 CSV");
    assertThatThrownBy(() -> UsageCsv.parse("m.csv", manyFields))
        .hasMessageStartingWith("usage csv: m.csv: row 3: record longer than 1048576 characters");
  }
}
