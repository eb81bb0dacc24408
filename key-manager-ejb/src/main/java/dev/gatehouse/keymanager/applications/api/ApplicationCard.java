package dev.gatehouse.keymanager.applications.api;

import java.util.UUID;

/** An application as a person who is asked to authorize it sees it: its name and its developer's name. */
public record ApplicationCard(UUID id, String name, String developer) {
}
