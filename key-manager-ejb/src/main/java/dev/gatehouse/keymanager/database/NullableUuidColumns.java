package dev.gatehouse.keymanager.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For a UUID column that may be NULL: EclipseLink's own UUID conversion fails on a NULL value when it reads the
 * row. The drivers (H2, PostgreSQL) read and write {@link UUID} themselves, so the value passes through unchanged.
 */
@Converter
public class NullableUuidColumns implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(UUID value) {
        return value;
    }
}
