package dev.gatehouse.keymanager.usage.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class UsagePeriodInvalid extends BusinessException {

    public UsagePeriodInvalid(String message) {
        super(Kind.INVALID, "usage_period_invalid", message);
    }
}
