package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.ByteStrings;
import dev.tdeveloper.security.waf.body.Arg;
import dev.tdeveloper.security.waf.body.FilePart;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Derives the request and response variables of a transaction from its raw data, as libmodsecurity3
 * does; each result is computed once per change of the data and cached by {@link RequestState}.
 * Single variables yield exactly one target, empty when libmodsecurity3 would not have set it (its
 * anchored variables do the same). Stateless.
 */
final class RequestVariables {
  private static final Target[] NONE = new Target[0];

  private RequestVariables() {}

  /**
   * The targets of a request or response variable.
   *
   * @param d the transaction's data
   * @param variable the variable name, upper case
   * @return its targets; none for a name this class does not derive
   */
  static Target[] derive(RequestData d, String variable) {
    return switch (variable) {
      case "ARGS" -> args("ARGS", d.argsGet, d.argsPost(), false);
      case "ARGS_GET" -> args("ARGS_GET", d.argsGet, List.of(), false);
      case "ARGS_POST" -> args("ARGS_POST", d.argsPost(), List.of(), false);
      case "ARGS_NAMES" -> args("ARGS_NAMES", d.argsGet, d.argsPost(), true);
      case "ARGS_GET_NAMES" -> args("ARGS_GET_NAMES", d.argsGet, List.of(), true);
      case "ARGS_POST_NAMES" -> args("ARGS_POST_NAMES", d.argsPost(), List.of(), true);
      case "REQUEST_HEADERS" -> headers("REQUEST_HEADERS", d.requestHeaders, false);
      case "REQUEST_HEADERS_NAMES" -> headers("REQUEST_HEADERS_NAMES", d.requestHeaders, true);
      case "RESPONSE_HEADERS" -> headers("RESPONSE_HEADERS", d.responseHeaders, false);
      case "RESPONSE_HEADERS_NAMES" -> headers("RESPONSE_HEADERS_NAMES", d.responseHeaders, true);
      case "REQUEST_COOKIES" -> args("REQUEST_COOKIES", d.cookies, List.of(), false);
      case "REQUEST_COOKIES_NAMES" -> args("REQUEST_COOKIES_NAMES", d.cookies, List.of(), true);
      case "FILES", "FILES_NAMES", "FILES_SIZES", "FILES_TMPNAMES", "MULTIPART_PART_HEADERS" ->
          files(d, variable);
      default -> single(variable, d);
    };
  }

  private static Target[] single(String variable, RequestData d) {
    String value = singleValue(variable, d);
    return value == null ? NONE : new Target[] {new Target(variable, variable, value)};
  }

  /** The value of a single variable; null for a name this class does not derive. */
  private static String singleValue(String variable, RequestData d) {
    return switch (variable) {
      case "REMOTE_ADDR", "REMOTE_HOST" -> d.remoteAddr;
      case "REMOTE_PORT" -> d.remotePort;
      case "SERVER_ADDR" -> d.serverAddr;
      case "SERVER_PORT" -> d.serverPort;
      case "SERVER_NAME" -> serverName(d);
      case "REQUEST_METHOD" -> d.method;
      case "REQUEST_PROTOCOL" -> d.protocol;
      case "REQUEST_LINE" ->
          d.method.isEmpty() ? "" : d.method + " " + d.uri.raw() + " " + d.protocol;
      case "REQUEST_URI" -> d.uri.uri();
      case "REQUEST_URI_RAW" -> d.uri.raw();
      case "REQUEST_FILENAME", "PATH_INFO" -> d.uri.filename();
      case "REQUEST_BASENAME" -> d.uri.basename();
      case "QUERY_STRING" -> d.uri.query();
      case "ARGS_COMBINED_SIZE" ->
          Long.toString(combinedSize(d.argsGet) + combinedSize(d.argsPost()));
      case "AUTH_TYPE" -> authType(d);
      case "REMOTE_USER" -> remoteUser(d);
      case "USERID" -> "";
      case "REQUEST_BODY" -> d.requestBody;
      case "REQUEST_BODY_LENGTH" -> Integer.toString(d.requestBody.length());
      case "FULL_REQUEST" -> fullRequest(d);
      case "FULL_REQUEST_LENGTH" -> Integer.toString(fullRequest(d).length());
      case "FILES_COMBINED_SIZE" -> Long.toString(filesSize(d));
      case "REQBODY_PROCESSOR" -> d.requestBodyProcessor;
      case "REQBODY_ERROR", "REQBODY_PROCESSOR_ERROR" ->
          d.body.map(b -> b.error().isPresent() ? "1" : "0").orElse("");
      case "REQBODY_ERROR_MSG" -> d.body.flatMap(b -> b.error()).orElse("");
      case "URLENCODED_ERROR" -> urlEncodedError(d);
      case "INBOUND_DATA_ERROR" -> d.inboundDataError;
      case "OUTBOUND_DATA_ERROR" -> d.outboundDataError;
      case "RESPONSE_STATUS" -> d.responseStatus;
      case "RESPONSE_PROTOCOL" -> d.responseProtocol;
      case "STATUS_LINE" ->
          d.responseStatus.isEmpty() ? "" : d.responseProtocol + " " + d.responseStatus;
      case "RESPONSE_CONTENT_TYPE" -> responseContentType(d);
      case "RESPONSE_BODY" -> d.responseBody.orElse("");
      case "RESPONSE_CONTENT_LENGTH" ->
          d.responseBody.map(b -> Integer.toString(b.length())).orElse("");
      default -> variable.startsWith("MULTIPART_") ? flag(d, variable) : null;
    };
  }

