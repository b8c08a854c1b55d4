/**
 * The small typed events tenancy components publish (provisioning step done, access denied, quota
 * exhausted, configuration reload failed, ...), and the listener interface that receives them.
 */
package dev.tdeveloper.tenancy.event;
