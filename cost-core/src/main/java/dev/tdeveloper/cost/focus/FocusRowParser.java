package dev.tdeveloper.cost.focus;

import static dev.tdeveloper.cost.focus.FocusColumns.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns one FOCUS CSV file's records into assets and set-aside charges, by column name. Rows whose
 * charge period is not enclosed by the requested period are skipped after their period is parsed.
 * One parser per file; not thread-safe.
 */
final class FocusRowParser {
  /** Tag numbers are kept exactly as written, trailing zeros included. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final Set<String> CATEGORIES =
      Set.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");

  private final String source;
  private final Map<String, Integer> index = new HashMap<>();
  private final boolean strict;
  private List<String> fields = List.of();
  private long row;

  FocusRowParser(String source, List<String> header, boolean strict) {
    this.source = source;
    this.strict = strict;
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim();
      if (index.putIfAbsent(name, i) != null) {
        throw error(1, name, "", "the column appears twice; allowed: each column once", null);
      }
    }
    for (String required : REQUIRED_FOR_IMPORT) {
      if (!index.containsKey(required)) {
        throw error(1, required, "", "mandatory column missing; the header has " + header, null);
      }
    }
  }

  /** Parses one record into {@code assets} or {@code setAside}, or skips it by period. */
  void parse(
      List<String> record,
      long rowNumber,
      CostPeriod wanted,
      List<Asset> assets,
      List<SetAsideCharge> setAside) {
    this.fields = record;
    this.row = rowNumber;
    if (record.size() != index.size()) {
      throw error(
          row,
          "",
          "",
          record.size() + " fields where the header has " + index.size() + "; allowed: equal",
          null);
    }
    String category = get(CHARGE_CATEGORY);
    if (!CATEGORIES.contains(category)) {
      throw error(row, CHARGE_CATEGORY, category, "allowed: " + CATEGORIES, null);
    }
    Instant start = instant(CHARGE_PERIOD_START);
    Instant end = instant(CHARGE_PERIOD_END);
    if (!end.isAfter(start)) {
      throw error(row, CHARGE_PERIOD_END, get(CHARGE_PERIOD_END), "not after the start", null);
    }
    CostPeriod period = CostPeriod.of(start, end);
    if (!wanted.encloses(period)) {
      return;
    }
    Currency currency = currency();
    Money billed = money(BILLED_COST, currency);
    Money effective = money(EFFECTIVE_COST, currency);
    Money list = money(LIST_COST, currency);
    String chargeClass = optional(CHARGE_CLASS);
    String reason = "";
    if (!category.equals("Usage")) {
      reason = category + " charge: not an asset";
    } else if (chargeClass.equals("Correction")) {
      reason = "correction of an earlier period: not an asset";
    } else if (billed.isNegative() || effective.isNegative() || list.isNegative()) {
      reason = "negative usage cost (a refund): not an asset";
    }
    if (reason.isEmpty()) {
      reason = unmappable();
    }
    if (!reason.isEmpty()) {
      setAside.add(
          new SetAsideCharge(
              source,
              row,
              category,
              chargeClass,
              get(RESOURCE_ID),
              get(SERVICE_NAME),
              period,
              billed,
              effective,
              reason));
      return;
    }
    ResourceType resource = FocusUnits.resource(get(PRICING_UNIT)).orElseThrow();
    BigDecimal capacity = decimal(PRICING_QUANTITY);
    if (capacity.signum() < 0) {
      throw error(row, PRICING_QUANTITY, get(PRICING_QUANTITY), "allowed: >= 0", null);
    }
    try {
      assets.add(
          new Asset(
              get(RESOURCE_ID),
              get(SERVICE_NAME),
              get(REGION_ID),
              resource,
              model(),
              period,
              effective,
              billed,
              list,
              capacity,
              tags()));
    } catch (IllegalArgumentException e) {
      throw error(row, "", "", e.getMessage(), e);
    }
  }

  /** Why a usage row cannot be an asset, or {@code ""}; strict parsers throw instead. */
  private String unmappable() {
    for (String column : List.of(RESOURCE_ID, SERVICE_NAME, REGION_ID, PRICING_UNIT)) {
      if (get(column).isEmpty()) {
        return refuse(column, "empty; allowed: a value on a usage row");
      }
    }
    if (FocusUnits.resource(get(PRICING_UNIT)).isEmpty()) {
      return refuse(PRICING_UNIT, "unknown unit; allowed: " + FocusUnits.ALLOWED);
    }
    return "";
  }

  private String refuse(String column, String problem) {
    if (strict) {
      throw error(row, column, get(column), problem, null);
    }
    return column + " '" + get(column) + "': " + problem;
  }

  /** x_PricingModel wins; else PricingCategory; else a commitment discount id or type. */
  private PricingModel model() {
    String own = optional(X_PRICING_MODEL);
    if (!own.isEmpty()) {
      try {
        return PricingModel.parse(own);
      } catch (IllegalArgumentException e) {
        throw error(row, X_PRICING_MODEL, own, e.getMessage(), e);
      }
    }
    String category = optional(PRICING_CATEGORY);
    switch (category) {
      case "Standard":
        return PricingModel.ON_DEMAND;
      case "Dynamic":
        return PricingModel.SPOT;
      case "Committed":
        return PricingModel.COMMITTED;
      case "Other":
      case "":
        break;
      default:
        throw error(
            row, PRICING_CATEGORY, category, "allowed: Standard, Dynamic, Committed, Other", null);
    }
    boolean committed =
        !optional(COMMITMENT_DISCOUNT_ID).isEmpty()
            || !optional(COMMITMENT_DISCOUNT_TYPE).isEmpty();
    return committed ? PricingModel.COMMITTED : PricingModel.ON_DEMAND;
  }

  private Map<String, String> tags() {
    String text = optional(TAGS);
    Map<String, String> tags = new TreeMap<>();
    if (text.isBlank()) {
      return tags;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw error(row, TAGS, text, "not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw error(row, TAGS, text, "allowed: a JSON object of tags", null);
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (v.isTextual() || v.isBoolean()) {
        tags.put(e.getKey(), v.asText());
      } else if (v.isNumber()) {
        tags.put(e.getKey(), v.decimalValue().toPlainString());
      } else if (!v.isNull()) {
        throw error(
            row, TAGS, text, "tag '" + e.getKey() + "' is not a string, number or boolean", null);
      }
    }
    return tags;
  }

  private Instant instant(String column) {
    String text = get(column);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw error(row, column, text, "allowed: ISO 8601 date-time, e.g. 2024-05-01T00:00:00Z", e);
    }
  }

  private Currency currency() {
    try {
      return Money.currency(get(BILLING_CURRENCY));
    } catch (IllegalArgumentException e) {
      throw error(row, BILLING_CURRENCY, get(BILLING_CURRENCY), e.getMessage(), e);
    }
  }

  private Money money(String column, Currency currency) {
    return Money.of(decimal(column), currency);
  }

  private BigDecimal decimal(String column) {
    String text = get(column);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw error(row, column, text, "not a decimal number; allowed: e.g. 12.345678", e);
    }
  }

  private String get(String column) {
    return fields.get(index.get(column)).trim();
  }

  private String optional(String column) {
    Integer i = index.get(column);
    return i == null ? "" : fields.get(i).trim();
  }

  private FocusFormatException error(
      long r, String column, String value, String problem, Throwable cause) {
    return new FocusFormatException(source, r, column, value, problem, cause);
  }
}
