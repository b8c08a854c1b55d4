package dev.tdeveloper.security.shield;

/** What the {@link AbuseShield} counts and bans by. */
public enum Dimension {
  /** The client IP address (after {@link ClientIpResolver}). */
  CLIENT_IP,
  /** The tenant the request is for. */
  TENANT,
  /** The API key (its identifier or fingerprint) the request presents. */
  API_KEY
}
