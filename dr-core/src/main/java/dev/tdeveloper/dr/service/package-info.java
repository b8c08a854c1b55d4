/**
 * The wiring of dr-core's parts: {@link dev.tdeveloper.dr.service.DisasterRecovery} runs backup
 * policies through the engine, verifies, enforces retention, drills restores, recovers to an
 * instant and reports recovery objectives; the engine adapters ({@link
 * dev.tdeveloper.dr.service.EngineBaseBackups}, {@link
 * dev.tdeveloper.dr.service.EngineDrillTarget}) let point-in-time recovery and restore drills use
 * the engine's backups.
 */
package dev.tdeveloper.dr.service;
