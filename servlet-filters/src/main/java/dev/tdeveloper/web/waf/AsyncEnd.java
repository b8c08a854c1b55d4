package dev.tdeveloper.web.waf;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * Finishes an asynchronous request when its last async cycle ends: phase 4 on the body that passed
 * uninspected, phase 5 and the event. Thread-safe: the container may call it from any thread.
 */
final class AsyncEnd implements AsyncListener {
  private final WafFilter filter;
  private final WafFilter.Exchange x;
  private final InspectedResponse held;
  private boolean done;

  AsyncEnd(WafFilter filter, WafFilter.Exchange x, InspectedResponse held) {
    this.filter = filter;
    this.x = x;
    this.held = held;
  }

  private synchronized void end() {
    if (done) {
      return;
    }
    done = true;
    try {
      held.finish();
    } catch (RuntimeException e) {
      x.tx().fail(e);
    }
    filter.end(x, x.tx().interruption(), false);
  }

  @Override
  public void onComplete(AsyncEvent event) {
    end();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    end();
  }

  @Override
  public void onError(AsyncEvent event) {
    end();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    event.getAsyncContext().addListener(this);
  }
}
