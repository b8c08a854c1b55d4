package dev.tdeveloper.backend.aws.s3.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A multipart upload of one large object: its parts go up in parallel on a shared executor, each
 * streamed from the caller's array (no copy of ours), and a shared semaphore counts the bytes of
 * parts in flight, so all uploads together never send more than the budget at once. The object
 * appears only when the upload completes ({@code If-None-Match: *}, so an existing object is never
 * replaced); a failure aborts the upload; a crash leaves an incomplete upload, invisible, that a
 * garbage pass aborts. Thread-safe.
 */
public final class MultipartUpload {
  private final S3Objects objects;
  private final ExecutorService executor;
  private final Semaphore budget;
  private final int partSize;
  private final IntConsumer afterPart;

  /**
   * Creates the uploader.
   *
   * @param objects the bucket operations (client, options, failures)
   * @param executor where parts are uploaded
   * @param budget permits are bytes; at least {@code partSize}
   * @param partSize bytes per part (the last may be smaller); at least 5 MiB
   * @param afterPart hears each part number once it is uploaded (for crash tests)
   */
  public MultipartUpload(
      S3Objects objects,
      ExecutorService executor,
      Semaphore budget,
      int partSize,
      IntConsumer afterPart) {
    this.objects = Objects.requireNonNull(objects, "objects");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.partSize = partSize;
    this.afterPart = Objects.requireNonNull(afterPart, "afterPart");
  }

  /**
   * Uploads {@code bytes} as the object {@code key} unless an object is there already.
   *
   * @return true if this call created the object, false if one existed
   */
  public boolean putIfAbsent(String key, byte[] bytes) {
    String bucket = objects.bucket();
    ObjectOptions options = objects.options();
    String hash = Hashes.hex(Hashes.sha256(bytes, 0, bytes.length));
    CreateMultipartUploadRequest.Builder create =
        CreateMultipartUploadRequest.builder()
            .bucket(bucket)
            .key(key)
            .metadata(Map.of(S3Objects.SHA256_METADATA, hash))
            .overrideConfiguration(objects.override());
    if (options.serverChecksums()) {
      create.checksumAlgorithm(ChecksumAlgorithm.SHA256);
    }
    objects.applyEncryption(create::serverSideEncryption, create::ssekmsKeyId);
    options
        .objectLock()
        .ifPresent(
            lock ->
                create
                    .objectLockMode(S3Objects.mode(lock))
                    .objectLockRetainUntilDate(options.clock().instant().plus(lock.retention())));
    String uploadId;
    try {
      uploadId = objects.client().createMultipartUpload(create.build()).uploadId();
    } catch (SdkException e) {
      throw objects.failures().failed("start a multipart upload of s3://" + bucket + "/" + key, e);
    }
    try {
      List<CompletedPart> parts = uploadParts(key, uploadId, bytes);
      objects
          .client()
          .completeMultipartUpload(
              b ->
                  b.bucket(bucket)
                      .key(key)
                      .uploadId(uploadId)
                      .ifNoneMatch("*")
                      .multipartUpload(m -> m.parts(parts))
                      .overrideConfiguration(objects.override()));
      return true;
    } catch (S3Exception e) {
      abort(key, uploadId);
      if (e.statusCode() == 412) {
        return false;
      }
      throw objects.failures().failed("upload s3://" + bucket + "/" + key, e);
    } catch (RuntimeException e) {
      abort(key, uploadId);
      throw e instanceof SdkException
          ? objects.failures().failed("upload s3://" + bucket + "/" + key, e)
          : e;
    }
  }

  private List<CompletedPart> uploadParts(String key, String uploadId, byte[] bytes) {
    List<CompletableFuture<CompletedPart>> futures = new ArrayList<>();
    int part = 1;
    for (int offset = 0; offset < bytes.length; offset += partSize, part++) {
      int length = Math.min(partSize, bytes.length - offset);
      int number = part;
      int from = offset;
      budget.acquireUninterruptibly(length);
      try {
        futures.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return uploadPart(key, uploadId, number, bytes, from, length);
                  } finally {
                    budget.release(length);
                  }
                },
                executor));
      } catch (RuntimeException e) {
        budget.release(length);
        throw e;
      }
    }
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return futures.stream()
        .map(CompletableFuture::join)
        .sorted(Comparator.comparingInt(CompletedPart::partNumber))
        .toList();
  }

  private CompletedPart uploadPart(
      String key, String uploadId, int number, byte[] bytes, int offset, int length) {
    UploadPartRequest.Builder request =
        UploadPartRequest.builder()
            .bucket(objects.bucket())
            .key(key)
            .uploadId(uploadId)
            .partNumber(number)
            .contentLength((long) length)
            .overrideConfiguration(objects.override());
    String checksum = null;
    if (objects.options().serverChecksums()) {
      checksum = Hashes.base64(Hashes.sha256(bytes, offset, length));
      request.checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(checksum);
    }
    UploadPartResponse response =
        objects
            .client()
            .uploadPart(
                request.build(),
                RequestBody.fromInputStream(
                    new ByteArrayInputStream(bytes, offset, length), length));
    afterPart.accept(number);
    return CompletedPart.builder()
        .partNumber(number)
        .eTag(response.eTag())
        .checksumSHA256(checksum)
        .build();
  }

  private void abort(String key, String uploadId) {
    try {
      objects
          .client()
          .abortMultipartUpload(
              b ->
                  b.bucket(objects.bucket())
                      .key(key)
                      .uploadId(uploadId)
                      .overrideConfiguration(objects.override()));
    } catch (SdkException e) {
      // the garbage pass aborts it later; the original failure is what the caller needs
    }
  }
}
