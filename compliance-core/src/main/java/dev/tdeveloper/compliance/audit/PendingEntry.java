package dev.tdeveloper.compliance.audit;

import java.util.concurrent.CompletableFuture;

/** An entry accepted by {@code log} and waiting for the writer; the arrays are not shared. */
record PendingEntry(
    long sequence, byte[] event, byte[] leafHash, CompletableFuture<Void> durable) {}
