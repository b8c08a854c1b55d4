package ${package};

/** Builds the error every generated method throws until you implement it. */
final class Unimplemented {
  private Unimplemented() {}

  /** Returns the error for {@code type.method}, naming the contract test that will pass. */
  static UnsupportedOperationException method(String type, String method) {
    return new UnsupportedOperationException(
        type
            + "."
            + method
            + " is not implemented yet: implement it against the ${cloud} SDK, then run "
            + type
            + "Test, which holds it to the SDK's contract kit");
  }
}
