package dev.tdeveloper.security.waf.corpus;

import java.util.List;

/**
 * An attack payload with the placements it is replayed in.
 *
 * <p>{@code placements} is a string of letters, one request each: {@code q} query parameter, {@code
 * d} query parameter percent-encoded twice, {@code u} query parameter with {@code %uXXXX} escapes,
 * {@code f} urlencoded form field, {@code j} JSON body field, {@code c} cookie value (sent raw, so
 * only for payloads without {@code ;}), {@code m} multipart form field, {@code a} User-Agent
 * header, {@code r} Referer header, {@code p} the URL path itself.
 */
record Seed(
    String family, String param, String payload, List<String> expect, int pl, String placements) {

  static Seed of(String family, String param, String payload, String expect, int pl, String where) {
    return new Seed(family, param, payload, List.of(expect.split(",")), pl, where);
  }
}
