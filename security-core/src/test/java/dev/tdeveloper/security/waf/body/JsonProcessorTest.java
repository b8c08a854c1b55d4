package dev.tdeveloper.security.waf.body;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.ByteStrings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonProcessorTest {
  private static final BodyProcessor JSON = BodyProcessors.defaults().byName("json").orElseThrow();

  private static BodyResult parse(String json) {
    return JSON.process(json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  private static List<Arg> args(String json) {
    BodyResult r = parse(json);
    assertThat(r.error()).as("error of %s", json).isEmpty();
    return r.args();
  }

  @Test
  void objectMembersAreNamedByTheirPath() {
    assertThat(args("{\"a\":{\"b\":\"x\"},\"c\":\"y\"}"))
        .containsExactly(new Arg("json.a.b", "x"), new Arg("json.c", "y"));
  }

  @Test
  void arrayElementsAreNumberedFromZero() {
    assertThat(args("{\"a\":[1,2,3]}"))
        .containsExactly(
            new Arg("json.a.array_0", "1"),
            new Arg("json.a.array_1", "2"),
            new Arg("json.a.array_2", "3"));
  }

  @Test
  void objectsInsideArraysCountAsElements() {
    assertThat(args("{\"a\":[{\"b\":1},{\"c\":2},3]}"))
        .containsExactly(
            new Arg("json.a.array_0.b", "1"),
            new Arg("json.a.array_1.c", "2"),
            new Arg("json.a.array_2", "3"));
  }

  @Test
  void nestedArraysNestTheirCounters() {
    assertThat(args("[[1,2],[3]]"))
        .containsExactly(
            new Arg("json.array_0.array_0", "1"),
            new Arg("json.array_0.array_1", "2"),
            new Arg("json.array_1.array_0", "3"));
  }

  @Test
  void scalarsKeepTheirTextNullIsEmpty() {
    assertThat(args("{\"i\":-12,\"f\":1.50e3,\"t\":true,\"n\":null,\"s\":\"\"}"))
        .containsExactly(
            new Arg("json.i", "-12"),
            new Arg("json.f", "1.50e3"),
            new Arg("json.t", "true"),
            new Arg("json.n", ""),
            new Arg("json.s", ""));
  }

  @Test
  void emptyObjectsAndArraysGiveNoArgument() {
    assertThat(args("{\"a\":{},\"b\":[],\"c\":1}")).containsExactly(new Arg("json.c", "1"));
    assertThat(args("{}")).isEmpty();
    assertThat(args("[]")).isEmpty();
  }

  @Test
  void anEmptyKeyIsNamedEmptyKey() {
    assertThat(args("{\"\":1,\"x\":{\"\":2}}"))
        .containsExactly(new Arg("json.empty-key", "1"), new Arg("json.x.empty-key", "2"));
  }

  @Test
  void aTopLevelScalarIsNamedJson() {
    assertThat(args("\"hello\"")).containsExactly(new Arg("json", "hello"));
    assertThat(args("42")).containsExactly(new Arg("json", "42"));
  }

  @Test
  void keysAndValuesAreUtf8ByteStrings() {
    assertThat(args("{\"ключ\":\"żółć \\u0000 \\u20ac\"}"))
        .containsExactly(
            new Arg(ByteStrings.ofUtf8("json.ключ"), ByteStrings.ofUtf8("żółć \u0000 \u20ac")));
  }

  @Test
  void escapesAreDecoded() {
    assertThat(args("{\"q\":\"' OR 1=1 --\\n\\t\\\"\"}"))
        .containsExactly(new Arg("json.q", "' OR 1=1 --\n\t\""));
  }

  @Test
  void malformedJsonIsAnErrorKeepingWhatCameBefore() {
    BodyResult r = parse("{\"a\":1,\"b\":");
    assertThat(r.error()).get().asString().startsWith("JSON parsing error: ");
    assertThat(r.args()).containsExactly(new Arg("json.a", "1"));
  }

  @Test
  void trailingDataIsAnError() {
    assertThat(parse("{\"a\":1} {\"b\":2}").error())
        .contains("JSON parsing error: trailing garbage");
    assertThat(parse("{\"a\":1} x").error()).isPresent();
  }

  @Test
  void commentsAndSingleQuotesAreErrors() {
    assertThat(parse("{\"a\":1 /* c */}").error()).isPresent();
    assertThat(parse("{'a':1}").error()).isPresent();
  }

  @Test
  void invalidUtf8IsAnError() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThat(JSON.process(body, "").error()).get().asString().startsWith("JSON parsing error: ");
  }

  @Test
  void anEmptyBodyGivesNothing() {
    BodyResult r = JSON.process(new byte[0], "application/json");
    assertThat(r.error()).isEmpty();
    assertThat(r.args()).isEmpty();
  }

  @Test
  void nestingUpToTheLimitIsAcceptedAndBeyondIsAnError() {
    BodyProcessor limited =
        BodyProcessors.of(new BodyProcessorConfig('&', 100, 3)).byName("JSON").orElseThrow();
    byte[] three = "[[[1]]]".getBytes(StandardCharsets.UTF_8);
    byte[] four = "[[[[1]]]]".getBytes(StandardCharsets.UTF_8);
    assertThat(limited.process(three, "").args())
        .containsExactly(new Arg("json.array_0.array_0.array_0", "1"));
    assertThat(limited.process(four, "").error())
        .contains("JSON parsing error: JSON depth limit exceeded");
  }

  @Test
  void theDefaultDepthLimitIsTenThousand() {
    String ok = "[".repeat(10_000) + "]".repeat(10_000);
    String deep = "[".repeat(10_001) + "]".repeat(10_001);
    assertThat(parse(ok).error()).isEmpty();
    assertThat(parse(deep).error()).contains("JSON parsing error: JSON depth limit exceeded");
  }

  @Test
  void deepNestingWithManyValuesRunsOutOfNameBudgetInsteadOfMemory() {
    String open = "[".repeat(9_000);
    String body = open + "1,".repeat(1_000_000) + "1" + "]".repeat(9_000);
    BodyResult r = parse(body);
    assertThat(r.error()).contains("JSON parsing error: argument names longer than the budget");
  }

  @Test
  void aFewMegabytesOfJsonAreRead() {
    StringBuilder b = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 100_000; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"id\":")
          .append(i)
          .append(",\"name\":\"item ")
          .append(i)
          .append("\"}");
    }
    b.append("]}");
    List<Arg> args = args(b.toString());
    assertThat(args).hasSize(200_000);
    assertThat(args.get(199_999)).isEqualTo(new Arg("json.items.array_99999.name", "item 99999"));
  }
}
