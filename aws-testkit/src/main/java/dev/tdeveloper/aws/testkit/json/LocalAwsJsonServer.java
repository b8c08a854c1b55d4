package dev.tdeveloper.aws.testkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A <b>test double</b> of AWS KMS and AWS Secrets Manager, built from AWS's public API reference,
 * <b>not AWS</b>: an HTTP server on loopback speaking the JSON 1.1 protocol ({@code POST /} with
 * {@code X-Amz-Target: TrentService.<Operation>} or {@code secretsmanager.<Operation>} and {@code
 * Content-Type: application/x-amz-json-1.1}), so that the real SDK clients, built with {@code
 * endpointOverride(server.endpoint())} and static credentials, run their marshalling, signing,
 * error parsing and retry strategy against it.
 *
 * <p>It implements only what the AWS backend uses. KMS: CreateKey, DescribeKey, Encrypt, Decrypt,
 * GenerateDataKey (AES-256-GCM inside; the encryption context is bound as AAD, so Decrypt with
 * another context fails with {@code InvalidCiphertextException}), EnableKey, DisableKey,
 * ScheduleKeyDeletion (7-30 days; the key and its aliases vanish once the clock passes the date),
 * CancelKeyDeletion, CreateAlias, ListAliases. Secrets Manager: CreateSecret, PutSecretValue (with
 * VersionStages), GetSecretValue (by VersionId and/or VersionStage), DescribeSecret
 * (VersionIdsToStages), ListSecretVersionIds, UpdateSecretVersionStage (with RemoveFromVersionId
 * checked), ListSecrets (paginated, name filter), DeleteSecret. Errors are {@code {"__type",
 * "message"}} bodies with HTTP 400 (500 for a bug of the double); a request without a SigV4 {@code
 * Authorization} header gets {@code MissingAuthenticationTokenException} 403. The signature itself
 * is not verified.
 *
 * <p>{@link #throttleNext} makes the next requests answer {@code ThrottlingException} (400), which
 * the SDK's retry strategy retries: a test proves retries happen by the request count; {@link
 * #failNext} answers any error once. State lives in memory only. Thread-safe.
 */
public final class LocalAwsJsonServer implements AutoCloseable {
  /** The region the ARNs name: {@value}. */
  public static final String REGION = "us-east-1";

  static {
    // The JDK server's Nagle delay meets the client's delayed ACK: ~40 ms per small answer.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final LocalKms kms;
  private final LocalSecretsManager secretsManager;
  private final AtomicInteger throttle = new AtomicInteger();
  private final AtomicReference<AwsJsonError> injected = new AtomicReference<>();
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

  private LocalAwsJsonServer(InstantSource clock) {
    this.kms = new LocalKms(clock, REGION);
    this.secretsManager = new LocalSecretsManager(clock, REGION);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port", e);
    }
    executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /** Starts a server on a free loopback port, with the system clock. */
  public static LocalAwsJsonServer start() {
    return start(InstantSource.system());
  }

  /**
   * Starts a server on a free loopback port whose key creation, deletion dates and secret version
   * dates come from {@code clock} (a test moves it past a deletion's waiting period).
   */
  public static LocalAwsJsonServer start(InstantSource clock) {
    return new LocalAwsJsonServer(Objects.requireNonNull(clock, "clock"));
  }

  /** Returns {@code http://127.0.0.1:<port>}, for the SDK's {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Makes the next {@code count} requests (of any service) answer {@code ThrottlingException}. */
  public void throttleNext(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    throttle.set(count);
  }

  /**
   * Makes the next request (of any service) answer the error {@code type} with HTTP 400 and {@code
   * message}, for tests that a client never repeats what a server echoes.
   */
  public void failNext(String type, String message) {
    injected.set(
        new AwsJsonError(
            Objects.requireNonNull(type, "type"), 400, Objects.requireNonNull(message, "message")));
  }

  /**
   * Returns how many requests arrived with {@code target}, such as {@code TrentService.Decrypt},
   * throttled ones included.
   */
  public long requests(String target) {
    LongAdder n = requests.get(target);
    return n == null ? 0 : n.sum();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      target = target == null ? "" : target;
      requests.computeIfAbsent(target, t -> new LongAdder()).increment();
      int status = 200;
      ObjectNode body;
      try {
        body = dispatch(exchange, target);
      } catch (AwsJsonError e) {
        status = e.status();
        body = Json.object();
        body.put("__type", e.type());
        body.put("message", e.getMessage());
      } catch (RuntimeException e) {
        status = 500;
        body = Json.object();
        body.put("__type", "InternalFailure");
        body.put("message", e.getClass().getSimpleName());
      }
      byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private ObjectNode dispatch(HttpExchange exchange, String target) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      throw AwsJsonError.of("UnknownOperationException", "only POST is served");
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null || !contentType.startsWith("application/x-amz-json-1.1")) {
      throw AwsJsonError.of(
          "SerializationException", "Content-Type must be application/x-amz-json-1.1");
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null
        || !auth.startsWith("AWS4-HMAC-SHA256 Credential=")
        || !auth.contains("Signature=")
        || exchange.getRequestHeaders().getFirst("X-Amz-Date") == null) {
      throw new AwsJsonError(
          "MissingAuthenticationTokenException", 403, "Request is missing Authentication Token");
    }
    AwsJsonError failure = injected.getAndSet(null);
    if (failure != null) {
      throw failure;
    }
    if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw AwsJsonError.of("ThrottlingException", "Rate exceeded");
    }
    JsonNode request;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] raw = in.readAllBytes();
      request = Json.MAPPER.readTree(raw.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : raw);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw AwsJsonError.of("SerializationException", "the body is not JSON");
    }
    if (!request.isObject()) {
      throw AwsJsonError.of("SerializationException", "the body must be a JSON object");
    }
    int dot = target.indexOf('.');
    String service = dot < 0 ? "" : target.substring(0, dot);
    String operation = target.substring(dot + 1);
    return switch (service) {
      case "TrentService" -> kms.handle(operation, request);
      case "secretsmanager" -> secretsManager.handle(operation, request);
      default -> throw AwsJsonError.of("UnknownOperationException", "unknown target " + target);
    };
  }

  /** Stops the server; its state is gone. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Returns {@code LocalAwsJsonServer[<endpoint>]}. */
  @Override
  public String toString() {
    return "LocalAwsJsonServer[" + endpoint() + "]";
  }
}
