package dev.tdeveloper.tenancy.registry;

import dev.tdeveloper.tenancy.TenancyException;

/**
 * Thrown when a {@link FileTenantRegistry} cannot use its journal: it is locked by another
 * registry, cannot be read or written, or is corrupt (the message names the file and the byte
 * offset of the damage; the registry refuses to open rather than drop acknowledged tenants). When a
 * write fails this way, the change was not recorded.
 */
public final class FileTenantRegistryException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the file
   * @param cause the I/O error, or null
   */
  public FileTenantRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
