package dev.gatehouse.keymanager.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Entities keep time as {@link Instant}; EclipseLink 4 would serialize an Instant into a byte array, so every
 * Instant travels as the {@code TIMESTAMP WITH TIME ZONE} type that Jakarta Persistence 3.1 maps natively.
 */
@Converter(autoApply = true)
public class InstantColumns implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
