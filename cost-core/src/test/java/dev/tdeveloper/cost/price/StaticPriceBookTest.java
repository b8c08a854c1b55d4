package dev.tdeveloper.cost.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class StaticPriceBookTest {
  static final Currency USD = Currency.getInstance("USD");
  static final PriceKey VCPU = PriceKey.of("us-east-1", ResourceType.VCPU, PricingModel.ON_DEMAND);

  @Test
  void refusesAKeyPricedTwiceNamingBothPrices() {
    StaticPriceBook.Builder builder =
        StaticPriceBook.builder(USD).price(VCPU, new BigDecimal("0.04"));

    assertThatThrownBy(() -> builder.price(VCPU, new BigDecimal("0.05")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "key: us-east-1.on-demand.vcpu priced twice: 0.04 and 0.05; allowed: one price per key");
    assertThat(builder.build().unitPrice(VCPU)).contains(Money.of("0.04", "USD"));
  }

  @Test
  void refusesNegativePricesAndOtherCurrencies() {
    StaticPriceBook.Builder builder = StaticPriceBook.builder(USD);

    assertThatThrownBy(() -> builder.price(VCPU, new BigDecimal("-0.01")))
        .hasMessage("unitPrice: -0.01 for us-east-1.on-demand.vcpu is negative; allowed: >= 0");
    assertThatThrownBy(() -> builder.price(VCPU, Money.of("0.04", "EUR")))
        .hasMessage(
            "unitPrice: EUR 0.04 for us-east-1.on-demand.vcpu is not in the book's currency;"
                + " allowed: USD");
    assertThat(builder.build().keys()).isEmpty();
  }

  @Test
  void aBuiltBookDoesNotChangeWhenTheBuilderGoesOn() {
    StaticPriceBook.Builder builder = StaticPriceBook.builder(USD).price(VCPU, BigDecimal.ONE);
    StaticPriceBook book = builder.build();

    builder.price(PriceKey.egress("us-east-1", "internet"), new BigDecimal("0.09"));

    assertThat(book.keys()).containsExactly(VCPU);
    assertThat(builder.build().keys()).hasSize(2);
    assertThat(book).isEqualTo(StaticPriceBook.builder(USD).price(VCPU, BigDecimal.ONE).build());
  }

  @Test
  void unpricedKeysAreEmpty() {
    StaticPriceBook book = StaticPriceBook.builder(USD).price(VCPU, BigDecimal.ONE).build();

    assertThat(book.unitPrice(PriceKey.of("us-east-1", ResourceType.VCPU, PricingModel.SPOT)))
        .isEmpty();
  }
}
