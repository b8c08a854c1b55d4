package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.body.Arg;
import dev.tdeveloper.security.waf.body.BodyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The raw data of one transaction as the API layer hands it over: connection, request line,
 * headers, body, response. Plain mutable fields written only through {@link RequestState}'s setters
 * and read by {@link RequestVariables}. Confined to one transaction.
 */
final class RequestData {
  String remoteAddr = "";
  String remotePort = "";
  String serverAddr = "";
  String serverPort = "";
  String method = "";
  String protocol = "";
  UriParts uri = UriParts.EMPTY;
  char argumentSeparator = '&';
  final List<Arg> argsGet = new ArrayList<>();
  boolean queryEncodingInvalid;
  final HeaderList requestHeaders = new HeaderList();
  final List<Arg> cookies = new ArrayList<>();
  String requestBodyProcessor = "";
  String requestBody = "";
  Optional<BodyResult> body = Optional.empty();
  String inboundDataError = "";
  String outboundDataError = "";
  String responseStatus = "";
  String responseProtocol = "";
  final HeaderList responseHeaders = new HeaderList();
  Optional<String> responseBody = Optional.empty();

  /** The arguments of the request body ({@code ARGS_POST}). */
  List<Arg> argsPost() {
    return body.isPresent() ? body.get().args() : List.of();
  }
}
