/**
 * Job leases in one JVM: {@link dev.tdeveloper.tenancy.lease.InProcessJobLease}, the default {@link
 * dev.tdeveloper.tenancy.spi.JobLease} that keeps scheduled jobs from overlapping within a process;
 * a service with several instances uses a shared backend (redis-backend) instead.
 */
package dev.tdeveloper.tenancy.lease;
