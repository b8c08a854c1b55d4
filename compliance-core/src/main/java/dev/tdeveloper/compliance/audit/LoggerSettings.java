package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The validated configuration of a logger, copied out of its builder. Immutable. */
record LoggerSettings(
    AuditSink sink,
    Durability durability,
    Clock clock,
    Optional<Pseudonymizer> pseudonymizer,
    Set<String> personalDetails,
    Set<String> nonPersonalActors,
    Optional<KeyedChain> keyedChain,
    int queueCapacity,
    Duration offerTimeout,
    Duration groupCommitDelay,
    Optional<LeafObserver> leafObserver,
    Listeners<AuditLogEvent> listeners) {}
