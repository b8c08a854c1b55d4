package dev.tdeveloper.distribution.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

class SurrogateKeysTest {
  @Property(tries = 2000)
  void differentTenantTypeOrIdNeverShareAKey(
      @ForAll("triples") Tuple3<String, String, String> a,
      @ForAll("triples") Tuple3<String, String, String> b) {
    String ka = SurrogateKeys.resource(TenantId.of(a.get1()), a.get2(), a.get3());
    String kb = SurrogateKeys.resource(TenantId.of(b.get1()), b.get2(), b.get3());
    assertThat(ka.equals(kb)).isEqualTo(a.equals(b));
    // a resource key never equals a tenant or type key either
    assertThat(ka).isNotEqualTo(SurrogateKeys.tenant(TenantId.of(b.get1())));
    assertThat(ka).isNotEqualTo(SurrogateKeys.type(TenantId.of(b.get1()), b.get2()));
  }

  @Property(tries = 500)
  void keysArePrintableAsciiWithoutSpacesAndShort(
      @ForAll("triples") Tuple3<String, String, String> t) {
    String key = SurrogateKeys.resource(TenantId.of(t.get1()), t.get2(), t.get3());
    assertThat(key).matches("[!-~]+");
    assertThat(key.length()).isLessThanOrEqualTo(1024);
  }

  @Property(tries = 200)
  void worstCaseIdFitsFastlysLimit(@ForAll("tenants") String tenant) {
    String id = "\uD83D\uDE00".repeat(50); // 100 chars, 4 UTF-8 bytes per pair
    String key = SurrogateKeys.resource(TenantId.of(tenant), "a".repeat(32), id);
    assertThat(key.length()).isLessThanOrEqualTo(1024);
  }

  @Provide
  Arbitrary<String> tenants() {
    // small alphabets so collisions would be found if the encoding allowed them
    return Arbitraries.strings()
        .withChars("ab-")
        .ofMinLength(1)
        .ofMaxLength(5)
        .filter(TenantId::isValid);
  }

  @Provide
  Arbitrary<Tuple3<String, String, String>> triples() {
    Arbitrary<String> types =
        Arbitraries.strings()
            .withChars("ab-")
            .ofMinLength(1)
            .ofMaxLength(4)
            .filter(s -> s.charAt(0) != '-');
    Arbitrary<String> ids =
        Arbitraries.strings().withChars("ab.-%2E \u00e9").ofMinLength(1).ofMaxLength(6);
    return Combinators.combine(tenants(), types, ids).as(Tuple::of);
  }

  @org.junit.jupiter.api.Test
  void encodesTheExample() {
    TenantId acme = TenantId.of("acme");
    assertThat(SurrogateKeys.tenant(acme)).isEqualTo("t-acme");
    assertThat(SurrogateKeys.type(acme, "note")).isEqualTo("t-acme.note");
    assertThat(SurrogateKeys.resource(acme, "note", "42")).isEqualTo("t-acme.note.42");
    assertThat(SurrogateKeys.resource(acme, "note", "a.b c%"))
        .isEqualTo("t-acme.note.a%2Eb%20c%25");
  }
}
