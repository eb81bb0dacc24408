package dev.gatehouse.portal.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** The roles the portal's pages and security constraints (web.xml) name; sign-in is {@link PortalAuthentication}. */
@DeclareRoles({"DEVELOPER", "PUBLISHER", "ADMIN"})
@ApplicationScoped
public class PortalSecurity {
}
