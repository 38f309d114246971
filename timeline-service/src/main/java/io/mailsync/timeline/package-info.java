/**
 * timeline-service: Directory, per-customer timelines, the unmatched inbox and the CRM-facing REST
 * API.
 */
package io.mailsync.timeline;
