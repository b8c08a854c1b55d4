package dev.tdeveloper.backend.aws.s3;

import java.util.List;

/**
 * What {@link S3BackupStore#collectGarbage} removed, and what it left alone. Immutable and
 * thread-safe.
 *
 * @param abortedUploads keys of the incomplete multipart uploads it aborted (a crashed or failed
 *     put leaves one; none is ever visible as an object)
 * @param keptUploads keys of stale incomplete uploads it did not abort because an object now exists
 *     under the same key (a later put completed it): S3Mock deletes that object when such an upload
 *     is aborted, so the store never takes the risk; a bucket lifecycle rule ({@code
 *     AbortIncompleteMultipartUpload}) removes their parts on AWS S3
 */
public record GarbageReport(List<String> abortedUploads, List<String> keptUploads) {
  /** Copies the lists. */
  public GarbageReport {
    abortedUploads = List.copyOf(abortedUploads);
    keptUploads = List.copyOf(keptUploads);
  }
}
