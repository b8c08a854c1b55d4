package dev.tdeveloper.distribution.crdt;

/**
 * Encodes one CRDT type in a compact binary form and in JSON. Encode a full state to ship it or
 * store it, or a {@link DeltaCrdt#delta() delta} (a state too) to replicate a change.
 *
 * <p>The binary form starts with a version byte ({@code 1}) and a type tag, then a table of the
 * region ids the state mentions, then the body with regions as table indices and every integer as
 * an unsigned LEB128 varint. Decoding refuses truncated, corrupt or foreign input with a {@link
 * CrdtDecodingException} naming the byte offset, and never returns a state that breaks the type's
 * invariants (a dot outside the causal context, a duplicate element).
 *
 * <p>The JSON form is an object with {@code "type"} and {@code "version"} fields; decoding errors
 * name the JSON path.
 *
 * <p>Codecs are immutable and thread-safe.
 *
 * @param <C> the CRDT type
 */
public interface CrdtCodec<C extends Crdt<C>> {
  /**
   * Encodes a state (not its pending delta) in the binary form.
   *
   * @param state the state
   * @return its bytes
   */
  byte[] encode(C state);

  /**
   * Decodes the binary form.
   *
   * @param bytes what {@link #encode} produced
   * @return the state, without a delta
   * @throws CrdtDecodingException naming the offset if the bytes are truncated or corrupt
   */
  C decode(byte[] bytes);

  /**
   * Encodes a state (not its pending delta) as JSON.
   *
   * @param state the state
   * @return the JSON text
   */
  String toJson(C state);

  /**
   * Decodes the JSON form.
   *
   * @param json what {@link #toJson} produced
   * @return the state, without a delta
   * @throws CrdtDecodingException naming the JSON path if the text is not a valid state
   */
  C fromJson(String json);

  /** Returns the codec of {@link GCounter}. */
  static CrdtCodec<GCounter> gCounter() {
    return GCounterCodec.INSTANCE;
  }

  /** Returns the codec of {@link PNCounter}. */
  static CrdtCodec<PNCounter> pnCounter() {
    return PnCounterCodec.INSTANCE;
  }

  /**
   * Returns the codec of {@link LwwRegister}.
   *
   * @param <T> the value type
   * @param values the codec of the values
   * @return the codec
   */
  static <T> CrdtCodec<LwwRegister<T>> lwwRegister(ValueCodec<T> values) {
    return new LwwCodec<>(values);
  }

  /**
   * Returns the codec of {@link MvRegister}.
   *
   * @param <T> the value type
   * @param values the codec of the values
   * @return the codec
   */
  static <T> CrdtCodec<MvRegister<T>> mvRegister(ValueCodec<T> values) {
    return new MvCodec<>(values);
  }

  /**
   * Returns the codec of {@link OrSet}.
   *
   * @param <E> the element type
   * @param elements the codec of the elements
   * @return the codec
   */
  static <E> CrdtCodec<OrSet<E>> orSet(ValueCodec<E> elements) {
    return new OrSetCodec<>(elements);
  }

  /**
   * Returns the codec of {@link OrMap}.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param keys the codec of the keys
   * @param values the codec of the values: one of this interface's built-ins, or any codec (its
   *     binary and JSON forms are then nested as they are)
   * @return the codec
   */
  static <K, V extends Crdt<V>> CrdtCodec<OrMap<K, V>> orMap(
      ValueCodec<K> keys, CrdtCodec<V> values) {
    return new OrMapCodec<>(keys, values);
  }
}
