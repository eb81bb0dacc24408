package dev.gatehouse.keymanager.plans.api;

import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

@Local
public interface PlanService {

    List<PlanView> list();

    PlanView get(UUID planId);

    /** Administrators only; names are unique ignoring case. */
    PlanView create(@NotNull Caller administrator, @NotNull @Valid PlanDefinition definition);
}
