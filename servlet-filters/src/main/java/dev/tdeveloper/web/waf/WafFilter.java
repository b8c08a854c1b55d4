package dev.tdeveloper.web.waf;

import dev.tdeveloper.security.waf.Interruption;
import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.security.waf.WafTransaction;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.web.audit.AuditFilter;
import dev.tdeveloper.web.internal.SafeText;
import dev.tdeveloper.web.problem.ProblemWriter;
import dev.tdeveloper.web.shield.AbuseShieldFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs a {@link Waf} (for example the OWASP CRS 3.3.4) around the application, as ModSecurity's
 * connectors do:
 *
 * <ol>
 *   <li>before the application: the connection (client address from {@link
 *       AbuseShieldFilter#CLIENT_IP_ATTRIBUTE} when the abuse shield resolved it, else {@code
 *       getRemoteAddr()}), the request line as sent (raw URI and query string), the headers (phase
 *       1), then the body, read up to the WAF's request body limit (phase 2). The application reads
 *       the same body: the filter replays it (see {@link ReplayedRequest}). Over the limit, the
 *       WAF's {@code SecRequestBodyLimitAction} decides: {@code Reject} answers 413, {@code
 *       ProcessPartial} inspects the first part and replays the whole body;
 *   <li>on the response: headers and status (phase 3) when the body starts, the body (phase 4)
 *       buffered up to {@link WafFilterBuilder#responseBodyLimit} (see {@link InspectedResponse}),
 *       written out only if the WAF lets it; then phase 5, always.
 * </ol>
 *
 * <p>An interruption is answered, instead of the application's response, with its status (403
 * unless the rule says otherwise, 413 for a body over the limit) as an {@code
 * application/problem+json} of type {@code request-blocked}, {@code request-too-large} or {@code
 * response-blocked} carrying the {@code requestId}; rule ids are added only when {@link
 * WafFilterBuilder#exposeRuleIds} is on. {@code redirect} sends a redirect. {@code drop} cannot
 * close a connection through the servlet API: the filter answers as for {@code deny}, adding {@code
 * Connection: close} so the connection is closed after the answer. In DetectionOnly (the WAF's, or
 * a tenant policy's mode) nothing is blocked and the would-be interruption is published.
 *
 * <p>Every response carries the request id in {@code X-Request-Id} (the one sent if it is a token
 * of at most 128 characters, else a random UUID); it is also stored in the request attribute
 * {@value #REQUEST_ID_ATTRIBUTE}. Listeners get one {@link WafFilterEvent} per request that matched
 * a rule, after phase 5, with the tenant namespace, the request id and the matches.
 *
 * <p><b>Failing open.</b> The engine does not throw on any input; should it (or the tenant policy
 * resolver) throw anyway, the request goes on uninspected and a {@link WafFilterEvent.Failed} is
 * published: a broken firewall must not take the service down. Exceptions of the application and
 * I/O errors of the client propagate as without the filter. Later dispatches of a request (async,
 * forward, error) are not inspected again. The response of an asynchronous request is not held
 * back: phase 3 runs when the filter returns, its body passes uninspected, and phases 4 and 5 run
 * when the async cycle completes.
 *
 * <p>Thread-safe and immutable: one instance serves every request.
 */
public final class WafFilter implements Filter {
  /** The request attribute holding the request id: {@value}. */
  public static final String REQUEST_ID_ATTRIBUTE = AuditFilter.REQUEST_ID_ATTRIBUTE;

  /** Marks a request this filter has inspected, so a later dispatch is not inspected again. */
  static final String INSPECTED_ATTRIBUTE = "dev.tdeveloper.web.waf.inspected";

  /** The header carrying the request id, read from the request and set on the response. */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  private static final byte[] NO_BYTES = new byte[0];

  /** The most bytes a request body's array is made for before they arrive. */
  static final int PRESIZED = 64 * 1024;

  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._~:@+=/-]{1,128}");

  private final Waf waf;
  private final Function<HttpServletRequest, Optional<WafPolicy>> policies;
  private final InspectedResponse.ResponseInspection inspection;
  private final long requestBodyLimit;
  private final boolean requestBodyAccess;
  private final boolean exposeRuleIds;
  private final ProblemWriter problemWriter;
  private final Listeners<WafFilterEvent> listeners;

  WafFilter(WafFilterBuilder b) {
    this.waf = b.waf;
    this.policies = b.policies;
    this.inspection =
        new InspectedResponse.ResponseInspection(
            waf.readsResponseHeaders(),
            waf.config().responseBodyAccess().orElse(waf.settings().responseBodyAccess()),
            waf.settings().responseBodyMimeTypes(),
            b.responseBodyLimit > 0 ? b.responseBodyLimit : waf.settings().responseBodyLimit(),
            waf.settings().responseBodyLimitReject());
    this.requestBodyLimit =
        waf.config().requestBodyLimit().orElse(waf.settings().requestBodyLimit());
    this.requestBodyAccess = waf.config().requestBodyAccess();
    this.exposeRuleIds = b.exposeRuleIds;
    this.problemWriter = b.problemWriter;
    this.listeners = Listeners.of(b.listeners);
  }

  /** Returns a builder; a WAF is required. */
  public static WafFilterBuilder builder() {
    return new WafFilterBuilder();
  }

  /**
   * Inspects the request and its response as described in the class documentation.
   *
   * @throws ServletException if the request is not an HTTP request, or as the chain throws
   * @throws IOException if reading the request body, the chain or writing the answer fails
   */
  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      throw new ServletException(
          "WafFilter handles HTTP requests only, got " + req.getClass().getName());
    }
    if (request.getAttribute(INSPECTED_ATTRIBUTE) != null) {
      chain.doFilter(request, response); // a later dispatch of a request already inspected
      return;
    }
    request.setAttribute(INSPECTED_ATTRIBUTE, Boolean.TRUE);
    // An earlier filter (the audit filter) may have given the request its id already: keep it.
    Object given = request.getAttribute(REQUEST_ID_ATTRIBUTE);
    String sent = request.getHeader(REQUEST_ID_HEADER);
    String requestId =
        given instanceof String g && !g.isEmpty()
            ? g
            : sent != null && REQUEST_ID.matcher(sent).matches()
                ? sent
                : UUID.randomUUID().toString();
    request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    Exchange x = begin(request, requestId);
    HttpServletRequest forwarded = inspectRequest(request, x.tx);
    Optional<Interruption> early = x.tx.interruption();
    if (early.isPresent()) {
      end(x, early, true); // before answering, so listeners know before the client does
      answer(response, early.get(), x);
      return;
    }
    InspectedResponse held = new InspectedResponse(response, x.tx, inspection, protocol(request));
    try {
      chain.doFilter(forwarded, held);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      end(x, x.tx.interruption(), false);
      throw e;
    }
    if (forwarded.isAsyncStarted()) {
      held.passThrough();
      forwarded.getAsyncContext().addListener(new AsyncEnd(this, x, held));
      return;
    }
    held.finish();
    Optional<Interruption> late = x.tx.interruption().or(held::tooLarge);
    boolean enforced = late.isPresent() && !response.isCommitted();
    end(x, late, enforced);
    if (enforced) {
      answer(response, late.get(), x);
    } else {
      held.release();
    }
  }

  /** The per-request state carried through the phases. */
  record Exchange(
      GuardedTransaction tx,
      Optional<String> tenant,
      String requestId,
      String method,
      String path) {}

  private Exchange begin(HttpServletRequest request, String requestId) {
    String method = SafeText.clean(request.getMethod() == null ? "" : request.getMethod(), 20);
    String path =
        SafeText.clean(request.getRequestURI() == null ? "" : request.getRequestURI(), 200);
    Optional<String> tenant = Optional.empty();
    GuardedTransaction tx;
    try {
      Optional<WafPolicy> policy = policies.apply(request);
      if (policy == null) {
        throw new NullPointerException("WAF policy resolver returned null, not an Optional");
      }
      tenant = policy.map(WafPolicy::namespace).filter(ns -> !ns.isEmpty());
      WafTransaction created =
          policy.isPresent() ? waf.newTransaction(policy.get()) : waf.newTransaction();
      tx = GuardedTransaction.of(created);
    } catch (RuntimeException | StackOverflowError e) {
      tx = GuardedTransaction.failed(e);
    }
    return new Exchange(tx, tenant, requestId, method, path);
  }

  /** Runs phases 1 and 2; returns the request the application reads (its body replayed). */
  private HttpServletRequest inspectRequest(HttpServletRequest request, GuardedTransaction tx)
      throws IOException {
    tx.run(
        t -> {
          t.processConnection(
              clientAddress(request),
              request.getRemotePort(),
              unbracket(request.getLocalAddr()),
              request.getLocalPort());
          String query = request.getQueryString();
          String uri = request.getRequestURI();
          t.processUri(
              request.getMethod(),
              Bytes.of(query == null ? uri : uri + "?" + query),
              protocol(request));
          var names = request.getHeaderNames();
          while (names.hasMoreElements()) { // no list copies: this runs on every request
            String name = names.nextElement();
            var values = request.getHeaders(name);
            while (values.hasMoreElements()) {
              t.addRequestHeader(name, Bytes.of(values.nextElement()));
            }
          }
          t.processRequestHeaders();
        });
    if (tx.failure().isPresent() || tx.interruption().isPresent()) {
      return request;
    }
    HttpServletRequest forwarded = request;
    if (requestBodyAccess) {
      // One byte past the limit tells the WAF the body is over it (Reject or ProcessPartial).
      int want = (int) Math.min(Integer.MAX_VALUE - 16, requestBodyLimit + 1);
      var in = request.getInputStream();
      byte[] head = readHead(in, want, request.getContentLengthLong());
      if (head.length > 0) {
        tx.run(t -> t.appendRequestBody(head));
        forwarded = new ReplayedRequest(request, head, head.length == want ? in : null);
      }
    }
    if (tx.interruption().isEmpty()) {
      tx.run(t -> t.processRequestBody());
    }
    return forwarded;
  }

  /**
   * Reads up to {@code want} bytes, as {@code in.readNBytes(want)} does, without its 8 KiB buffer
   * and copy: a body of a declared length (the {@code Content-Length}, -1 when unknown) is read
   * into an array of that size (at most {@value #PRESIZED} bytes ahead of the data: a declared
   * length costs nothing to send), and an undeclared one only after a first byte came (most
   * requests have no body). The declared length is a hint: a body longer or shorter than declared
   * is read as {@code readNBytes} reads it.
   */
  static byte[] readHead(InputStream in, int want, long declared) throws IOException {
    if (want <= 0) {
      return in.readNBytes(want);
    }
    if (declared > 0) {
      int size = (int) Math.min(Math.min(want, declared), PRESIZED);
      byte[] head = new byte[size];
      int n = in.readNBytes(head, 0, size);
      if (n < size) {
        return Arrays.copyOf(head, n);
      }
      return n == want ? head : readOn(in, want, head);
    }
    return readOn(in, want, NO_BYTES);
  }

  /** {@code read} followed by what {@code in} holds after it, up to {@code want} bytes in all. */
  private static byte[] readOn(InputStream in, int want, byte[] read) throws IOException {
    int first = in.read();
    if (first < 0) {
      return read;
    }
    byte[] rest = in.readNBytes(want - read.length - 1);
    byte[] head = Arrays.copyOf(read, read.length + 1 + rest.length);
    head[read.length] = (byte) first;
    System.arraycopy(rest, 0, head, read.length + 1, rest.length);
    return head;
  }

  private void answer(HttpServletResponse response, Interruption interruption, Exchange x)
      throws IOException {
    response.reset();
    response.setHeader(REQUEST_ID_HEADER, x.requestId);
    if (interruption.action() == Interruption.Action.REDIRECT
        && interruption.redirectUrl().isPresent()) {
      response.sendRedirect(interruption.redirectUrl().get());
      return;
    }
    if (interruption.action() == Interruption.Action.DROP) {
      response.setHeader("Connection", "close");
    }
    int status = interruption.status();
    if (status < 400 || status > 599) {
      response.setStatus(status); // a rule's non-error status: no problem document fits it
      response.setContentLength(0);
      return;
    }
    problemWriter.write(
        response,
        WafProblems.of(interruption)
            .problem(interruption, status, x.requestId, exposeRuleIds, x.tx.matches()));
  }

  /** Runs phase 5 and tells the listeners. */
  void end(Exchange x, Optional<Interruption> decided, boolean enforced) {
    x.tx.run(t -> t.processLogging());
    if (listeners.isEmpty()) {
      return;
    }
    var matches = x.tx.matches();
    Optional<Throwable> failure = x.tx.failure();
    WafFilterEvent event = null;
    if (failure.isPresent()) {
      event =
          new WafFilterEvent.Failed(
              x.tenant, x.requestId, x.method, x.path, failure.get(), matches);
    } else if (decided.isPresent()) {
      event =
          new WafFilterEvent.Interrupted(
              x.tenant, x.requestId, x.method, x.path, decided.get(), enforced, matches);
    } else {
      Optional<Interruption> detected = x.tx.detected();
      if (detected.isPresent()) {
        event =
            new WafFilterEvent.Detected(
                x.tenant, x.requestId, x.method, x.path, detected.get(), matches);
      } else if (!matches.isEmpty()) {
        event = new WafFilterEvent.Matched(x.tenant, x.requestId, x.method, x.path, matches);
      }
    }
    if (event != null) {
      listeners.publish(event);
    }
  }

  private static String clientAddress(HttpServletRequest request) {
    Object resolved = request.getAttribute(AbuseShieldFilter.CLIENT_IP_ATTRIBUTE);
    return resolved != null ? resolved.toString() : unbracket(request.getRemoteAddr());
  }

  private static String unbracket(String address) {
    if (address == null) {
      return "";
    }
    if (address.length() > 2 && address.startsWith("[") && address.endsWith("]")) {
      return address.substring(1, address.length() - 1);
    }
    return address;
  }

  private static String protocol(HttpServletRequest request) {
    return request.getProtocol() == null ? "HTTP/1.1" : request.getProtocol();
  }

  @Override
  public String toString() {
    return "WafFilter[rules=" + waf.ruleCount() + ", exposeRuleIds=" + exposeRuleIds + "]";
  }
}
