package dev.tdeveloper.tenancy.context;

import dev.tdeveloper.tenancy.TenancyException;

/** Thrown by {@link TenantContext#require()} when the current thread has no tenant bound. */
public final class NoTenantBoundException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception, naming the thread. */
  public NoTenantBoundException() {
    super(
        "no tenant is bound to thread '"
            + Thread.currentThread().getName()
            + "'; bind one with TenantContext.run/call/open, or propagate it with"
            + " TenantContext.wrap(...)");
  }
}
