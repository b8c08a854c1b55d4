package dev.tdeveloper.security.waf.seclang;

import java.util.List;

/**
 * A directive split into its name and arguments, quotes removed.
 *
 * @param name the directive name as written
 * @param args the arguments: double-quoted ones without their quotes and with their content kept as
 *     written ({@code \"} stays two characters, as ModSecurity v3 keeps it)
 * @param location where it starts
 */
record Directive(String name, List<String> args, Location location) {
  Directive {
    args = List.copyOf(args);
  }
}
