package dev.tdeveloper.compliance.spi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One piece of control evidence, as an auditor asks for it: which collector gathered it from which
 * system ({@code source}), who answers for it ({@code owner}), the period and population it covers,
 * how it was gathered ({@code query}), what it showed and when. Immutable and thread-safe.
 *
 * <p>{@code hash} is the hex SHA-256 of a canonical encoding of every other field (see {@link
 * #computeHash}); {@link #builder} sets it, and {@link #verifyHash()} tells whether an item read
 * back from storage or a report was edited since.
 *
 * @param collectorId the id of the collector that produced the item
 * @param source the system the evidence comes from, such as {@code tenant registry}
 * @param owner the person or team answerable for the control, such as {@code platform-security}
 * @param period the period covered
 * @param population what was examined
 * @param query how the evidence was gathered, in words a reviewer can repeat
 * @param result what the evidence showed
 * @param collectedAt when it was gathered
 * @param hash the hex SHA-256 over the other fields
 */
public record EvidenceItem(
    String collectorId,
    String source,
    String owner,
    EvidencePeriod period,
    EvidencePopulation population,
    String query,
    EvidenceResult result,
    Instant collectedAt,
    String hash) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final byte[] DOMAIN =
      "tdeveloper.compliance.evidence.v1".getBytes(StandardCharsets.UTF_8);

  /**
   * Checks every field. A hash that does not match the fields is accepted here (so a tampered item
   * can be loaded and examined) and detected by {@link #verifyHash()}.
   *
   * @throws IllegalArgumentException if a text is blank, too long or holds control characters, or
   *     the hash is not 64 lower-case hex digits
   */
  public EvidenceItem {
    EvidenceFields.id("EvidenceItem", "collectorId", collectorId);
    EvidenceFields.text("EvidenceItem", "source", source, 256);
    EvidenceFields.text("EvidenceItem", "owner", owner, 256);
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(population, "population");
    EvidenceFields.text("EvidenceItem", "query", query, 2048);
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(hash, "hash");
    if (!HEX64.matcher(hash).matches()) {
      throw new IllegalArgumentException(
          "EvidenceItem.hash must be 64 lower-case hex digits (SHA-256), got "
              + hash.length()
              + " characters");
    }
  }

  /**
   * Starts an item; {@link Builder#build()} computes the hash.
   *
   * @param collectorId the collector's id
   * @param period the period covered
   * @return a builder
   */
  public static Builder builder(String collectorId, EvidencePeriod period) {
    return new Builder(collectorId, period);
  }

  /** Returns whether {@link #hash()} matches the fields, that is, the item is as collected. */
  public boolean verifyHash() {
    return MessageDigest.isEqual(
        hash.getBytes(StandardCharsets.US_ASCII),
        computeHash(collectorId, source, owner, period, population, query, result, collectedAt)
            .getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Returns the hex SHA-256 of the canonical encoding: a domain tag, then each field in the order
   * of this record as a 4-byte big-endian length and its UTF-8 bytes (instants in ISO-8601 UTC,
   * numbers and the status in decimal and by name, facts as a count then key, value pairs in key
   * order). Length prefixes make the encoding unambiguous whatever the texts hold.
   */
  public static String computeHash(
      String collectorId,
      String source,
      String owner,
      EvidencePeriod period,
      EvidencePopulation population,
      String query,
      EvidenceResult result,
      Instant collectedAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    field(out, DOMAIN);
    field(out, collectorId);
    field(out, source);
    field(out, owner);
    field(out, period.start().toString());
    field(out, period.end().toString());
    field(out, Long.toString(population.size()));
    field(out, population.description());
    field(out, query);
    field(out, result.status().name());
    field(out, result.summary());
    field(out, Integer.toString(result.facts().size()));
    for (Map.Entry<String, String> e : result.facts().entrySet()) {
      field(out, e.getKey());
      field(out, e.getValue());
    }
    field(out, collectedAt.toString());
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static void field(ByteArrayOutputStream out, String value) {
    field(out, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void field(ByteArrayOutputStream out, byte[] bytes) {
    int n = bytes.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.write(bytes, 0, n);
  }

  /**
   * Builds an {@link EvidenceItem} and computes its hash; every field but the collector id and the
   * period must be set. Not thread-safe.
   */
  public static final class Builder {
    private final String collectorId;
    private final EvidencePeriod period;
    private String source;
    private String owner;
    private EvidencePopulation population;
    private String query;
    private EvidenceResult result;
    private Instant collectedAt;

    private Builder(String collectorId, EvidencePeriod period) {
      this.collectorId = Objects.requireNonNull(collectorId, "collectorId");
      this.period = Objects.requireNonNull(period, "period");
    }

    /** Sets the system the evidence comes from. */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Sets the person or team answerable for the control. */
    public Builder owner(String owner) {
      this.owner = Objects.requireNonNull(owner, "owner");
      return this;
    }

    /** Sets what was examined. */
    public Builder population(long size, String description) {
      this.population = new EvidencePopulation(size, description);
      return this;
    }

    /** Sets how the evidence was gathered. */
    public Builder query(String query) {
      this.query = Objects.requireNonNull(query, "query");
      return this;
    }

    /** Sets what the evidence showed. */
    public Builder result(EvidenceResult result) {
      this.result = Objects.requireNonNull(result, "result");
      return this;
    }

    /** Sets when the evidence was gathered. */
    public Builder collectedAt(Instant collectedAt) {
      this.collectedAt = Objects.requireNonNull(collectedAt, "collectedAt");
      return this;
    }

    /**
     * Checks the fields, computes the hash and returns the item.
     *
     * @throws IllegalStateException if a field was not set
     * @throws IllegalArgumentException if a field is invalid
     */
    public EvidenceItem build() {
      require(source, "source");
      require(owner, "owner");
      require(population, "population");
      require(query, "query");
      require(result, "result");
      require(collectedAt, "collectedAt");
      String hash =
          computeHash(collectorId, source, owner, period, population, query, result, collectedAt);
      return new EvidenceItem(
          collectorId, source, owner, period, population, query, result, collectedAt, hash);
    }

    private static void require(Object value, String field) {
      if (value == null) {
        throw new IllegalStateException("EvidenceItem." + field + " was not set");
      }
    }
  }
}
