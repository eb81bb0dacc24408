package dev.gatehouse.keymanager.accounts;

import static dev.gatehouse.keymanager.api.Refusals.reasonOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.accounts.api.AccountNotFound;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.PasswordChange;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import jakarta.persistence.EntityManager;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Role administration, password changes and the forced change of a generated password, on H2 and PostgreSQL. */
class AccountAdministrationTest {

    private static AccountServiceBean service(EntityManager em) {
        return AccountTesting.service(em);
    }

    private static <T> T with(TestPersistence persistence, Function<AccountServiceBean, T> work) {
        return persistence.inTransaction(em -> work.apply(service(em)));
    }

    private static AccountView developer(TestPersistence persistence, String name) {
        // as signUp does, without its configuration switch
        return with(persistence, accounts -> accounts.accounts.create(name, name + "@example.com", name,
                "password of " + name, Set.of(Role.DEVELOPER)).toView());
    }

    private static Caller administrator(TestPersistence persistence, String name) {
        persistence.inTransactionDo(em -> {
            AdministratorCreation creation = new AdministratorCreation();
            creation.accounts = new AccountRepository();
            creation.accounts.em = em;
            assertTrue(creation.createIfNone(name, "password of " + name, false));
        });
        return with(persistence, accounts -> accounts.authenticate(name, "password of " + name, "127.0.0.1")).orElseThrow();
    }

    private static List<String> audited(TestPersistence persistence, String action) {
        return persistence.inTransaction(em -> em.createQuery("SELECT e.detail FROM AuditEvent e WHERE e.action = :action"
                + " ORDER BY e.occurredAt", String.class).setParameter("action", action).getResultList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAdministratorGrantsAndRevokesRolesAndEachChangeIsAudited(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Caller admin = administrator(persistence, "root");
            AccountView alice = developer(persistence, "alice");

            AccountView granted = with(persistence, accounts -> accounts.grantRole(admin, alice.id(), Role.PUBLISHER));
            assertEquals(EnumSet.of(Role.DEVELOPER, Role.PUBLISHER), granted.roles());
            Caller now = with(persistence, accounts -> accounts.current(alice.id())).orElseThrow();
            assertEquals(granted.roles(), now.roles(), "the next request sees the new role");
            assertTrue(now.samePasswordAs(with(persistence, accounts -> accounts.authenticate("alice", "password of alice", "127.0.0.1"))
                    .orElseThrow()), "a role change keeps the remembered sign-in");
            AccountView revoked = with(persistence, accounts -> accounts.revokeRole(admin, alice.id(), Role.PUBLISHER));
            assertEquals(EnumSet.of(Role.DEVELOPER), revoked.roles());

            assertEquals(List.of("alice PUBLISHER"), audited(persistence, "account.role.grant"));
            assertEquals(List.of("alice PUBLISHER"), audited(persistence, "account.role.revoke"));
            var page = with(persistence, accounts -> accounts.accounts(admin, 0, 1));
            assertEquals(2, page.total());
            assertEquals(1, page.items().size());
        }
    }

    @Test
    void onlyAnAdministratorChangesRoles() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            Caller root = administrator(persistence, "root");
            AccountView alice = developer(persistence, "alice");
            AccountView bob = developer(persistence, "bob");
            Caller publisher = new Caller(alice.id(), alice.username(), Set.of(Role.DEVELOPER, Role.PUBLISHER));

            var refused = assertThrows(BusinessException.class, () -> with(persistence,
                    accounts -> accounts.grantRole(publisher, bob.id(), Role.ADMIN)));
            assertEquals("admin_role_required", refused.reason());
            assertEquals("admin_role_required", reasonOf(() -> with(persistence, accounts -> accounts.accounts(publisher, 0, 20))));
            assertThrows(AccountNotFound.class, () -> with(persistence, accounts -> accounts.grantRole(
                    root, UUID.randomUUID(), Role.PUBLISHER)));
            assertEquals(Set.of(Role.DEVELOPER), with(persistence, accounts -> accounts.active(bob.id())).orElseThrow().roles());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLastAdministratorKeepsTheRole(TestDatabase kind) {
        try (TestPersistence persistence = TestPersistence.on(kind)) {
            Caller root = administrator(persistence, "root");

            var refused = assertThrows(BusinessException.class, () -> with(persistence,
                    accounts -> accounts.revokeRole(root, root.accountId(), Role.ADMIN)));
            assertEquals("last_administrator", refused.reason());
            assertEquals(BusinessException.Kind.CONFLICT, refused.kind());

            AccountView alice = developer(persistence, "alice");
            with(persistence, accounts -> accounts.grantRole(root, alice.id(), Role.ADMIN));
            AccountView demoted = with(persistence, accounts -> accounts.revokeRole(root, root.accountId(), Role.ADMIN));
            assertFalse(demoted.roles().contains(Role.ADMIN), "with another administrator, one may step down");
            Caller aliceAdmin = with(persistence, accounts -> accounts.active(alice.id())).orElseThrow().toCaller();
            assertEquals("last_administrator", assertThrows(BusinessException.class, () -> with(persistence,
                    accounts -> accounts.revokeRole(aliceAdmin, alice.id(), Role.ADMIN))).reason());
        }
    }

    @Test
    void anAccountChangesItsOwnPasswordWithTheCurrentOne() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            AccountView alice = developer(persistence, "alice");
            Caller caller = with(persistence, accounts -> accounts.authenticate("alice", "password of alice", "127.0.0.1")).orElseThrow();

            var wrong = assertThrows(BusinessException.class, () -> persistence.inTransactionDo(em -> service(em)
                    .changePassword(caller, new PasswordChange("not the password", "a brand new password"))));
            assertEquals("wrong_current_password", wrong.reason());
            persistence.inTransactionDo(em -> service(em)
                    .changePassword(caller, new PasswordChange("password of alice", "a brand new password")));

            assertTrue(with(persistence, accounts -> accounts.authenticate("alice", "password of alice", "127.0.0.1")).isEmpty());
            assertTrue(with(persistence, accounts -> accounts.authenticate("alice", "a brand new password", "127.0.0.1")).isPresent());
            assertFalse(with(persistence, accounts -> accounts.current(alice.id())).orElseThrow().samePasswordAs(caller),
                    "a sign-in remembered with the old password is over");
            assertEquals(1, audited(persistence, "account.password").size());
        }
    }

    @Test
    void aGeneratedAdministratorPasswordMustBeChangedFirst() {
        try (TestPersistence persistence = TestPersistence.on(TestDatabase.H2)) {
            persistence.inTransactionDo(em -> {
                AdministratorCreation creation = new AdministratorCreation();
                creation.accounts = new AccountRepository();
                creation.accounts.em = em;
                assertTrue(creation.createIfNone("admin", "generated secret 123", true));
            });
            Caller admin = with(persistence, accounts -> accounts.authenticate("admin", "generated secret 123", "127.0.0.1")).orElseThrow();
            assertTrue(with(persistence, accounts -> accounts.active(admin.accountId())).orElseThrow().passwordChangeRequired());

            persistence.inTransactionDo(em -> service(em)
                    .changePassword(admin, new PasswordChange("generated secret 123", "chosen by the operator")));

            assertFalse(with(persistence, accounts -> accounts.active(admin.accountId())).orElseThrow().passwordChangeRequired());
        }
    }
}
