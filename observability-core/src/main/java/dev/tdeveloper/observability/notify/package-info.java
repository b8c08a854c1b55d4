/**
 * The {@link dev.tdeveloper.observability.notify.Notifier} SPI and its implementations: PagerDuty
 * Events API v2, Slack-compatible webhooks, generic webhooks signed with HMAC, e-mail through a
 * transport SPI, and the log; remote delivery goes through a bounded queue with Failsafe retries.
 */
package dev.tdeveloper.observability.notify;
