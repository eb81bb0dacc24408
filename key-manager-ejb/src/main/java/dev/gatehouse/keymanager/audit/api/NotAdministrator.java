package dev.gatehouse.keymanager.audit.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class NotAdministrator extends BusinessException {
    public NotAdministrator() {
        super(Kind.DENIED, "admin_role_required", "This needs an administrator account.");
    }
}
