package dev.tdeveloper.compliance.audit;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The details of an {@link AuditEvent} once checked: an unmodifiable view of a private sorted copy
 * whose keys and values passed every rule of the event. Only {@link AuditEvent}'s constructor and
 * {@link EventPseudonymizer} (after checking the values it replaced) make one, so the constructor
 * trusts an instance it is given and neither copies nor checks it again: an event rebuilt from
 * another event's details costs no second copy. Immutable and thread-safe.
 */
final class CheckedDetails extends AbstractMap<String, String>
    implements SortedMap<String, String> {
  private final SortedMap<String, String> view;

  /** Wraps {@code checked}, which the caller checked and never changes or shares afterwards. */
  CheckedDetails(TreeMap<String, String> checked) {
    this.view = Collections.unmodifiableSortedMap(checked);
  }

  @Override
  public String get(Object key) {
    return view.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return view.containsKey(key);
  }

  @Override
  public int size() {
    return view.size();
  }

  @Override
  public Comparator<? super String> comparator() {
    return view.comparator();
  }

  @Override
  public SortedMap<String, String> subMap(String fromKey, String toKey) {
    return view.subMap(fromKey, toKey);
  }

  @Override
  public SortedMap<String, String> headMap(String toKey) {
    return view.headMap(toKey);
  }

  @Override
  public SortedMap<String, String> tailMap(String fromKey) {
    return view.tailMap(fromKey);
  }

  @Override
  public String firstKey() {
    return view.firstKey();
  }

  @Override
  public String lastKey() {
    return view.lastKey();
  }

  @Override
  public Set<String> keySet() {
    return view.keySet();
  }

  @Override
  public java.util.Collection<String> values() {
    return view.values();
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return view.entrySet();
  }
}
