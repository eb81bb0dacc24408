package dev.gatehouse.keymanager.applications.api;

import java.util.UUID;

/**
 * An application as a person who is asked to authorize it sees it: its name and its developer's name; firstParty:
 * an administrator has marked it the operator's own, so people are not asked to consent.
 */
public record ApplicationCard(UUID id, String name, String developer, boolean firstParty) {
}
