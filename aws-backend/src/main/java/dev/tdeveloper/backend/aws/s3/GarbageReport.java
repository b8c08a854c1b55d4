package dev.tdeveloper.backend.aws.s3;

import java.util.List;

/**
 * What {@link S3BackupStore#collectGarbage} removed. Immutable and thread-safe.
 *
 * @param abortedUploads keys of the incomplete multipart uploads it aborted (a crashed or failed
 *     put leaves one; none is ever visible as an object)
 */
public record GarbageReport(List<String> abortedUploads) {
  /** Copies the list. */
  public GarbageReport {
    abortedUploads = List.copyOf(abortedUploads);
  }
}
