package dev.tdeveloper.aws.testkit.json;

import java.time.Instant;

/** An alias of {@link LocalKms}: a name pointing at one key. */
record KmsAlias(String name, String keyId, Instant created) {}
