package dev.gatehouse.keymanager.usage.api;

import java.time.Instant;
import java.util.UUID;

/** One refused gateway call as its application's developer sees it; never the token. */
public record RefusedCall(Instant at, UUID applicationId, UUID apiId, String apiName, String environment,
        String method, String path, int status, String reason, String description) {
}
