package dev.tdeveloper.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.web.problem.ProblemWriter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A refusal answered from the table of rendered bodies gets exactly the calls and bytes the plain
 * path ({@link ProblemWriter#write} of the problem, rendered per request) gives: same status,
 * headers, content length and body, for any keys and {@code Retry-After} values, repeated (hits)
 * and many (collisions), with the default writer and a configured mapper's.
 */
class RefusalBodiesPropertyTest {
  private static final List<ProblemWriter> WRITERS =
      List.of(
          ProblemWriter.create(),
          ProblemWriter.using(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)));

  /** One refusal: the key's tenant and route and the seconds to wait. */
  record Refusal(RateLimitKey key, long retryAfter) {}

  @Provide
  Arbitrary<List<Refusal>> refusals() {
    Arbitrary<RateLimitKey> keys =
        Combinators.combine(
                Arbitraries.of("acme", "globex", "t-1", "initech").map(TenantId::of),
                Arbitraries.of("", "notes", "usage", "n_2"))
            .as((t, r) -> r.isEmpty() ? RateLimitKey.of(t) : RateLimitKey.of(t, r));
    Arbitrary<Long> seconds =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 3), Arbitraries.longs().between(0, 90_000));
    return Combinators.combine(keys, seconds).as(Refusal::new).list().ofMaxSize(400);
  }

  @Property(tries = 200)
  void answersWhatThePlainPathAnswers(
      @ForAll("refusals") List<Refusal> refusals, @ForAll boolean defaultWriter) {
    ProblemWriter writer = WRITERS.get(defaultWriter ? 0 : 1);
    RefusalBodies bodies = new RefusalBodies(writer);
    for (Refusal r : refusals) {
      Recorder plain = new Recorder();
      Recorder table = new Recorder();
      try {
        writer.write(plain.proxy(), RefusalBodies.problem(r.key(), r.retryAfter()));
        writer.write(table.proxy(), bodies.body(r.key(), r.retryAfter()));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      assertThat(table.calls).containsExactlyElementsOf(plain.calls).contains("setStatus [429]");
      assertThat(table.body.toByteArray()).isEqualTo(plain.body.toByteArray());
      assertThat(bodies.body(r.key(), r.retryAfter()).body()).isEqualTo(plain.body.toByteArray());
    }
  }

  /** Records every call a problem writer makes on a response, and the body bytes. */
  private static final class Recorder {
    final List<String> calls = new ArrayList<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    HttpServletResponse proxy() {
      ServletOutputStream out =
          new ServletOutputStream() {
            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
              body.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              body.write(b, off, len);
            }
          };
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              RefusalBodiesPropertyTest.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> {
                calls.add(method.getName() + " " + Arrays.toString(args));
                return switch (method.getName()) {
                  case "isCommitted" -> false;
                  case "getOutputStream" -> out;
                  default -> null;
                };
              });
    }
  }
}
