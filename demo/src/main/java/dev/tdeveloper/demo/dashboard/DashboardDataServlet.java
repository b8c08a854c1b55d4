package dev.tdeveloper.demo.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /admin/dashboard/data}: the {@link DashboardData} document as of now. Behind the
 * operator filter like every {@code /admin} route: without the operator token the filter answers
 * 401 and this servlet never runs. Answers are {@code no-store}: they hold tenant data.
 * Thread-safe.
 */
final class DashboardDataServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DashboardData data;
  private final transient ObjectMapper mapper;

  DashboardDataServlet(DashboardData data, ObjectMapper mapper) {
    this.data = data;
    this.mapper = mapper;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    byte[] body = mapper.writeValueAsBytes(data.snapshot());
    resp.setStatus(200);
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentType("application/json");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
