package dev.tdeveloper.benchmarks.scaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.scaling.simulation.WorkloadTrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The decision-quality comparison of issue 10: each synthetic trace (14 days at one-minute
 * resolution, seed {@value #SEED}) replayed through the HPA, the predictive autoscaler on the HPA,
 * the HPA on requests/s and the oracle reactive floor, on the {@link ClusterProfile#jvmService()}
 * cluster, measured on the last 7 days after a 7-day warm-up all see; then the diurnal and spike
 * traces again on the {@link ClusterProfile#fastStart()} cluster. Prints a markdown table and
 * writes {@code quality.json} and {@code quality.md} under {@code benchmarks/target/scaling/} (or
 * the directory given as the first argument). Deterministic: the same build prints the same
 * figures.
 */
public final class ScalingQualityRun {
  /** The seed of every trace generator: {@value}. */
  public static final long SEED = 42;

  /** Trace length: {@value} days. */
  public static final int DAYS = 14;

  /** Warm-up (replayed, not measured): {@value} days. */
  public static final int WARM_UP_DAYS = 7;

  private ScalingQualityRun() {}

  /**
   * Runs the comparison.
   *
   * @param args optionally the output directory
   * @throws IOException when the files cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/target/scaling");
    Map<String, WorkloadTrace> traces = QualityTraces.all(DAYS, SEED);
    StringBuilder md = new StringBuilder();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("seed", SEED).put("days", DAYS).put("warmUpDays", WARM_UP_DAYS);
    root.put("resolution", "PT1M").put("predictiveBucketMinutes", QualityComparison.BUCKET_MINUTES);
    ArrayNode profiles = root.putArray("profiles");
    section(md, profiles, json, "jvmService", ClusterProfile.jvmService(), traces, traces.keySet());
    md.append('\n');
    section(
        md,
        profiles,
        json,
        "fastStart",
        ClusterProfile.fastStart(),
        traces,
        List.of("diurnal", "spike"));
    System.out.print(md);
    Files.createDirectories(out);
    Files.writeString(out.resolve("quality.md"), md, StandardCharsets.UTF_8);
    json.writeValue(out.resolve("quality.json").toFile(), root);
    System.out.println(
        "\nwritten: " + out.resolve("quality.md") + ", " + out.resolve("quality.json"));
  }

  private static void section(
      StringBuilder md,
      ArrayNode profiles,
      ObjectMapper json,
      String name,
      ClusterProfile profile,
      Map<String, WorkloadTrace> traces,
      Collection<String> names) {
    QualityComparison comparison = new QualityComparison(profile, Duration.ofDays(WARM_UP_DAYS));
    List<QualityComparison.Result> results = new ArrayList<>();
    for (String trace : names) {
      results.add(comparison.compare(trace, traces.get(trace)));
    }
    md.append("## ")
        .append(name)
        .append(": startup ")
        .append(profile.startupDelay().getSeconds())
        .append(" s, decisions every ")
        .append(profile.decisionInterval().getSeconds())
        .append(" s\n\n")
        .append(QualityTable.markdown(results));
    profiles.add(toJson(json, name, profile, results));
  }

  private static ObjectNode toJson(
      ObjectMapper json,
      String name,
      ClusterProfile profile,
      List<QualityComparison.Result> results) {
    ObjectNode root = json.createObjectNode();
    root.put("profile", name);
    ObjectNode p = root.putObject("cluster");
    p.put("startupDelaySeconds", profile.startupDelay().getSeconds());
    p.put("capacityPerReplica", profile.capacityPerReplica());
    p.put("costPerReplicaHour", profile.costPerReplicaHour());
    p.put("targetUtilization", profile.targetUtilization());
    p.put("minReplicas", profile.bounds().min()).put("maxReplicas", profile.bounds().max());
    p.put("decisionIntervalSeconds", profile.decisionInterval().getSeconds());
    ArrayNode traces = root.putArray("traces");
    for (QualityComparison.Result r : results) {
      ObjectNode t = traces.addObject();
      t.put("trace", r.trace());
      t.set("hpa", json.valueToTree(r.hpa()));
      t.set("predictive", json.valueToTree(r.predictive()));
      t.set("hpaRequestsPerSecond", json.valueToTree(r.hpaRequests()));
      t.set("predictiveRequestsPerSecond", json.valueToTree(r.predictiveRequests()));
      t.set("oracleFloor", json.valueToTree(r.floor()));
      t.set("steps", json.valueToTree(r.steps()));
      if (r.violationRatio().isPresent()) {
        t.put("violationMinutesRatio", r.violationRatio().getAsDouble());
      } else {
        t.putNull("violationMinutesRatio");
      }
      t.put("replicaHoursRatio", r.replicaHoursRatio());
      t.put("goalMet", r.goalMet());
      t.put("hpaResponseUnder30s", QualityTable.responseMet(r.hpa()));
      t.put("predictiveResponseUnder30s", QualityTable.responseMet(r.predictive()));
      t.put("hpaRequestsResponseUnder30s", QualityTable.responseMet(r.hpaRequests()));
      t.put("predictiveRequestsResponseUnder30s", QualityTable.responseMet(r.predictiveRequests()));
      t.put("floorResponseUnder30s", QualityTable.responseMet(r.floor()));
      r.forecastError().ifPresent(e -> t.set("forecastError", json.valueToTree(e)));
    }
    return root;
  }
}
