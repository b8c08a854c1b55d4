package dev.tdeveloper.web.shield;

import dev.tdeveloper.security.shield.BlockReason;
import dev.tdeveloper.security.shield.ShieldDecision;
import dev.tdeveloper.web.problem.ProblemDetails;
import java.net.URI;
import java.util.Optional;

/** The RFC 9457 problems {@link AbuseShieldFilter} answers with, one per kind of refusal. */
enum ShieldProblems {
  DENIED(403, "access-denied", "Access denied", "requests from this address are not accepted"),
  BANNED(
      429,
      "temporarily-banned",
      "Temporarily banned",
      "this client, tenant or API key is temporarily banned for sending too many requests"),
  HEAVY_HITTER(
      429,
      "heavy-hitter",
      "Too many requests",
      "this client, tenant or API key sent too many requests and is now temporarily banned"),
  OVERLOADED(
      503, "overloaded", "Service overloaded", "the service is shedding load; try again shortly"),
  UNKNOWN_ADDRESS(400, "unknown-client-address", "Unknown client address", "");

  private final int status;
  private final URI type;
  private final String title;
  private final String detail;

  ShieldProblems(int status, String slug, String title, String detail) {
    this.status = status;
    this.type = ProblemDetails.typeOf(slug);
    this.title = title;
    this.detail = detail;
  }

  static ShieldProblems of(BlockReason reason) {
    return switch (reason) {
      case DENY_LISTED -> DENIED;
      case BANNED -> BANNED;
      case HEAVY_HITTER -> HEAVY_HITTER;
      case OVERLOADED -> OVERLOADED;
    };
  }

  /** Returns the problem of {@code block}, with the status the shield chose. */
  ProblemDetails problem(ShieldDecision.Block block, Optional<Long> retryAfterSeconds) {
    ProblemDetails p = ProblemDetails.of(type, title, block.status()).withDetail(detail);
    return retryAfterSeconds.map(s -> p.withExtension("retryAfterSeconds", s)).orElse(p);
  }

  /** Returns this problem with {@code detail}. */
  ProblemDetails problem(String detail, Optional<Long> retryAfterSeconds) {
    ProblemDetails p = ProblemDetails.of(type, title, status).withDetail(detail);
    return retryAfterSeconds.map(s -> p.withExtension("retryAfterSeconds", s)).orElse(p);
  }
}
