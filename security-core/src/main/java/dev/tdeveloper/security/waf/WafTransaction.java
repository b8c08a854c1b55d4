package dev.tdeveloper.security.waf;

import dev.tdeveloper.security.waf.body.BodyProcessors;
import dev.tdeveloper.security.waf.body.BodyResult;
import dev.tdeveloper.security.waf.engine.CtlAction;
import dev.tdeveloper.security.waf.engine.EvaluatorRequestStore;
import dev.tdeveloper.security.waf.engine.EvaluatorTransaction;
import dev.tdeveloper.security.waf.engine.PolicyPlan;
import dev.tdeveloper.security.waf.engine.RequestState;
import dev.tdeveloper.security.waf.engine.SetvarAction;
import dev.tdeveloper.security.waf.seclang.Location;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request through the {@link Waf}, in the order a connector sees it (as libmodsecurity's and
 * Coraza's transactions): connection, URI, request headers (phase 1), request body (phase 2),
 * response headers (phase 3), response body (phase 4), logging (phase 5). After each {@code
 * process*} call, {@link #interruption()} says whether to stop. No method throws on any request
 * data: an internal fault is recorded in {@link #matches()} (see {@link WafMatch#isError()}) and
 * the request goes on. Not thread-safe: one transaction per request.
 */
public final class WafTransaction {
  private static final Location POLICY = new Location("tenant-policy", 1);

  private final Waf waf;
  private final RequestState state;
  private final EvaluatorTransaction tx;
  // Made on the first bytes: most requests, and the responses of a WAF without response body
  // access, have none.
  private ByteArrayOutputStream requestBody;
  private ByteArrayOutputStream responseBody;
  private boolean requestBodyExceeded;
  private boolean responseBodyExceeded;

  WafTransaction(Waf waf, WafPolicy policy) {
    this.waf = waf;
    this.state = newState(waf, policy);
    this.tx = start(waf, policy, state);
    waf.valueMemo(policy).ifPresent(tx::useValueMemo);
    waf.plan(policy).ifPresent(tx::usePlan);
  }

  private static RequestState newState(Waf waf, WafPolicy policy) {
    WafConfig config = waf.config();
    return new RequestState(policy.namespace(), waf.collections(), config.clock(), config.ticker());
  }

  /** The evaluation state of a new transaction: mode, the policy's TX values and removals. */
  private static EvaluatorTransaction start(Waf waf, WafPolicy policy, RequestState state) {
    WafConfig config = waf.config();
    EngineMode mode = policy.mode().orElse(config.mode().orElse(waf.settings().ruleEngine()));
    EvaluatorTransaction tx =
        new EvaluatorTransaction(waf.rules(), new EvaluatorRequestStore(state), mode);
    state.setArgumentSeparator(waf.settings().argumentSeparator());
    var txVars = state.collection("TX").orElseThrow();
    txVars.set(
        "paranoia_level", Integer.toString(policy.paranoiaLevel().orElse(config.paranoiaLevel())));
    txVars.set(
        "inbound_anomaly_score_threshold",
        Integer.toString(policy.inboundThreshold().orElse(config.inboundThreshold())));
    txVars.set(
        "outbound_anomaly_score_threshold",
        Integer.toString(policy.outboundThreshold().orElse(config.outboundThreshold())));
    for (long id : policy.removedRuleIds()) {
      CtlAction.parse("ruleRemoveById=" + id, POLICY).apply(tx);
    }
    for (Map.Entry<Long, List<String>> e : policy.removedTargets().entrySet()) {
      for (String target : e.getValue()) {
        CtlAction.parse("ruleRemoveTargetById=" + e.getKey() + ";" + target, POLICY).apply(tx);
      }
    }
    return tx;
  }

  /**
   * The plan of a policy: its policy-constant rules run once on a transaction without request data,
   * started exactly as {@link #WafTransaction(Waf, WafPolicy)} starts one.
   */
  static Optional<PolicyPlan> plan(Waf waf, WafPolicy policy) {
    RequestState state = newState(waf, policy);
    return PolicyPlan.build(waf.rules(), waf.evaluator(), start(waf, policy, state));
  }

  /**
   * Sets the connection ({@code REMOTE_ADDR}, {@code SERVER_PORT}, ...); phase 0 has no CRS rules.
   *
   * @param clientIp the client address
   * @param clientPort the client port
   * @param serverIp the server address
   * @param serverPort the server port
   */
  public void processConnection(String clientIp, int clientPort, String serverIp, int serverPort) {
    guard(1, () -> state.setConnection(clientIp, clientPort, serverIp, serverPort));
  }

  /**
   * Sets the request line.
   *
   * @param method the method ({@code GET})
   * @param uri the URI as sent, a byte string ({@code /a?id=1})
   * @param protocol the protocol ({@code HTTP/1.1})
   */
  public void processUri(String method, String uri, String protocol) {
    guard(1, () -> state.setRequestLine(method, uri, protocol));
  }

  /**
   * Adds a request header, in the order sent (repeated headers kept).
   *
   * @param name the name
   * @param value the value, a byte string
   */
  public void addRequestHeader(String name, String value) {
    guard(1, () -> state.addRequestHeader(name, value));
  }

  /** Runs phase 1 (request headers). */
  public void processRequestHeaders() {
    guard(
        1,
        () -> {
          String type = state.requestHeader("Content-Type").orElse("");
          Optional<String> processor =
              waf.config().jsonAndXmlByContentType()
                  ? BodyProcessors.forContentTypeIncludingJsonAndXml(type)
                  : BodyProcessors.forContentType(type);
          processor.ifPresent(state::setRequestBodyProcessor);
          waf.evaluator().runPhase(tx, 1);
        });
  }

  /**
   * Appends request body bytes. Past {@code SecRequestBodyLimit}, {@code Reject} interrupts with
   * 413 at once; {@code ProcessPartial} keeps the bytes up to the limit and sets {@code
   * INBOUND_DATA_ERROR}.
   *
   * @param bytes the next bytes
   */
  public void appendRequestBody(byte[] bytes) {
    guard(
        2,
        () -> {
          long limit = requestBodyLimit();
          if (requestBody == null) {
            requestBody = new ByteArrayOutputStream(bodyRoom(bytes.length, limit));
          }
          int room = (int) Math.max(0, Math.min(Integer.MAX_VALUE, limit - requestBody.size()));
          requestBody.write(bytes, 0, Math.min(room, bytes.length));
          if (bytes.length > room && !requestBodyExceeded) {
            requestBodyExceeded = true;
            boolean reject =
                waf.config()
                    .requestBodyLimitReject()
                    .orElse(waf.settings().requestBodyLimitReject());
            if (reject) {
              tx.interrupt(new Interruption(0, Interruption.Action.DENY, 413, Optional.empty(), 2));
            }
          }
        });
  }

  /** Runs phase 2 (request body) after the body processor chosen by type or by a rule's ctl. */
  public void processRequestBody() {
    guard(
        2,
        () -> {
          tx.requestBodyProcessor().ifPresent(state::setRequestBodyProcessor);
          state.setInboundDataError(requestBodyExceeded);
          boolean access = tx.requestBodyAccess().orElse(waf.config().requestBodyAccess());
          if (access && requestBody != null && requestBody.size() > 0) {
            byte[] body = requestBody.toByteArray();
            Optional<String> name = state.requestBodyProcessor();
            String type = state.requestHeader("Content-Type").orElse("");
            Optional<BodyResult> result =
                name.flatMap(n -> BodyProcessors.defaults().byName(n))
                    .map(p -> p.process(body, type));
            if (result.isPresent()) {
              state.setRequestBody(body, result.get());
            } else {
              state.setRequestBody(body);
            }
          }
          waf.evaluator().runPhase(tx, 2);
        });
  }

  /**
   * Adds a response header, in order.
   *
   * @param name the name
   * @param value the value, a byte string
   */
  public void addResponseHeader(String name, String value) {
    guard(3, () -> state.addResponseHeader(name, value));
  }

  /**
   * Runs phase 3 (response headers).
   *
   * @param status the response status
   * @param protocol the protocol ({@code HTTP/1.1})
   */
  public void processResponseHeaders(int status, String protocol) {
    guard(
        3,
        () -> {
          state.setResponseStatus(status, protocol);
          waf.evaluator().runPhase(tx, 3);
        });
  }

  /**
   * Appends response body bytes, kept up to {@code SecResponseBodyLimit} when response body access
   * is on.
   *
   * @param bytes the next bytes
   */
  public void appendResponseBody(byte[] bytes) {
    guard(
        4,
        () -> {
          long limit = waf.settings().responseBodyLimit();
          if (responseBody == null) {
            responseBody = new ByteArrayOutputStream(bodyRoom(bytes.length, limit));
          }
          int room = (int) Math.max(0, Math.min(Integer.MAX_VALUE, limit - responseBody.size()));
          responseBody.write(bytes, 0, Math.min(room, bytes.length));
          responseBodyExceeded |= bytes.length > room;
        });
  }

  /** Runs phase 4 (response body). */
  public void processResponseBody() {
    guard(
        4,
        () -> {
          boolean access =
              waf.config().responseBodyAccess().orElse(waf.settings().responseBodyAccess());
          if (access) {
            state.setResponseBody(responseBody == null ? new byte[0] : responseBody.toByteArray());
            state.setOutboundDataError(responseBodyExceeded);
          }
          waf.evaluator().runPhase(tx, 4);
        });
  }

  /**
   * Runs phase 5 (logging); it runs even after an interruption, as in ModSecurity. The
   * transaction's working memory then serves the next transaction of this thread (a phase run after
   * this one still answers as before, on fresh memory).
   */
  public void processLogging() {
    guard(5, () -> waf.evaluator().runPhase(tx, 5));
    tx.release();
  }

  /**
   * The interruption, once a rule (or the body limit) stopped the request in {@code On} mode.
   *
   * @return the interruption; empty while the request may go on
   */
  public Optional<Interruption> interruption() {
    return tx.interruption();
  }

  /**
   * In {@code DetectionOnly} mode, the first interruption that would have happened.
   *
   * @return the interruption not carried out
   */
  public Optional<Interruption> detectedInterruption() {
    return tx.suppressedInterruption();
  }

  /**
   * The rules that matched and log, in order, plus any engine fault.
   *
   * @return the matches
   */
  public List<WafMatch> matches() {
    return tx.matches();
  }

  /**
   * The CRS inbound anomaly score so far ({@code tx.anomaly_score}, which CRS 3.3 copies to {@code
   * tx.inbound_anomaly_score} in rule 949110).
   *
   * @return the score; 0 before any scoring rule
   */
  public long inboundAnomalyScore() {
    return Math.max(txLong("anomaly_score"), txLong("inbound_anomaly_score"));
  }

  /**
   * The CRS outbound anomaly score so far ({@code tx.outbound_anomaly_score}).
   *
   * @return the score
   */
  public long outboundAnomalyScore() {
    return txLong("outbound_anomaly_score");
  }

  /**
   * The engine mode in force now ({@code ctl:ruleEngine} may have changed it).
   *
   * @return the mode
   */
  public EngineMode mode() {
    return tx.mode();
  }

  /**
   * {@code UNIQUE_ID} of this transaction.
   *
   * @return the id
   */
  public String uniqueId() {
    return state.uniqueId();
  }

  private long txLong(String key) {
    return state
        .collection("TX")
        .flatMap(c -> c.get(key))
        .map(SetvarAction::leadingInteger)
        .orElse(0L);
  }

  /** The first size of a body buffer: the first bytes given, up to the limit (at least 1). */
  private static int bodyRoom(int first, long limit) {
    return (int) Math.max(1, Math.min(first, limit));
  }

  private long requestBodyLimit() {
    return tx.requestBodyLimit() > 0
        ? tx.requestBodyLimit()
        : waf.config().requestBodyLimit().orElse(waf.settings().requestBodyLimit());
  }

  private void guard(int phase, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | StackOverflowError e) {
      tx.recordFault(phase, e.toString());
    }
  }
}
