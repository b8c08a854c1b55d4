/**
 * The reference multi-tenant service: a small notes API on embedded Jetty that wires every module
 * of the suite on its embedded defaults. Run it with the README's first command.
 */
package dev.tdeveloper.demo;
