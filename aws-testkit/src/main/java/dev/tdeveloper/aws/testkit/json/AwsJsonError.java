package dev.tdeveloper.aws.testkit.json;

/**
 * An error answer of the JSON protocol: {@code {"__type": type, "message": message}} with an HTTP
 * status. Thrown by the service doubles and turned into a response by the server.
 */
final class AwsJsonError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final int status;

  AwsJsonError(String type, int status, String message) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
  }

  /** A client error (HTTP 400), the status AWS uses for nearly every service exception. */
  static AwsJsonError of(String type, String message) {
    return new AwsJsonError(type, 400, message);
  }

  /** A {@code ValidationException} naming the field, the value's problem and what is allowed. */
  static AwsJsonError validation(String message) {
    return of("ValidationException", message);
  }

  String type() {
    return type;
  }

  int status() {
    return status;
  }
}