  private static Target[] args(String name, List<Arg> first, List<Arg> second, boolean names) {
    KeyedTargets keyed = KeyedTargets.of(name);
    Target[] out = new Target[first.size() + second.size()];
    int i = 0;
    for (List<Arg> list : List.of(first, second)) {
      for (Arg a : list) {
        out[i++] = keyed.target(a.name(), names ? a.name() : a.value());
      }
    }
    return out;
  }

  private static Target[] headers(String name, HeaderList headers, boolean names) {
    KeyedTargets keyed = KeyedTargets.of(name);
    Target[] out = new Target[headers.size()];
    for (int i = 0; i < out.length; i++) {
      String n = headers.name(i);
      out[i] = keyed.target(n, names ? n : headers.value(i));
    }
    return out;
  }

  /**
   * {@code FILES} (field to file name), {@code FILES_NAMES} (field), {@code FILES_SIZES} (field to
   * size), {@code MULTIPART_PART_HEADERS} (field to each header line). {@code FILES_TMPNAMES} is
   * always empty: the engine never writes uploads to disk.
   */
  private static Target[] files(RequestData d, String variable) {
    if (d.body.isEmpty() || variable.equals("FILES_TMPNAMES")) {
      return NONE;
    }
    List<Target> out = new ArrayList<>();
    for (FilePart f : d.body.get().files()) {
      String name = variable + ":" + f.field();
      switch (variable) {
        case "FILES" -> out.add(new Target(name, f.field(), f.filename()));
        case "FILES_NAMES" -> out.add(new Target(name, f.field(), f.field()));
        case "FILES_SIZES" -> out.add(new Target(name, f.field(), Long.toString(f.size())));
        default -> {
          for (String h : f.headers()) {
            out.add(new Target(name, f.field(), h));
          }
        }
      }
    }
    return out.toArray(NONE);
  }

  private static long combinedSize(List<Arg> args) {
    long n = 0;
    for (Arg a : args) {
      n += a.name().length() + a.value().length();
    }
    return n;
  }

  private static long filesSize(RequestData d) {
    long n = 0;
    for (FilePart f : d.body.map(b -> b.files()).orElse(List.of())) {
      n += f.size();
    }
    return n;
  }

  /** The {@code Host} header up to its first {@code :}, as libmodsecurity3 splits it. */
  private static String serverName(RequestData d) {
    String host = d.requestHeaders.first("Host").orElse("");
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /** The first word of the {@code Authorization} header. */
  private static String authType(RequestData d) {
    String auth = d.requestHeaders.first("Authorization").orElse("");
    int space = auth.indexOf(' ');
    return space < 0 ? auth : auth.substring(0, space);
  }

  /** The user name of {@code Authorization: Basic base64(user:password)}; empty otherwise. */
  private static String remoteUser(RequestData d) {
    String auth = d.requestHeaders.first("Authorization").orElse("");
    if (!auth.startsWith("Basic ")) {
      return "";
    }
    String decoded;
    try {
      decoded =
          ByteStrings.of(Base64.getMimeDecoder().decode(ByteStrings.bytes(auth.substring(6))));
    } catch (IllegalArgumentException e) {
      return "";
    }
    int colon = decoded.indexOf(':');
    return colon < 0 ? "" : decoded.substring(0, colon);
  }

  /** Headers as {@code name: value} lines, a blank line, then the body (libmodsecurity3's form). */
  private static String fullRequest(RequestData d) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < d.requestHeaders.size(); i++) {
      b.append(d.requestHeaders.name(i))
          .append(": ")
          .append(d.requestHeaders.value(i))
          .append('\n');
    }
    return b.append("\n\n").append(d.requestBody).toString();
  }

  private static String urlEncodedError(RequestData d) {
    boolean body =
        d.body.map(b -> b.flags().getOrDefault("URLENCODED_ERROR", 0) != 0).orElse(false);
    return d.queryEncodingInvalid || body ? "1" : "";
  }

  /** The response {@code Content-Type} up to its first {@code ;} (the charset dropped). */
  private static String responseContentType(RequestData d) {
    String ct = d.responseHeaders.first("Content-Type").orElse("");
    int semi = ct.indexOf(';');
    return semi < 0 ? ct : ct.substring(0, semi);
  }

  /** A {@code MULTIPART_*} flag the body processor set; empty when there was none. */
  private static String flag(RequestData d, String variable) {
    Integer v = d.body.map(b -> b.flags().get(variable)).orElse(null);
    return v == null ? "" : v.toString();
  }
}
