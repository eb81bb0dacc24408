package dev.gatehouse.keymanager.plans.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class PlanNotFound extends BusinessException {
    public PlanNotFound() {
        super(Kind.NOT_FOUND, "plan_not_found", "No such plan.");
    }
}
