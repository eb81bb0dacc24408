package dev.gatehouse.keymanager.plans.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class InvalidPlan extends BusinessException {
    public InvalidPlan(Kind kind, String reason, String message) {
        super(kind, reason, message);
    }
}
