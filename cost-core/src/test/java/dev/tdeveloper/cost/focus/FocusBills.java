package dev.tdeveloper.cost.focus;

import static dev.tdeveloper.cost.focus.FocusColumns.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.cost.allocation.Asset;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Writes assets as a FOCUS CSV bill, the way a cloud's export would, for the tests. */
final class FocusBills {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A deliberately shuffled header with a column we do not read. */
  static final List<String> HEADER =
      List.of(
          TAGS,
          SERVICE_NAME,
          "x_Unrelated",
          RESOURCE_ID,
          CHARGE_PERIOD_END,
          CHARGE_PERIOD_START,
          BILLING_CURRENCY,
          EFFECTIVE_COST,
          BILLED_COST,
          LIST_COST,
          CHARGE_CATEGORY,
          CHARGE_CLASS,
          REGION_ID,
          PRICING_QUANTITY,
          PRICING_UNIT,
          PRICING_CATEGORY);

  private FocusBills() {}

  static List<String> row(Asset a) {
    try {
      return List.of(
          JSON.writeValueAsString(a.tags()),
          a.service(),
          "ignored, \"really\"",
          a.id(),
          a.period().end().toString(),
          a.period().start().toString(),
          a.effectiveCost().currency().getCurrencyCode(),
          a.effectiveCost().amount().toPlainString(),
          a.billedCost().amount().toPlainString(),
          a.listCost().amount().toPlainString(),
          "Usage",
          "",
          a.region(),
          a.capacity().toPlainString(),
          a.resource().unit(),
          FocusExporter.pricingCategory(a.model()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String csv(List<String> header, List<List<String>> rows) {
    List<List<String>> records = new ArrayList<>(rows);
    records.add(0, header);
    StringWriter out = new StringWriter();
    try {
      FocusCsv.write(out, records);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The assets as CSV, each row passed through {@code edit} (row index, fields) first. */
  static String csv(List<Asset> assets, RowEdit edit) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      rows.add(edit.apply(i, new ArrayList<>(row(assets.get(i)))));
    }
    return csv(HEADER, rows);
  }

  static String csv(List<Asset> assets) {
    return csv(assets, (i, r) -> r);
  }

  /** Replaces one column's value in a row of {@link #HEADER}. */
  static UnaryOperator<List<String>> set(String column, String value) {
    return r -> {
      r.set(HEADER.indexOf(column), value);
      return r;
    };
  }

  static Path write(Path dir, String file, String text) {
    try {
      return Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Edits a row by index. */
  interface RowEdit {
    List<String> apply(int index, List<String> row);
  }
}
