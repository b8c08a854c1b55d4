package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link FailureFilter}'s {@code Retry-After} on 503 answers, checked against the plain definition
 * it had before it skipped the committed check for statuses that are neither a 503 nor after one:
 * for any sequence of statuses, errors, the handler's own {@code Retry-After} and a commit, the
 * answer ends with the same status and headers; and an answer that never sees a 503 never asks
 * whether it is committed (a lock in Jetty).
 */
class FailureFilterRetryAfterPropertiesTest {
  private static final int[] STATUSES = {200, 201, 404, 429, 503};

  @Property(tries = 400)
  void answersWhatThePlainDefinitionAnswers(
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 11) Integer> steps) throws Exception {
    FakeResponse filtered = new FakeResponse();
    FakeResponse plain = new FakeResponse();
    new FailureFilter().doFilter(request(), filtered.proxy(), replay(steps));
    replay(steps).doFilter(request(), new PlainRetryAfterOn503(plain.proxy()));
    assertThat(filtered.status).isEqualTo(plain.status);
    assertThat(filtered.headers).isEqualTo(plain.headers);
    if (steps.stream().noneMatch(s -> s < 10 && STATUSES[s % STATUSES.length] == 503)) {
      assertThat(filtered.committedChecks).isZero();
    }
  }

  /**
   * Steps 0-4 set a status, 5-9 send an error, 10 sets the handler's own Retry-After, 11 commits.
   */
  private static FilterChain replay(List<Integer> steps) {
    return (req, res) -> {
      HttpServletResponse response = (HttpServletResponse) res;
      for (int step : steps) {
        if (step < 5) {
          response.setStatus(STATUSES[step]);
        } else if (step < 10) {
          response.sendError(STATUSES[step - 5]);
        } else if (step == 10) {
          response.setHeader(ErrorProblems.RETRY_AFTER, "30");
        } else {
          response.flushBuffer();
        }
      }
    };
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FailureFilterRetryAfterPropertiesTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** The wrapper as it was: asks whether the response is committed on every status. */
  private static final class PlainRetryAfterOn503 extends HttpServletResponseWrapper {
    private boolean added;

    PlainRetryAfterOn503(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      retryAfterFor(status);
      super.setStatus(status);
    }

    @Override
    public void sendError(int status) throws IOException {
      retryAfterFor(status);
      super.sendError(status);
    }

    private void retryAfterFor(int status) {
      if (isCommitted()) {
        return;
      }
      if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
        if (!containsHeader(ErrorProblems.RETRY_AFTER)) {
          setHeader(ErrorProblems.RETRY_AFTER, Long.toString(ErrorProblems.RETRY_AFTER_SECONDS));
          added = true;
        }
      } else if (added) {
        setHeader(ErrorProblems.RETRY_AFTER, null);
        added = false;
      }
    }
  }

  /** A response that ignores changes once committed, as a container does. */
  private static final class FakeResponse {
    int status = 200;
    boolean committed;
    int committedChecks;
    final Map<String, String> headers = new LinkedHashMap<>();

    HttpServletResponse proxy() {
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              FailureFilterRetryAfterPropertiesTest.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "isCommitted" -> {
                    committedChecks++;
                    return committed;
                  }
                  case "containsHeader" -> {
                    return headers.containsKey((String) args[0]);
                  }
                  case "setHeader" -> {
                    if (!committed) {
                      if (args[1] == null) {
                        headers.remove((String) args[0]);
                      } else {
                        headers.put((String) args[0], (String) args[1]);
                      }
                    }
                    return null;
                  }
                  case "setStatus", "sendError" -> {
                    if (!committed) {
                      status = (Integer) args[0];
                    }
                    return null;
                  }
                  case "flushBuffer" -> {
                    committed = true;
                    return null;
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                }
              });
    }
  }
}
