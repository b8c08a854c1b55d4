/**
 * The demo's ops dashboard: one self-contained page at {@code /admin/dashboard} (HTML, CSS and JS
 * from the jar, no CDN) that polls {@code /admin/dashboard/data}, the JSON document {@link
 * dev.tdeveloper.demo.dashboard.DashboardData} builds from the demo's components, with the
 * per-tenant traffic counted by {@link dev.tdeveloper.demo.dashboard.TrafficCounter}.
 */
package dev.tdeveloper.demo.dashboard;
