package dev.tdeveloper.web.waf;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The application behind the WAF in tests: {@code /leak} answers text with a secret, {@code
 * /leak-header} sets {@code X-Leak: yes}, {@code /big?n=N} answers N bytes of text, {@code POST
 * /echo} answers the body it read, {@code POST /form} answers its form parameters {@code a} and
 * {@code b}; anything else answers {@code ok}.
 */
final class WafTestServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain;charset=UTF-8");
    switch (request.getRequestURI()) {
      case "/leak" -> response.getWriter().print("account 42: SECRET-LEAK in the answer");
      case "/leak-header" -> {
        response.setHeader("X-Leak", "yes");
        response.getWriter().print("fine body");
      }
      case "/big" -> {
        int n = Integer.parseInt(request.getParameter("n"));
        byte[] chunk = "abcdefghij".repeat(10).getBytes(StandardCharsets.US_ASCII);
        var out = response.getOutputStream();
        for (int written = 0; written < n; written += chunk.length) {
          out.write(chunk, 0, Math.min(chunk.length, n - written));
        }
      }
      default -> response.getWriter().print("ok");
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getRequestURI().equals("/form")) {
      response.setContentType("text/plain;charset=UTF-8");
      response
          .getWriter()
          .print("a=" + request.getParameter("a") + " b=" + request.getParameter("b"));
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    response.setContentType("application/octet-stream");
    response.getOutputStream().write(body);
  }
}
