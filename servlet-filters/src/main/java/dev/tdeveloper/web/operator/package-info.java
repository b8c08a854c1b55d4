/**
 * Operator authentication for routes that belong to no tenant (admin APIs, ops views, dashboards):
 * {@link dev.tdeveloper.web.operator.OperatorFilter} authenticates an operator principal and checks
 * its platform roles through the tenancy access guard, answering RFC 9457 problems with 401 or 403.
 */
package dev.tdeveloper.web.operator;
