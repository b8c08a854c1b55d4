package ${package};

import dev.tdeveloper.security.testkit.RateLimiterStoreContract;
import dev.tdeveloper.security.testkit.StoreUnderTest;

/** Holds {@link ${cloud}RateLimiterStore} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}RateLimiterStoreTest extends RateLimiterStoreContract {
  @Override
  protected StoreUnderTest create() {
    ${cloud}RateLimiterStore store = new ${cloud}RateLimiterStore();
    return new StoreUnderTest(store, store::advanceForTests, store::timeToLive);
  }
}
