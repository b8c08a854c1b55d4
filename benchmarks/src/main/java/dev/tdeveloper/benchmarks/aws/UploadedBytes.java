package dev.tdeveloper.benchmarks.aws;

import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Counts the request-body bytes an SDK client sends (object puts, parts, and the small XML bodies
 * such as CompleteMultipartUpload), so both sides of the comparison are measured at the same place:
 * what left the client for the server. Retries count again, as they cost again. Thread-safe.
 */
final class UploadedBytes implements ExecutionInterceptor {
  private final LongAdder bytes = new LongAdder();

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    long length =
        context
            .httpRequest()
            .firstMatchingHeader("Content-Length")
            .map(Long::parseLong)
            .or(() -> context.requestBody().map(RequestBody::optionalContentLength).flatMap(l -> l))
            .or(() -> context.asyncRequestBody().flatMap(AsyncRequestBody::contentLength))
            .orElse(0L);
    bytes.add(length);
  }

  /** Returns the bytes counted so far. */
  long total() {
    return bytes.sum();
  }
}
