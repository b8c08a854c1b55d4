package dev.tdeveloper.cost.focus;

import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.spi.BillingImporter;
import dev.tdeveloper.cost.usage.CostPeriod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads FOCUS 1.x CSV bills (UTF-8, RFC 4180) as {@link Asset}s: one file, or every {@code .csv}
 * file of a directory (not its subdirectories) in file-name order. Columns are found by name in any
 * order; unknown columns are ignored; a missing {@linkplain FocusColumns#REQUIRED_FOR_IMPORT
 * mandatory column} is a {@link FocusFormatException} naming it.
 *
 * <p>A {@code Usage} row (not a {@code Correction}) becomes an asset: {@code ResourceId} the id,
 * {@code ServiceName}, {@code RegionId}, {@code EffectiveCost} (what is allocated), {@code
 * BilledCost}, {@code ListCost} in {@code BillingCurrency}, exactly as written; {@code
 * ChargePeriodStart/End} (ISO 8601, end exclusive) the period; {@code PricingQuantity} the
 * capacity; {@code Tags} a JSON object whose string, number and boolean values become tags (null
 * values are dropped). The resource comes from {@code PricingUnit} (case-insensitive, spaces read
 * as hyphens): {@code vCPU-hour(s)}/{@code vCPU-hr(s)} vCPU, {@code GB-hour(s)}/{@code GB-hr(s)}
 * RAM, {@code GB-month(s)}/{@code GB-mo} storage, {@code GB} egress, {@code request(s)} requests,
 * {@code GPU-hour(s)}/{@code GPU-hr(s)} GPU. A bare {@code Hours} is refused: instance-hours are
 * not vCPU-hours. The pricing model comes from {@code x_PricingModel} when present (our own
 * exports), else {@code PricingCategory} (Standard on-demand, Dynamic spot, Committed committed),
 * else committed when {@code CommitmentDiscountId} or {@code CommitmentDiscountType} is set, else
 * on-demand.
 *
 * <p>Every other row is {@linkplain FocusBill#setAside() set aside}, not allocated: {@code Tax},
 * {@code Credit} and {@code Adjustment} rows, {@code Purchase} rows (a commitment's used part is
 * already amortized into the usage rows' {@code EffectiveCost}; counting the purchase too would
 * count it twice), {@code Correction} rows (they correct an earlier period) and usage rows with a
 * negative cost (refunds). A usage row with an empty {@code ResourceId}, {@code ServiceName},
 * {@code RegionId} or {@code PricingUnit}, or an unknown unit, is an error by default; a {@link
 * Builder#lenient() lenient} importer sets it aside instead, with the reason.
 *
 * <p>Only rows whose charge period lies inside the requested period are read; other rows are
 * skipped once their period parses. Errors name the file, the row (1-based, the header being row
 * 1), the column and the value. Immutable and thread-safe: each call reads the files afresh.
 */
public final class FocusCsvBillingImporter implements BillingImporter {
  /** The default name: {@value}. */
  public static final String NAME = "focus-csv";

  private final Path source;
  private final String name;
  private final boolean strict;

  private FocusCsvBillingImporter(Path source, String name, boolean strict) {
    this.source = source;
    this.name = name;
    this.strict = strict;
  }

  /**
   * A strict importer named {@value #NAME} over a file or a directory of CSV files.
   *
   * @param source a {@code .csv} file or a directory of them
   * @return the importer
   */
  public static FocusCsvBillingImporter of(Path source) {
    return builder(source).build();
  }

  /**
   * A builder over a file or a directory of CSV files.
   *
   * @param source a {@code .csv} file or a directory of them
   * @return a builder
   */
  public static Builder builder(Path source) {
    return new Builder(Objects.requireNonNull(source, "source"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Asset> assets(CostPeriod period) {
    return read(period).assets();
  }

  /**
   * The bill for a period: its assets and the charges set aside.
   *
   * @param period the period; rows whose charge period it encloses are read
   * @return the bill
   * @throws FocusFormatException naming file, row, column and value for a bad bill
   * @throws CostException when the source is missing, holds no CSV file or cannot be read
   */
  public FocusBill read(CostPeriod period) {
    Objects.requireNonNull(period, "period");
    List<Asset> assets = new ArrayList<>();
    List<SetAsideCharge> setAside = new ArrayList<>();
    for (Path file : files()) {
      readFile(file, period, assets, setAside);
    }
    return new FocusBill(assets, setAside);
  }

  private List<Path> files() {
    if (Files.isRegularFile(source)) {
      return List.of(source);
    }
    if (!Files.isDirectory(source)) {
      throw new CostException(
          "FOCUS bill " + source + ": no such file or directory; allowed: a .csv file or a folder");
    }
    try (Stream<Path> s = Files.list(source)) {
      List<Path> files =
          s.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new CostException("FOCUS bill " + source + ": the directory holds no .csv file");
      }
      return files;
    } catch (IOException e) {
      throw new CostException("FOCUS bill " + source + ": cannot list the directory", e);
    }
  }

  private void readFile(
      Path file, CostPeriod period, List<Asset> assets, List<SetAsideCharge> setAside) {
    String where = file.toString();
    try (InputStream in = Files.newInputStream(file);
        FocusCsv.Records csv = FocusCsv.read(in, where)) {
      Optional<List<String>> header = csv.next();
      if (header.isEmpty()) {
        throw new FocusFormatException(where, 1, "", "", "empty file; allowed: a header", null);
      }
      FocusRowParser parser = new FocusRowParser(where, header.get(), strict);
      for (Optional<List<String>> r = csv.next(); r.isPresent(); r = csv.next()) {
        List<String> record = r.get();
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        parser.parse(record, csv.row(), period, assets, setAside);
      }
    } catch (IOException e) {
      throw new CostException(
          "FOCUS bill " + where + ": cannot be read (" + e.getMessage() + "); allowed: UTF-8 CSV",
          e);
    }
  }

  @Override
  public String toString() {
    return "FocusCsvBillingImporter[" + name + ", " + source + (strict ? "" : ", lenient") + "]";
  }

  /** Configures a {@link FocusCsvBillingImporter}. Not thread-safe. */
  public static final class Builder {
    private final Path source;
    private String name = NAME;
    private boolean strict = true;

    private Builder(Path source) {
      this.source = source;
    }

    /**
     * The importer's name in errors and reports; default {@value FocusCsvBillingImporter#NAME}.
     *
     * @param name a non-blank name
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name: blank; allowed: a non-blank name");
      }
      this.name = name;
      return this;
    }

    /**
     * Sets aside, instead of failing on, usage rows that cannot be assets (an empty resource id,
     * service, region or unit, or an unknown unit). Default: strict.
     *
     * @return this builder
     */
    public Builder lenient() {
      this.strict = false;
      return this;
    }

    /**
     * The importer.
     *
     * @return an immutable importer
     */
    public FocusCsvBillingImporter build() {
      return new FocusCsvBillingImporter(source, name, strict);
    }
  }
}
