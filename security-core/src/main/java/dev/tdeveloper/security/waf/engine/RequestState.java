package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.ByteStrings;
import dev.tdeveloper.security.waf.body.BodyResult;
import dev.tdeveloper.security.waf.body.UrlEncoded;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one transaction: what the API layer feeds in (connection, request line, headers,
 * body, response), what the evaluator updates (matched variables, the current rule, the highest
 * severity, {@code TX}, opened persistent collections) and every variable of {@link
 * dev.tdeveloper.security.waf.seclang.SecLangNames} derived from them as libmodsecurity3 derives
 * it. Request variables are derived once per change of the data and reused by every rule.
 *
 * <p>Choices that differ from a default ModSecurity build, on purpose: {@code ENV} holds only what
 * {@code setenv} wrote in this transaction (never the process environment, whose secrets must not
 * reach rule files or logs); {@code TIME*} use UTC; {@code DURATION} is whole milliseconds (the
 * reference manual's unit; libmodsecurity3 prints fractional seconds); {@code FILES_TMPNAMES} is
 * empty (uploads are never written to disk); {@code REQUEST_BODY} holds any request body given,
 * whatever its processor (as libmodsecurity3 does, unlike ModSecurity 2).
 *
 * <p>Not thread-safe: confined to one transaction.
 */
public final class RequestState implements VariableStore {

  private final String namespace;
  private final PersistentCollections store;
  private final TransactionClock clock;
  private final RequestData data = new RequestData();
  private Map<String, Target[]> derived = new HashMap<>();
  // What was derived before the last change: an equal result reuses the old array, so that what
  // the evaluator worked out from it (TargetViews) stays valid.
  private Map<String, Target[]> stale = new HashMap<>();
  // The same for the numbered variables (DerivedVariables), by number: no name is hashed.
  private Target[][] derivedById = new Target[DerivedVariables.count()][];
  private Target[][] staleById = new Target[DerivedVariables.count()][];
  private int derivedCount;
  private final TxCollection tx = new TxCollection("TX");
  private final Optional<MutableCollection> txCollection = Optional.of(tx);
  private final TxCollection geo = new TxCollection("GEO");
  private final TxCollection env = new TxCollection("ENV");
  private final Map<String, PersistentRecordView> opened = new HashMap<>(4);
  private final MatchedVariables matched = new MatchedVariables();
  private final RuleVariables rule = new RuleVariables();
  private final List<Target> scratch = new ArrayList<>(4);
  private long dataVersion;
  private String uniqueId = "";
  private int highestSeverity = 255;

  /**
   * The state of a new transaction.
   *
   * @param namespace the tenant namespace its persistent collections live in
   * @param store the persistent collections
   * @param wallClock wall time, for {@code TIME*}
   * @param ticker monotonic time, for {@code DURATION}
   * @throws NullPointerException when an argument is null
   */
  public RequestState(
      String namespace, PersistentCollections store, InstantSource wallClock, Ticker ticker) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = new TransactionClock(wallClock, ticker);
  }

  /**
   * Sets the connection ({@code REMOTE_ADDR}, {@code REMOTE_HOST}, {@code REMOTE_PORT}, {@code
   * SERVER_ADDR}, {@code SERVER_PORT}).
   *
   * @param clientIp the client address
   * @param clientPort the client port
   * @param serverIp the server address
   * @param serverPort the server port
   */
  public void setConnection(String clientIp, int clientPort, String serverIp, int serverPort) {
    data.remoteAddr = Objects.requireNonNull(clientIp, "clientIp");
    data.remotePort = Integer.toString(clientPort);
    data.serverAddr = Objects.requireNonNull(serverIp, "serverIp");
    data.serverPort = Integer.toString(serverPort);
    changed();
  }

  /**
   * Sets the request line and parses the query string into {@code ARGS_GET} (form decoding, the
   * separator of {@link #setArgumentSeparator}).
   *
   * @param method the method as sent ({@code GET})
   * @param uri the URI as sent, a byte string ({@code /a%20b?x=1})
   * @param protocol the protocol as sent ({@code HTTP/1.1})
   */
  public void setRequestLine(String method, String uri, String protocol) {
    data.method = Objects.requireNonNull(method, "method");
    data.protocol = Objects.requireNonNull(protocol, "protocol");
    data.uri = UriParts.parse(Objects.requireNonNull(uri, "uri"));
    data.argsGet.clear();
    data.argsGet.addAll(UrlEncoded.parse(data.uri.query(), data.argumentSeparator));
    data.queryEncodingInvalid = UrlEncoded.hasInvalidEscape(data.uri.query());
    changed();
  }

  /**
   * Sets the argument separator ({@code SecArgumentSeparator}); call before {@link
   * #setRequestLine}.
   *
   * @param separator the separator, {@code &} by default
   */
  public void setArgumentSeparator(char separator) {
    data.argumentSeparator = separator;
  }

  /**
   * Appends a request header, in the order sent; a {@code Cookie} header also fills {@code
   * REQUEST_COOKIES}, and a {@code Content-Type} of a form or multipart body sets {@code
   * REQBODY_PROCESSOR} to {@code URLENCODED} or {@code MULTIPART}, as libmodsecurity3 does.
   *
   * @param name the name as sent
   * @param value the value, a byte string
   */
  public void addRequestHeader(String name, String value) {
    data.requestHeaders.add(
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    if (name.equalsIgnoreCase("Cookie")) {
      Cookies.parse(value, data.cookies);
    } else if (name.equalsIgnoreCase("Content-Type")) {
      String type = value.toLowerCase(Locale.ROOT);
      if (type.startsWith("multipart/form-data")) {
        data.requestBodyProcessor = "MULTIPART";
      } else if (type.startsWith("application/x-www-form-urlencoded")) {
        data.requestBodyProcessor = "URLENCODED";
      }
    }
    changed();
  }

  /**
   * The value of the first request header with a name.
   *
   * @param name the name, any case
   * @return the value; empty when absent
   */
  public Optional<String> requestHeader(String name) {
    return data.requestHeaders.first(name);
  }

  /**
   * Sets {@code REQBODY_PROCESSOR} ({@code ctl:requestBodyProcessor=JSON}).
   *
   * @param processor {@code URLENCODED}, {@code MULTIPART}, {@code JSON} or {@code XML}
   */
  public void setRequestBodyProcessor(String processor) {
    data.requestBodyProcessor = processor.toUpperCase(Locale.ROOT);
    changed();
  }

  /**
   * The body processor chosen so far by the {@code Content-Type} or a {@code ctl} action.
   *
   * @return its name; empty when none applies
   */
  public Optional<String> requestBodyProcessor() {
    return data.requestBodyProcessor.isEmpty()
        ? Optional.empty()
        : Optional.of(data.requestBodyProcessor);
  }

  /**
   * Sets a request body that no processor parsed ({@code REQUEST_BODY} only).
   *
   * @param body the bytes received, already cut to the body limit
   */
  public void setRequestBody(byte[] body) {
    data.requestBody = ByteStrings.of(body);
    data.body = Optional.empty();
    changed();
  }

  /**
   * Sets a request body and what its processor made of it ({@code ARGS_POST}, {@code FILES*},
   * {@code MULTIPART_*}, {@code REQBODY_ERROR*}, {@code XML}).
   *
   * @param body the bytes received, already cut to the body limit
   * @param result the processor's result
   */
  public void setRequestBody(byte[] body, BodyResult result) {
    data.requestBody = ByteStrings.of(body);
    data.body = Optional.of(result);
    changed();
  }

  /**
   * Sets {@code INBOUND_DATA_ERROR}: whether the request body exceeded its limit.
   *
   * @param exceeded true when it did
   */
  public void setInboundDataError(boolean exceeded) {
    String value = exceeded ? "1" : "0";
    if (!value.equals(data.inboundDataError)) {
      data.inboundDataError = value;
      changed(DerivedVariables.INBOUND_DATA_ERROR);
    }
  }

  /**
   * Sets {@code OUTBOUND_DATA_ERROR}: whether the response body exceeded its limit.
   *
   * @param exceeded true when it did
   */
  public void setOutboundDataError(boolean exceeded) {
    String value = exceeded ? "1" : "0";
    if (!value.equals(data.outboundDataError)) {
      data.outboundDataError = value;
      changed(DerivedVariables.OUTBOUND_DATA_ERROR);
    }
  }

  /**
   * Sets the response status line ({@code RESPONSE_STATUS}, {@code RESPONSE_PROTOCOL}).
   *
   * @param status the status code
   * @param protocol the protocol ({@code HTTP/1.1})
   */
  public void setResponseStatus(int status, String protocol) {
    data.responseStatus = Integer.toString(status);
    data.responseProtocol = Objects.requireNonNull(protocol, "protocol");
    changed();
  }

  /**
   * Appends a response header, in order.
   *
   * @param name the name
   * @param value the value, a byte string
   */
  public void addResponseHeader(String name, String value) {
    data.responseHeaders.add(
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    changed();
  }

  /**
   * Sets the response body ({@code RESPONSE_BODY}, {@code RESPONSE_CONTENT_LENGTH}).
   *
   * @param body the bytes, already cut to the response body limit
   */
  public void setResponseBody(byte[] body) {
    data.responseBody = Optional.of(ByteStrings.of(body));
    changed();
  }

  /**
   * Uses a caller's request id as {@code UNIQUE_ID} (to correlate logs and the 403 answer).
   *
   * @param id the id
   */
  public void setUniqueId(String id) {
    uniqueId = Objects.requireNonNull(id, "id");
  }

  /**
   * {@code UNIQUE_ID}: the id set by {@link #setUniqueId}, else one generated on first use, unique
   * within the process and practically across processes.
   *
   * @return the id
   */
  public String uniqueId() {
    if (uniqueId.isEmpty()) {
      uniqueId = UniqueIds.next();
    }
    return uniqueId;
  }

  /**
   * The evaluator's view of matched variables ({@code MATCHED_VAR(S)(_NAMES)}).
   *
   * @return the matched variables of this transaction
   */
  public MatchedVariables matched() {
    return matched;
  }

  /**
   * The evaluator's view of the rule being evaluated ({@code RULE:id}, {@code %{rule.msg}}).
   *
   * @return the current rule's variables
   */
  public RuleVariables rule() {
    return rule;
  }

  /**
   * Raises {@code HIGHEST_SEVERITY} with a matched rule's severity (0 is the highest).
   *
   * @param severity the severity, 0 to 7
   */
  public void raiseSeverity(int severity) {
    if (severity >= 0 && severity < highestSeverity) {
      highestSeverity = severity;
    }
  }

  /**
   * {@code HIGHEST_SEVERITY}.
   *
   * @return the highest severity matched, 255 when none
   */
  public int highestSeverity() {
    return highestSeverity;
  }

  /**
   * Opens a persistent collection ({@code initcol:ip=%{REMOTE_ADDR}}, key already expanded) in this
   * transaction's tenant namespace.
   *
   * @param collection {@code IP}, {@code GLOBAL}, {@code SESSION}, {@code USER} or {@code
   *     RESOURCE}, any case
   * @param key the record key
   */
  public void initcol(String collection, String key) {
    String name = upperCaseName(collection);
    opened.put(name, store.openView(namespace, name, key));
  }

  /** A collection's name in upper case; CRS's two, written in lower case, without a new string. */
  private static String upperCaseName(String collection) {
    return switch (collection) {
      case "ip" -> "IP";
      case "global" -> "GLOBAL";
      default -> collection.toUpperCase(Locale.ROOT);
    };
  }

  /**
   * Sets a {@code GEO} value (written by {@code @geoLookup}).
   *
   * @param key the key ({@code country_code})
   * @param value the value
   */
  public void setGeo(String key, String value) {
    geo.set(key, value);
  }

  @Override
  public void collect(
      String variable, Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out) {
    collect(VariableKind.of(variable), variable, key, keyPattern, out);
  }

  /**
   * {@link #collect(String, Optional, Optional, List)} of a variable whose kind is known.
   *
   * @param kind the variable's kind, {@link VariableKind#of} its name
   * @param variable the variable or collection name, upper case
   * @param key a key; empty for all
   * @param keyPattern a key regex; empty for none
   * @param out where the values go
   */
  void collect(
      VariableKind kind,
      String variable,
      Optional<String> key,
      Optional<WafPattern> keyPattern,
      List<Target> out) {
    switch (kind) {
      case TX -> tx.collect(key, keyPattern, out);
      case GEO -> geo.collect(key, keyPattern, out);
      case ENV -> env.collect(key, keyPattern, out);
      case PERSISTENT -> {
        PersistentRecordView view = opened.get(variable);
        if (view != null) {
          view.collect(key, keyPattern, out);
        }
      }
      case RULE -> rule.collect(key, keyPattern, out);
      case MATCHED -> matched.collect(variable, key, keyPattern, out);
      case XML -> collectXml(key, out);
      case UNIQUE_ID -> out.add(new Target(variable, variable, uniqueId()));
      case HIGHEST_SEVERITY ->
          out.add(new Target(variable, variable, Integer.toString(highestSeverity)));
      case DURATION -> out.add(new Target(variable, variable, clock.durationMillis()));
      case TIME -> clock.collect(variable, out);
      case DERIVED -> Selection.select(derivedTargets(variable), key, keyPattern, out);
    }
  }

  private void changed() {
    if (!derived.isEmpty()) {
      Map<String, Target[]> old = derived;
      stale.clear();
      derived = stale;
      stale = old;
    }
    if (derivedCount > 0) {
      Target[][] old = derivedById;
      java.util.Arrays.fill(staleById, null);
      derivedById = staleById;
      staleById = old;
      derivedCount = 0;
    }
    dataVersion++;
  }

  /** A change of data that only one numbered variable reads: the others keep their targets. */
  private void changed(int variable) {
    if (derivedById[variable] != null) {
      derivedById[variable] = null;
      derivedCount--;
    }
    dataVersion++;
  }

  /**
   * A number that changes whenever the request or response data changes, so that {@link
   * #stableTargets} may give new arrays.
   *
   * @return the version, never negative
   */
  public long dataVersion() {
    return dataVersion;
  }

  /**
   * The targets of a variable derived from the request and response data, computed once per change
   * of the data: the same array until the data changes, and after a change the same array again
   * when the targets are equal (a new one otherwise).
   *
   * @param variable the variable name, upper case
   * @return its targets (never modify the array); null for a collection or variable that is not
   *     derived from the data ({@code TX}, {@code MATCHED_VAR}, {@code TIME}, {@code XML}, ...)
   */
  public Target[] stableTargets(String variable) {
    if (DerivedVariables.never(variable)) {
      return null;
    }
    return derivedTargets(variable);
  }

  /**
   * {@link #stableTargets(String)} for a variable whose number is known.
   *
   * @param id the variable's number ({@link DerivedVariables#number}): -1 when it has none, {@link
   *     DerivedVariables#NEVER} when it is never derived
   * @param variable the variable name, upper case
   * @return its targets; null for a variable not derived from the data
   */
  Target[] stableTargets(int id, String variable) {
    if (id == DerivedVariables.NEVER) {
      return null;
    }
    return id >= 0 ? derivedTargets(id) : stableTargets(variable);
  }

  private Target[] derivedTargets(int id) {
    Target[] targets = derivedById[id];
    if (targets == null) {
      targets = RequestVariables.derive(data, DerivedVariables.NAMES.get(id));
      Target[] before = staleById[id];
      if (before != null && java.util.Arrays.equals(before, targets)) {
        targets = before;
      }
      derivedById[id] = targets;
      derivedCount++;
    }
    return targets;
  }

  private Target[] derivedTargets(String variable) {
    int id = DerivedVariables.id(variable);
    if (id >= 0) {
      return derivedTargets(id);
    }
    Target[] targets = derived.get(variable);
    if (targets == null) {
      targets = RequestVariables.derive(data, variable);
      Target[] before = stale.get(variable);
      if (before != null && java.util.Arrays.equals(before, targets)) {
        targets = before;
      }
      derived.put(variable, targets);
    }
    return targets;
  }

  private void collectXml(Optional<String> key, List<Target> out) {
    if (data.body.isEmpty() || data.body.get().xml().isEmpty()) {
      return;
    }
    String xpath = key.orElse("/*");
    for (String v : data.body.get().xml().get().select(xpath)) {
      out.add(new Target("XML:" + xpath, xpath, v));
    }
  }

  @Override
  public Optional<MutableCollection> collection(String name) {
    if (name.equals("tx") || name.equals("TX")) {
      return txCollection; // every setvar of CRS but a few
    }
    String upper = name.toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "TX" -> Optional.of(tx);
      case "ENV" -> Optional.of(env);
      case "GEO" -> Optional.of(geo);
      default -> Optional.ofNullable(opened.get(upper));
    };
  }

  @Override
  public String expand(String text) {
    return text.indexOf("%{") < 0 ? text : MacroTemplate.of(text).expand(this);
  }

  @Override
  public String expand(MacroTemplate template) {
    return template.text().indexOf("%{") < 0 ? template.text() : template.expand(this);
  }

  /**
   * {@code %{tx.key}} for a key whose number is known: the same as {@link #firstValue} of {@code
   * TX}.
   *
   * @param slot the key's {@link TxKeys} number
   * @param key the key, any case
   * @return the value; empty when absent
   */
  String txValue(int slot, String key) {
    return tx.getOr(slot, key, "");
  }

  /**
   * The first value a variable selects, for macro expansion; fast paths for the variables CRS
   * expands per match.
   *
   * @param variable the variable name, upper case
   * @param key the key; empty for none
   * @return the value; empty when nothing is selected
   */
  String firstValue(String variable, String key) {
    switch (variable) {
      case "TX":
        return tx.getOr(key, "");
      case "MATCHED_VAR":
        return matched.lastValue();
      case "MATCHED_VAR_NAME":
        return matched.lastName();
      case "RULE":
        return rule.value(key);
      default:
        scratch.clear();
        collect(
            variable,
            key.isEmpty() ? Optional.empty() : Optional.of(key),
            Optional.empty(),
            scratch);
        String v = scratch.isEmpty() ? "" : scratch.get(0).value();
        scratch.clear();
        return v;
    }
  }
}
