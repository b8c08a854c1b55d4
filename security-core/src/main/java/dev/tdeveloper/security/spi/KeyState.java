package dev.tdeveloper.security.spi;

/** The life-cycle state of one key encryption key version. */
public enum KeyState {
  /** Wraps (when newest) and unwraps data keys. */
  ENABLED,
  /** Neither wraps nor unwraps until enabled again; its material is kept. */
  DISABLED,
  /** Its material is gone for good: data keys it wrapped can never be unwrapped again. */
  DESTROYED
}
