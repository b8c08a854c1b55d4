package dev.tdeveloper.web.tenant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Minimal in-process servlet request and response (dynamic proxies) for tests that must run the
 * filter on the test thread. Only the methods the filter uses on its admit path are supported.
 */
final class FakeHttp {
  private FakeHttp() {}

  static HttpServletRequest request(String host, String path, Map<String, String> headers) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getServerName" -> host;
                  case "getRequestURI", "getServletPath" -> path;
                  case "getContextPath" -> "";
                  case "getPathInfo" -> null;
                  case "getMethod" -> "GET";
                  case "getRemoteAddr" -> "192.0.2.1";
                  case "getHeader" -> headers.get(((String) args[0]).toLowerCase());
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "toString" -> "FakeRequest[" + host + path + "]";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  static HttpServletResponse response() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              if (method.getName().equals("toString")) {
                return "FakeResponse";
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
