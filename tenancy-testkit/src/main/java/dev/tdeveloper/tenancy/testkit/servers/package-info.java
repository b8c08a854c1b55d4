/**
 * Real servers for backend tests: Redis and PostgreSQL from their Debian packages, started on
 * loopback on free ports in a temporary directory for the test run and stopped afterwards. A
 * missing server binary fails the test run with the package to install; tests never skip.
 */
package dev.tdeveloper.tenancy.testkit.servers;
