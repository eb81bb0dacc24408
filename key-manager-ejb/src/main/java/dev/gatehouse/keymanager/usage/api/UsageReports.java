package dev.gatehouse.keymanager.usage.api;

import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.ejb.Local;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Usage as the people who can act on it see it: a developer their application's, a publisher their API's. */
@Local
public interface UsageReports {

    /** Another developer's application is not found, as everywhere. */
    UsageReport ofApplication(@NotNull Caller developer, @NotNull UUID applicationId, @NotNull UsagePeriod period);

    /** An API's usage by application: its publisher's or any for an administrator; others get not found. */
    UsageReport ofApi(@NotNull Caller publisher, @NotNull UUID apiId, @NotNull UsagePeriod period);

    /** Everything, by application: administrators only. */
    UsageReport overall(@NotNull Caller administrator, @NotNull UsagePeriod period);
}
