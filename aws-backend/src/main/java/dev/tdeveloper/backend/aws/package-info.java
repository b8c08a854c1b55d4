/**
 * The cores' SPIs on AWS, through the AWS SDK for Java v2 clients the user builds and passes in:
 * nothing of the SDK appears in a core's API. This module is the worked example of implementing the
 * SPIs for a cloud; a team on another cloud copies its shape.
 */
package dev.tdeveloper.backend.aws;
