package dev.tdeveloper.backend.aws.s3;

import dev.tdeveloper.aws.testkit.s3.S3Clients;
import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real client whose interceptor records, per operation, the HTTP headers that went to the server:
 * proves what a store asked for where a local server does not keep or return it.
 */
public final class WireHeaders implements ExecutionInterceptor {
  /** One request as sent. */
  public record Sent(String operation, Map<String, List<String>> headers) {
    /** Returns the first value of header {@code name} (any case), or null. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    sent.add(
        new Sent(
            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
            context.httpRequest().headers()));
  }

  /** Returns the requests of {@code operation}. */
  public List<Sent> of(String operation) {
    return sent.stream().filter(s -> s.operation().equals(operation)).toList();
  }

  /** Returns how many requests were sent so far. */
  public int size() {
    return sent.size();
  }

  /** Returns the requests sent after the first {@code from}, in order. */
  public List<Sent> since(int from) {
    return List.copyOf(sent.subList(from, sent.size()));
  }

  /** Returns a new client for {@code kind}'s server recording into this; close it. */
  public S3Client client(S3ServerKind kind) {
    return S3Clients.syncBuilder(kind.shared().endpoint())
        .overrideConfiguration(c -> c.addExecutionInterceptor(this))
        .build();
  }
}
