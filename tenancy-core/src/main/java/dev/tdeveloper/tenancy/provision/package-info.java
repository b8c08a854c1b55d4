/**
 * Tenant lifecycle sagas: {@link dev.tdeveloper.tenancy.provision.TenantProvisioner} runs the
 * user's idempotent {@link dev.tdeveloper.tenancy.provision.ProvisioningStep}s to provision,
 * suspend, reactivate and offboard tenants, compensates on failure, journals progress and resumes
 * after a crash. The in-memory and local-file journals live here too.
 */
package dev.tdeveloper.tenancy.provision;
