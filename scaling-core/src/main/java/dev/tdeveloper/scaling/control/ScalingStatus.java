package dev.tdeveloper.scaling.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import dev.tdeveloper.scaling.spi.ReplicaState;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A controller's state for dashboards: the workload, its replica counts, the last decision with its
 * reasons, the last failure and the active alerts; {@link #toJson()} writes it. Immutable and
 * thread-safe.
 *
 * @param time when the status was taken
 * @param workload the workload's name
 * @param autoscaler the autoscaler's name
 * @param replicas the counts last read from the backend
 * @param lastDecision the last decision, empty before the first
 * @param lastFailure the last failure (stage and error), empty when the last loop succeeded
 * @param alerts the active alerts
 */
public record ScalingStatus(
    Instant time,
    String workload,
    String autoscaler,
    ReplicaState replicas,
    Optional<ScalingDecision> lastDecision,
    Optional<String> lastFailure,
    List<ScalingAlert> alerts) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates and copies. */
  public ScalingStatus {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(autoscaler, "autoscaler");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(lastDecision, "lastDecision");
    Objects.requireNonNull(lastFailure, "lastFailure");
    alerts = List.copyOf(alerts);
  }

  /**
   * The status as a JSON object: times ISO-8601, reasons with their rule codes, metric keys and
   * details, absent parts left out.
   *
   * @return the JSON text
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("time", time.toString());
    root.put("workload", workload);
    root.put("autoscaler", autoscaler);
    ObjectNode r = root.putObject("replicas");
    r.put("desired", replicas.desired());
    r.put("current", replicas.current());
    r.put("ready", replicas.ready());
    lastDecision.ifPresent(
        d -> {
          ObjectNode n = root.putObject("lastDecision");
          n.put("time", d.time().toString());
          n.put("current", d.currentReplicas());
          n.put("desired", d.desiredReplicas());
          n.put("direction", d.direction().name());
          ArrayNode reasons = n.putArray("reasons");
          for (ScalingReason reason : d.reasons()) {
            ObjectNode o = reasons.addObject();
            o.put("rule", reason.rule());
            reason.metric().ifPresent(m -> o.put("metric", m.key()));
            o.put("detail", reason.detail());
          }
        });
    lastFailure.ifPresent(f -> root.put("lastFailure", f));
    ArrayNode a = root.putArray("alerts");
    for (ScalingAlert alert : alerts) {
      ObjectNode o = a.addObject();
      o.put("code", alert.kind().code());
      o.put("since", alert.since().toString());
      o.put("detail", alert.detail());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
